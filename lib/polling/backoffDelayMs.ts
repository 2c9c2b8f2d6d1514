/**
 * How long to wait before asking again after a transient failure.
 *
 * The wait doubles with each retry from `baseDelayMs` up to `maxDelayMs`, and is spread with
 * equal jitter (see {@link backoffDelayMs}).
 */
export interface RetryPolicy {
  /** The ceiling of the first retry's wait, in milliseconds. */
  readonly baseDelayMs: number;
  /** The longest wait between two attempts, in milliseconds; it also caps `Retry-After`. */
  readonly maxDelayMs: number;
  /**
   * Returns a number in `[0, 1)` that spreads the wait. Tests pass a constant.
   *
   * @default Math.random
   */
  readonly random?: () => number;
}

/**
 * Computes the wait before a retry, in milliseconds: exponential backoff with equal jitter,
 * never shorter than the server's `Retry-After`.
 *
 * The ceiling of retry `n` is `min(maxDelayMs, baseDelayMs * 2^(n - 1))`. Equal jitter keeps half
 * of the ceiling and spreads the other half at random, so the wait is between `ceiling / 2` and
 * `ceiling`: clients that failed together come back apart, yet none comes back at once (full
 * jitter, `random * ceiling`, can draw a wait of zero and hammer a server that is struggling).
 *
 * A `Retry-After` longer than that is honoured, but capped at `maxDelayMs`, so a server asking
 * for an hour cannot park the caller past its own budget. Negative or non-finite values of
 * `retryAfterMs` are ignored. The result is rounded to a whole millisecond.
 *
 * @param attempt - Which retry this is: `1` for the first retry after the first failure.
 * @param policy - The base and maximum delays and the source of randomness.
 * @param retryAfterMs - The server's `Retry-After`, in milliseconds, when it sent one.
 * @returns The wait in milliseconds, between `0` and `maxDelayMs`.
 *
 * @example
 * ```ts
 * const policy = { baseDelayMs: 500, maxDelayMs: 30_000, random: () => 0.5 };
 * backoffDelayMs(1, policy); // 375
 * backoffDelayMs(3, policy); // 1500
 * backoffDelayMs(1, policy, 5_000); // 5000: Retry-After wins
 * ```
 */
export function backoffDelayMs(
  attempt: number,
  policy: RetryPolicy,
  retryAfterMs?: number,
): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  const ceilingMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);

  const random = clampToUnit((policy.random ?? Math.random)());
  const jitteredMs = ceilingMs / 2 + (ceilingMs / 2) * random;

  const serverFloorMs =
    retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs > 0
      ? Math.min(retryAfterMs, policy.maxDelayMs)
      : 0;

  return Math.max(0, Math.round(Math.max(jitteredMs, serverFloorMs)));
}

/** A random source that strays out of `[0, 1]` must not stretch the wait past its ceiling. */
function clampToUnit(value: number): number {
  if (!(value > 0)) return 0;
  return Math.min(value, 1);
}
