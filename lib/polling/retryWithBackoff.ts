import { retry, throwError, timer } from 'rxjs';
import type { MonoTypeOperatorFunction, SchedulerLike } from 'rxjs';

import { silentLogger } from '../logger';
import type { Logger } from '../logger';
import { backoffDelayMs } from './backoffDelayMs';
import type { RetryPolicy } from './backoffDelayMs';

/** Options of {@link retryWithBackoff}. */
export interface RetryWithBackoffOptions {
  /** The backoff's base and maximum delays and its source of randomness. */
  readonly policy: RetryPolicy;
  /** Tells whether asking again may succeed; any other error is delivered at once. */
  readonly isTransient: (error: unknown) => boolean;
  /**
   * The wait the server asked for (`Retry-After`), in milliseconds, if the error carries one.
   *
   * @default no server floor
   */
  readonly retryAfterMs?: (error: unknown) => number | undefined;
  /**
   * An absolute time, in `scheduler.now()` milliseconds, that no retry may start at or after.
   * When the next wait would reach it, the error is delivered at once instead of waiting for
   * nothing.
   *
   * @default Infinity
   */
  readonly deadlineMs?: number;
  /**
   * The most attempts in a row without a value, the first one included; `1` never retries.
   *
   * @default Infinity
   */
  readonly maxAttempts?: number;
  /** Runs the waits between attempts and gives the time compared with `deadlineMs`. */
  readonly scheduler: SchedulerLike;
  /** @default silentLogger */
  readonly logger?: Logger;
  /**
   * Starts every log line, naming the caller.
   *
   * @default '[retry]'
   */
  readonly logPrefix?: string;
}

/**
 * Re-subscribes to the source after a transient failure, waiting a backoff delay with jitter
 * that honours the server's `Retry-After`.
 *
 * The wait of each retry is {@link backoffDelayMs}; the waiting itself is rxjs `retry` with a
 * `timer` on the given scheduler, so unsubscribing during a wait leaves no timer behind. The
 * retry count starts again after each value the source emits.
 *
 * @param options - Which errors are transient, the backoff policy, the deadline and the
 *   attempt budget.
 * @returns An operator that mirrors the source and retries it.
 * @throws A permanent error, or the last transient error once `maxAttempts` is used up or the
 *   next wait would reach `deadlineMs`, delivered to the error channel as the source gave it.
 *
 * @example
 * ```ts
 * transport(credentialsRequest(options, params)).pipe(
 *   retryWithBackoff({
 *     policy: { baseDelayMs: 500, maxDelayMs: 30_000 },
 *     isTransient: (error) => isNetworkError(error) && error.transient,
 *     retryAfterMs: (error) => (isNetworkError(error) ? error.retryAfterMs : undefined),
 *     deadlineMs: scheduler.now() + 60_000,
 *     maxAttempts: 5,
 *     scheduler,
 *   }),
 * );
 * ```
 */
export function retryWithBackoff<T>(options: RetryWithBackoffOptions): MonoTypeOperatorFunction<T> {
  const { policy, scheduler } = options;
  const logger = options.logger ?? silentLogger;
  const logPrefix = options.logPrefix ?? '[retry]';
  const deadlineMs = options.deadlineMs ?? Infinity;
  const maxAttempts = options.maxAttempts ?? Infinity;

  return retry<T>({
    // A source that answered again has recovered: its next failure starts from the base delay.
    resetOnSuccess: true,

    delay: (error: unknown, retryCount: number) => {
      const label = errorLabel(error);

      if (!options.isTransient(error)) {
        logger.debug(`${logPrefix} ${label} is permanent; not retried`);
        return throwError(() => error);
      }

      if (retryCount >= maxAttempts) {
        logger.debug(`${logPrefix} ${label} after ${retryCount} attempts; giving up`);
        return throwError(() => error);
      }

      const delayMs = backoffDelayMs(retryCount, policy, options.retryAfterMs?.(error));

      // Waiting only to be cut off by the deadline would hold the caller for nothing.
      if (scheduler.now() + delayMs >= deadlineMs) {
        logger.debug(`${logPrefix} ${label}; the next retry would pass the deadline; giving up`);
        return throwError(() => error);
      }

      logger.debug(`${logPrefix} ${label}; retry ${retryCount} in ${delayMs} ms`, {
        retry: retryCount,
        delayMs,
      });
      return timer(delayMs, scheduler);
    },
  });
}

/**
 * Names an error for a log line by its `name` and `code` only: messages are left out, since the
 * engine cannot know what a caller's error messages hold.
 */
function errorLabel(error: unknown): string {
  if (!(error instanceof Error)) return `failure (${typeof error})`;

  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.name} ${code}` : error.name;
}
