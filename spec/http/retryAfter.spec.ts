import { parseRetryAfter } from '../../lib/http/retryAfter';

const NOW_MS = Date.UTC(2030, 0, 1, 12, 0, 0);

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['3', 3_000],
    [' 120 ', 120_000],
    ['86400', 86_400_000],
  ])('reads delay-seconds %p as %i ms', (value, expectedMs) => {
    expect(parseRetryAfter(value, NOW_MS)).toBe(expectedMs);
  });

  it('does not cap a long delay: the retry policy does', () => {
    expect(parseRetryAfter('999999999', NOW_MS)).toBe(999_999_999_000);
  });

  it.each([
    ['IMF-fixdate', 'Tue, 01 Jan 2030 12:00:07 GMT'],
    ['RFC 850 date', 'Tuesday, 01-Jan-30 12:00:07 GMT'],
    ['asctime date', 'Tue Jan  1 12:00:07 2030'],
  ])('reads an %s as the time left until it', (_shape, value) => {
    expect(parseRetryAfter(value, NOW_MS)).toBe(7_000);
  });

  it('gives 0 for an HTTP date already past', () => {
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', NOW_MS)).toBe(0);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['negative', '-5'],
    ['fractional', '1.5'],
    ['exponent', '1e3'],
    ['NaN', 'NaN'],
    ['a word', 'soon'],
    ['a loose date V8 would accept', 'abc 12'],
    ['an ISO date', '2030-01-01T12:00:07Z'],
    ['a date with a bad day', 'Tue, 99 Jan 2030 12:00:07 GMT'],
    ['too many digits', '9'.repeat(400)],
  ])('gives undefined for %s', (_name, value) => {
    expect(parseRetryAfter(value, NOW_MS)).toBeUndefined();
  });

  it.each([undefined, null, 3, ['3'], {}])('gives undefined for the non-string %p', (value) => {
    expect(parseRetryAfter(value, NOW_MS)).toBeUndefined();
  });
});
