import { redactCredentials, redactSecret, scrubSecrets } from '../../lib/cli/redact';
import type { Credentials } from '../../lib/types';

const credentials: Credentials = {
  accessToken: 'ya29.a0AfH6SMBxLongAccessToken',
  refreshToken: '1//0gLongRefreshTokenValue',
  tokenType: 'Bearer',
  expiresAt: '2030-01-01T00:00:00.000Z',
  extra: { scope: 'sheets.readonly', client_secret: 'shh-very-secret-value', api_key: 42 },
};

describe('redactSecret', () => {
  it('keeps the first four characters of a long secret and marks the rest redacted', () => {
    expect(redactSecret('ya29.a0AfH6SMBx3')).toBe('ya29…[redacted]');
  });

  it('hides a secret shorter than twelve characters entirely', () => {
    expect(redactSecret('abcdefghijk')).toBe('[redacted]');
  });

  it('hides values that are not strings entirely', () => {
    expect(redactSecret(123456789012345)).toBe('[redacted]');
    expect(redactSecret({ nested: 'ya29.a0AfH6SMBx3' })).toBe('[redacted]');
  });
});

describe('redactCredentials', () => {
  it('redacts both tokens and every extra value whose key is not known to be safe', () => {
    expect(redactCredentials(credentials, false)).toEqual({
      accessToken: 'ya29…[redacted]',
      refreshToken: '1//0…[redacted]',
      tokenType: 'Bearer',
      expiresAt: '2030-01-01T00:00:00.000Z',
      extra: { scope: 'sheets.readonly', client_secret: 'shh-…[redacted]', api_key: '[redacted]' },
    });
  });

  it('returns every value untouched when secrets are to be shown', () => {
    expect(redactCredentials(credentials, true)).toEqual(credentials);
  });

  it('leaves absent fields absent', () => {
    const printable = redactCredentials({ extra: { apiKey: 'k' } }, false);

    expect(Object.keys(printable)).toEqual(['extra']);
  });

  it('never lets the whole token through in its output', () => {
    const text = JSON.stringify(redactCredentials(credentials, false));

    expect(text).not.toContain(credentials.accessToken);
    expect(text).not.toContain(credentials.refreshToken);
    expect(text).not.toContain('shh-very-secret-value');
  });
});

describe('scrubSecrets', () => {
  it('replaces every occurrence of each secret with the SDK marker', () => {
    expect(
      scrubSecrets('key sk_live_123456, again sk_live_123456, and tok_abcdefgh', [
        'sk_live_123456',
        'tok_abcdefgh',
      ]),
    ).toBe('key [redacted], again [redacted], and [redacted]');
  });

  it('leaves a secret shorter than six characters alone, so the message stays readable', () => {
    const message = 'give only one of --api-key and --auth-token';

    expect(scrubSecrets(message, ['a', 'b', 'key12'])).toBe(message);
  });

  it('hides a longer secret whole even when a shorter one is part of it', () => {
    expect(scrubSecrets('got sk_live_123456', ['sk_live', 'sk_live_123456'])).toBe(
      'got [redacted]',
    );
  });

  it('ignores missing and empty secrets', () => {
    expect(scrubSecrets('nothing to hide', [undefined, ''])).toBe('nothing to hide');
  });
});
