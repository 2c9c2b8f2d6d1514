import { InvalidArgumentError } from '../../lib/errors';
import { decodeSessionState, type SessionState } from '../../lib/session/SessionState';

const FULL: SessionState = {
  version: 1,
  id: 'sess-1',
  stateKey: 'state-1',
  redirectUrl: 'https://auth.example.com/consent?state=state-1',
  connectorId: 'google-sheets',
  orgId: 'community',
  tenantId: 'acme',
  connectionId: 'conn-1',
  expiresAt: '2030-01-01T00:00:00.000Z',
  deadlineAt: 1_700_000_000_000,
};

function failure(value: unknown): InvalidArgumentError {
  try {
    decodeSessionState(value);
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error('decodeSessionState accepted the value');
}

describe('decodeSessionState', () => {
  it('returns a full state unchanged', () => {
    expect(decodeSessionState(FULL)).toEqual(FULL);
  });

  it('accepts a state with only the required keys', () => {
    const { tenantId: _t, connectionId: _c, expiresAt: _e, deadlineAt: _d, ...minimal } = FULL;

    expect(decodeSessionState(minimal)).toEqual(minimal);
  });

  it('survives a JSON round trip', () => {
    expect(decodeSessionState(JSON.parse(JSON.stringify(FULL)))).toEqual(FULL);
  });

  it('drops keys that toJSON never writes', () => {
    const decoded = decodeSessionState({ ...FULL, apiKey: 'sk-should-not-travel' });

    expect(decoded).not.toHaveProperty('apiKey');
  });

  it.each([null, undefined, 'state', 42, []])('names `state` when given %p', (value) => {
    const error = failure(value);

    expect(error.field).toBe('state');
    expect(error.message).toMatch(/AuthSession\.toJSON\(\)/);
  });

  it.each([
    ['id', 'missing', { id: undefined }, /state\.id is missing/],
    ['stateKey', 'blank', { stateKey: '   ' }, /state\.stateKey must be a non-blank string/],
    ['stateKey', 'holding a newline', { stateKey: 'a\nb' }, /without control characters/],
    ['connectorId', 'too long', { connectorId: 'x'.repeat(513) }, /at most 512 characters/],
    [
      'redirectUrl',
      'javascript:',
      { redirectUrl: 'javascript:alert(1)' },
      /absolute http\(s\) URL/,
    ],
    ['redirectUrl', 'relative', { redirectUrl: '/relative' }, /an absolute http\(s\) URL/],
    ['version', 'unknown', { version: 2 }, /state\.version must be 1/],
    ['deadlineAt', 'a string', { deadlineAt: 'soon' }, /epoch milliseconds, got a string/],
    ['deadlineAt', 'NaN', { deadlineAt: Number.NaN }, /epoch milliseconds/],
    ['tenantId', 'null', { tenantId: null }, /state\.tenantId must be .*, got null/],
  ])('names state.%s when it is %s', (key, _how, patch, message) => {
    const error = failure({ ...FULL, ...patch });

    expect(error.field).toBe(`state.${key}`);
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(message);
  });

  it('never quotes the bad value in its message', () => {
    const error = failure({ ...FULL, stateKey: 'secret-state\u0000' });

    expect(error.message).not.toContain('secret-state');
  });
});
