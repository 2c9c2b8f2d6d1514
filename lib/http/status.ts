/** The HTTP statuses after which asking again may succeed: a slow, busy or restarting server. */
const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Tells whether a failed request may succeed if sent again.
 *
 * No response at all (`undefined`), 408 Request Timeout, 429 Too Many Requests, 500, 502, 503 and
 * 504 are transient; every other status (401, 403, 404, other 4xx, 501, 505, ...) is permanent for
 * that request, as the wire contract says.
 *
 * @param statusCode - The HTTP status, or `undefined` when no response arrived.
 * @returns `true` when a caller that polls may retry.
 *
 * @example
 * ```ts
 * isTransientStatus(503); // true
 * isTransientStatus(401); // false
 * ```
 */
export function isTransientStatus(statusCode: number | undefined): boolean {
  return statusCode === undefined || TRANSIENT_STATUSES.has(statusCode);
}
