/** `delay-seconds`: one or more digits, nothing else (no sign, no fraction, no exponent). */
const DELAY_SECONDS = /^\d+$/;

/**
 * The three shapes of an HTTP-date (RFC 9110, section 5.6.7). `Date.parse` alone is far too
 * lenient (V8 reads "abc 12" as a date in 2001), so the shape is checked before it parses.
 */
const HTTP_DATE_SHAPES: readonly RegExp[] = [
  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
  /^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
  // obsolete RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
  /^[A-Za-z]{6,9}, \d{2}-[A-Za-z]{3}-\d{2} \d{2}:\d{2}:\d{2} GMT$/,
  // obsolete asctime: Sun Nov  6 08:49:37 1994
  /^[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/,
];

/**
 * Reads a `Retry-After` header into a delay in milliseconds.
 *
 * The header holds either `delay-seconds` (a non-negative integer, such as `"3"`) or an
 * HTTP-date, which is measured from `nowMs`; a date already past gives `0`. Anything else
 * (empty, negative, fractional, not a date, not a string) gives `undefined`, so the caller falls
 * back to its own backoff. The delay is not capped here: the retry policy caps it.
 *
 * @param value - The header's value as received (`unknown`: headers may be missing or repeated).
 * @param nowMs - The current time in epoch milliseconds, from the caller's clock.
 * @returns The delay in milliseconds (`>= 0`), or `undefined` when the value is not usable.
 *
 * @example
 * ```ts
 * parseRetryAfter('3', Date.now()); // 3000
 * parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', Date.now()); // 0 (in the past)
 * parseRetryAfter('soon', Date.now()); // undefined
 * ```
 */
export function parseRetryAfter(value: unknown, nowMs: number): number | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();

  if (DELAY_SECONDS.test(text)) {
    const delayMs = Number(text) * 1000;
    return Number.isFinite(delayMs) ? delayMs : undefined;
  }

  if (!HTTP_DATE_SHAPES.some((shape) => shape.test(text))) return undefined;
  const dateMs = Date.parse(text);
  if (Number.isNaN(dateMs)) return undefined;

  return Math.max(0, dateMs - nowMs);
}
