import { redactSecrets, secretValues } from '../../lib/http/redactSecrets';

describe('secretValues', () => {
  it('lists the API key, the whole Authorization value and the bare token, longest first', () => {
    const secrets = secretValues({
      'x-fastn-space-id': 'space-123456',
      'x-fastn-api-key': 'sk_key_123456',
      Authorization: 'Bearer tok_abcdefgh',
      stage: 'LIVE',
    });

    expect(secrets).toEqual(['Bearer tok_abcdefgh', 'sk_key_123456', 'tok_abcdefgh']);
  });

  it('leaves out values too short to hide without garbling ordinary words', () => {
    expect(secretValues({ 'x-api-key': 'abc' })).toEqual([]);
  });
});

describe('redactSecrets', () => {
  it('replaces every occurrence of every secret', () => {
    const text = 'key sk_key_123456 rejected; sk_key_123456 again, token tok_abcdefgh';

    expect(redactSecrets(text, ['sk_key_123456', 'tok_abcdefgh'])).toBe(
      'key [redacted] rejected; [redacted] again, token [redacted]',
    );
  });

  it('leaves a text without secrets as it is', () => {
    expect(redactSecrets('space not found', ['sk_key_123456'])).toBe('space not found');
  });
});
