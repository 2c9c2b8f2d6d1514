import { credentialsResponse, initializeResponse, statusResponse } from '../../lib/wire/codecs';
import { decodeFailure, decoded } from './decodeResult';

describe('initializeResponse', () => {
  const canonical = {
    sessionId: 'sess-1',
    stateKey: 'state-1',
    redirectUrl: 'https://consent.example.com/start?s=1',
  };

  it('decodes the canonical answer', () => {
    expect(decoded(initializeResponse, canonical)).toStrictEqual(canonical);
  });

  it('decodes the optional status and expiry', () => {
    const value = decoded(initializeResponse, {
      ...canonical,
      status: 'inactive',
      expiresAt: '2030-01-02T03:04:05Z',
    });

    expect(value).toStrictEqual({
      ...canonical,
      status: 'INACTIVE',
      expiresAt: '2030-01-02T03:04:05.000Z',
    });
  });

  it.each([
    ['PENDING', 'INACTIVE'],
    ['expired', 'FAILED'],
    ['Active', 'ACTIVE'],
  ])('maps an initial status %s to %s', (status, mapped) => {
    expect(decoded(initializeResponse, { ...canonical, status }).status).toBe(mapped);
  });

  it('reads null status and expiry as absent', () => {
    expect(
      decoded(initializeResponse, { ...canonical, status: null, expiresAt: null }),
    ).toStrictEqual(canonical);
  });

  it.each([
    [
      'session_id',
      { session_id: 'sess-1', stateKey: 'state-1', redirectUrl: canonical.redirectUrl },
    ],
    ['id', { id: 'sess-1', stateKey: 'state-1', redirectUrl: canonical.redirectUrl }],
    [
      'state_key',
      { sessionId: 'sess-1', state_key: 'state-1', redirectUrl: canonical.redirectUrl },
    ],
    ['redirect_url', { ...canonical, redirectUrl: undefined, redirect_url: canonical.redirectUrl }],
    ['authUrl', { ...canonical, redirectUrl: undefined, authUrl: canonical.redirectUrl }],
    ['auth_url', { ...canonical, redirectUrl: undefined, auth_url: canonical.redirectUrl }],
  ])('accepts the %s variant', (_, body) => {
    expect(decoded(initializeResponse, body)).toStrictEqual(canonical);
  });

  it.each(['body', 'data'])('unwraps one %s wrapper', (key) => {
    expect(decoded(initializeResponse, { [key]: canonical, statusCode: 200 })).toStrictEqual(
      canonical,
    );
  });

  it('ignores extra fields', () => {
    expect(decoded(initializeResponse, { ...canonical, connector: { name: 'x' } })).toStrictEqual(
      canonical,
    );
  });

  it.each([
    ['the body is not an object', '<html>oops</html>', undefined],
    ['the body is null', null, undefined],
    ['the body is an array', [canonical], undefined],
    ['sessionId is missing', { ...canonical, sessionId: undefined }, 'sessionId'],
    ['sessionId is a number', { ...canonical, sessionId: 7 }, 'sessionId'],
    ['stateKey is blank', { ...canonical, stateKey: ' ' }, 'stateKey'],
    ['redirectUrl is missing', { ...canonical, redirectUrl: undefined }, 'redirectUrl'],
    [
      'redirectUrl is javascript:',
      { ...canonical, redirectUrl: 'javascript:alert(1)' },
      'redirectUrl',
    ],
    ['redirectUrl is data:', { ...canonical, redirectUrl: 'data:text/html,hi' }, 'redirectUrl'],
    ['redirectUrl is relative', { ...canonical, redirectUrl: '/consent' }, 'redirectUrl'],
    [
      'auth_url is javascript:',
      { ...canonical, redirectUrl: undefined, auth_url: 'javascript:x' },
      'auth_url',
    ],
    ['status is unknown', { ...canonical, status: 'STARTED' }, 'status'],
    ['expiresAt is not a date', { ...canonical, expiresAt: 'soon' }, 'expiresAt'],
    [
      'the wrapped sessionId is missing',
      { data: { ...canonical, sessionId: undefined } },
      'data.sessionId',
    ],
  ])('fails when %s', (_, body, fieldPath) => {
    expect(decodeFailure(initializeResponse, body).fieldPath).toBe(fieldPath);
  });
});

describe('statusResponse', () => {
  it.each([
    ['INACTIVE', { status: 'INACTIVE' }],
    ['active', { status: 'ACTIVE' }],
    ['Failed', { status: 'FAILED' }],
    ['pending', { status: 'INACTIVE' }],
  ])('reads %s', (status, expected) => {
    expect(decoded(statusResponse, { status })).toStrictEqual(expected);
  });

  it('keeps the error message of a failure', () => {
    expect(decoded(statusResponse, { status: 'FAILED', errorMessage: 'denied' })).toStrictEqual({
      status: 'FAILED',
      errorMessage: 'denied',
    });
  });

  it.each(['error_message', 'error'])('reads the %s variant of errorMessage', (key) => {
    expect(decoded(statusResponse, { status: 'FAILED', [key]: 'denied' })).toStrictEqual({
      status: 'FAILED',
      errorMessage: 'denied',
    });
  });

  it.each([null, '', '   '])('reads an errorMessage of %p as absent', (errorMessage) => {
    expect(decoded(statusResponse, { status: 'INACTIVE', errorMessage })).toStrictEqual({
      status: 'INACTIVE',
    });
  });

  it('reads EXPIRED as FAILED with a message saying the session expired', () => {
    expect(decoded(statusResponse, { status: 'EXPIRED' })).toStrictEqual({
      status: 'FAILED',
      errorMessage: 'The authorization session expired',
    });
  });

  it("keeps the server's message of an EXPIRED status", () => {
    expect(decoded(statusResponse, { status: 'expired', error: 'Link timed out' })).toStrictEqual({
      status: 'FAILED',
      errorMessage: 'Link timed out',
    });
  });

  it.each(['body', 'data'])('unwraps one %s wrapper', (key) => {
    expect(decoded(statusResponse, { [key]: { status: 'ACTIVE' } })).toStrictEqual({
      status: 'ACTIVE',
    });
  });

  it.each([
    ['the body is a string', 'ACTIVE', undefined],
    ['the body is a number', 200, undefined],
    ['status is missing', { errorMessage: 'x' }, 'status'],
    ['status is a number', { status: 1 }, 'status'],
    ['status is an unknown word', { status: 'COMPLETED' }, 'status'],
    ['status is an unknown word in a wrapper', { body: { status: 'DONE' } }, 'body.status'],
    [
      'errorMessage is not a string',
      { status: 'FAILED', errorMessage: { text: 'x' } },
      'errorMessage',
    ],
    ['error is not a string', { status: 'FAILED', error: 500 }, 'error'],
  ])('fails when %s', (_, body, fieldPath) => {
    expect(decodeFailure(statusResponse, body).fieldPath).toBe(fieldPath);
  });

  it('never reads an unknown word as a reason to keep polling', () => {
    expect(decodeFailure(statusResponse, { status: 'WAITING' }).message).toBe(
      'Invalid response: `status` should be one of INACTIVE, PENDING, ACTIVE, FAILED, EXPIRED ' +
        '(in any case), got "WAITING"',
    );
  });
});

describe('credentialsResponse', () => {
  const nowMs = () => Date.parse('2030-01-01T00:00:00.000Z');
  const decoder = credentialsResponse(nowMs);

  it('maps the OAuth fields to camelCase', () => {
    const credentials = decoded(decoder, {
      auth: {
        access_token: 'at-1',
        refresh_token: 'rt-1',
        token_type: 'Bearer',
        expires_at: '2030-01-01T01:00:00Z',
      },
    });

    expect(credentials).toStrictEqual({
      accessToken: 'at-1',
      refreshToken: 'rt-1',
      tokenType: 'Bearer',
      expiresAt: '2030-01-01T01:00:00.000Z',
      extra: {},
    });
  });

  it('reads expires_at given in epoch seconds', () => {
    const credentials = decoded(decoder, {
      auth: { access_token: 'a', expires_at: 1_900_000_000 },
    });

    expect(credentials.expiresAt).toBe('2030-03-17T17:46:40.000Z');
  });

  it('computes expiresAt from a lone expires_in with the injected clock', () => {
    const credentials = decoded(decoder, { auth: { access_token: 'a', expires_in: 3600 } });

    expect(credentials).toStrictEqual({
      accessToken: 'a',
      expiresAt: '2030-01-01T01:00:00.000Z',
      extra: {},
    });
  });

  it('reads the clock at each decode, not when the decoder is built', () => {
    let now = 0;
    const clocked = credentialsResponse(() => now);
    now = 1000;

    expect(decoded(clocked, { auth: { expires_in: 1 } }).expiresAt).toBe(
      '1970-01-01T00:00:02.000Z',
    );
  });

  it('prefers expires_at to expires_in', () => {
    const credentials = decoded(decoder, {
      auth: { expires_at: '2031-01-01T00:00:00Z', expires_in: 60 },
    });

    expect(credentials.expiresAt).toBe('2031-01-01T00:00:00.000Z');
  });

  it('keeps every other key of auth, untouched, in extra', () => {
    const scopes = ['read', 'write'];
    const credentials = decoded(decoder, {
      auth: { access_token: 'a', scope: 'read write', instance_url: 'https://x', scopes },
    });

    expect(credentials.extra).toStrictEqual({
      scope: 'read write',
      instance_url: 'https://x',
      scopes,
    });
    expect(credentials.extra.scopes).toBe(scopes);
  });

  it('decodes an API-key connector, which has no access_token', () => {
    expect(decoded(decoder, { auth: { api_key: 'k-1', domain: 'acme' } })).toStrictEqual({
      extra: { api_key: 'k-1', domain: 'acme' },
    });
  });

  it('reads null fields as absent', () => {
    expect(
      decoded(decoder, { auth: { access_token: 'a', refresh_token: null, expires_at: null } }),
    ).toStrictEqual({ accessToken: 'a', extra: {} });
  });

  it.each(['body', 'data'])('unwraps one %s wrapper', (key) => {
    expect(decoded(decoder, { [key]: { auth: { access_token: 'a' } } })).toStrictEqual({
      accessToken: 'a',
      extra: {},
    });
  });

  it.each([
    ['the body is not an object', 'token', undefined],
    ['auth is missing', { access_token: 'a' }, 'auth'],
    ['auth is a string', { auth: 'a-token' }, 'auth'],
    ['auth is null', { auth: null }, 'auth'],
    ['auth is an array', { auth: ['a'] }, 'auth'],
    ['access_token is a number', { auth: { access_token: 12 } }, 'auth.access_token'],
    ['token_type is an object', { auth: { token_type: {} } }, 'auth.token_type'],
    ['expires_at is not a date', { auth: { expires_at: 'tomorrow' } }, 'auth.expires_at'],
    ['expires_at is out of range', { auth: { expires_at: 1e20 } }, 'auth.expires_at'],
    ['expires_in is negative', { auth: { expires_in: -5 } }, 'auth.expires_in'],
    ['expires_in is a string', { auth: { expires_in: '3600' } }, 'auth.expires_in'],
    ['a wrapped auth is wrong', { data: { auth: 5 } }, 'data.auth'],
  ])('fails when %s', (_, body, fieldPath) => {
    expect(decodeFailure(decoder, body).fieldPath).toBe(fieldPath);
  });

  it.each([
    { auth: 'sk-LEAKED-token' },
    { auth: { access_token: ['sk-LEAKED-token'] } },
    { auth: { refresh_token: 1234567, expires_at: 'sk-LEAKED-token' } },
    'sk-LEAKED-token',
  ])('never shows a credential value in the failure: %#', (body) => {
    const error = decodeFailure(decoder, body, 'credentials response');

    expect(error.message).not.toContain('LEAKED');
    expect(error.message).not.toContain('1234567');
    expect(JSON.stringify(error)).not.toContain('LEAKED');
  });

  it('names the type of a bad credential value instead', () => {
    expect(decodeFailure(decoder, { auth: { access_token: 12 } }).message).toBe(
      'Invalid response: `auth.access_token` should be a string, or null, got a number',
    );
  });
});
