import { inspect } from 'node:util';
import { resolveAuthHeaders } from '../../lib/config/authHeaders';
import { thrownArgumentError } from './thrownArgumentError';

const SECRET = 'sk_live_TOPSECRET_0123456789';

describe('resolveAuthHeaders', () => {
  it('sends an API key in x-fastn-api-key', () => {
    expect(resolveAuthHeaders(SECRET, undefined)()).toStrictEqual({ 'x-fastn-api-key': SECRET });
  });

  it('sends a token as a bearer Authorization header', () => {
    expect(resolveAuthHeaders(undefined, SECRET)()).toStrictEqual({
      Authorization: `Bearer ${SECRET}`,
    });
  });

  it('gives a fresh object on each call, so a caller cannot alter the next request', () => {
    const headers = resolveAuthHeaders(SECRET, undefined);

    expect(headers()).not.toBe(headers());
  });

  it('does not show the secret when the function itself is inspected or serialized', () => {
    const headers = resolveAuthHeaders(SECRET, undefined);

    expect(inspect(headers, { showHidden: true, depth: Infinity })).not.toContain('TOPSECRET');
    expect(JSON.stringify({ headers })).not.toContain('TOPSECRET');
  });

  it('rejects both an API key and a token', () => {
    const error = thrownArgumentError(() => resolveAuthHeaders(SECRET, SECRET));

    expect(error.field).toBe('apiKey');
    expect(error.message).toBe('Pass exactly one of apiKey and authToken, not both');
  });

  it('rejects neither an API key nor a token', () => {
    const error = thrownArgumentError(() => resolveAuthHeaders(undefined, undefined));

    expect(error.field).toBe('apiKey');
    expect(error.message).toContain('exactly one of apiKey and authToken');
  });

  describe.each([
    ['apiKey', (value: unknown) => resolveAuthHeaders(value, undefined)],
    ['authToken', (value: unknown) => resolveAuthHeaders(undefined, value)],
  ])('a bad %s', (field, resolve) => {
    it.each([
      ['a number', 123456789, 'must be a string, got a number'],
      ['null', null, 'must be a string, got null'],
      ['an object', { key: SECRET }, 'must be a string, got an object'],
      ['an empty string', '', 'must not be empty or blank'],
      ['a blank string', '   ', 'must not be empty or blank'],
      ['a string that is too long', `${SECRET}${'x'.repeat(4096)}`, 'must be at most 4096'],
      ['a trailing newline', `${SECRET}\n`, 'must not contain control characters'],
      ['a NUL', `${SECRET}\u0000`, 'must not contain control characters'],
    ])('is rejected when it is %s, without showing it', (_, value, problem) => {
      const error = thrownArgumentError(() => resolve(value));

      expect(error.field).toBe(field);
      expect(error.message).toContain(`${field} ${problem}`);
      expect(error.message).not.toContain('TOPSECRET');
      expect(error.message).not.toContain('123456789');
      expect(JSON.stringify(error)).not.toContain('TOPSECRET');
      expect(inspect(error)).not.toContain('TOPSECRET');
    });
  });

  it('accepts a secret of exactly 4096 characters', () => {
    const key = 'k'.repeat(4096);

    expect(resolveAuthHeaders(key, undefined)()).toStrictEqual({ 'x-fastn-api-key': key });
  });
});
