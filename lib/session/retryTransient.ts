import { defer, tap, throwError, timeout, type MonoTypeOperatorFunction } from 'rxjs';

import type { ResolvedOptions } from '../config/FastnAuthOptions';
import { isNetworkError } from '../errors';
import type { RetryPolicy } from '../polling/backoffDelayMs';
import { retryWithBackoff } from '../polling/retryWithBackoff';
import type { SessionContext } from './SessionContext';

/** Options of {@link retryTransient}. @internal */
export interface RetryTransientOptions {
  /** The absolute end of the whole call, retries and the request in flight included. */
  readonly deadlineMs: number;
  /** The most attempts, the first one included. @default Infinity */
  readonly maxAttempts?: number;
  /** The class and method asking, such as `FastnAuth.initialize`, for the log lines. */
  readonly caller: string;
  /** The error for a deadline reached before any transient failure, such as a hung request. */
  readonly atDeadline: () => Error;
}

/**
 * Tells whether an error may go away if the request is sent again: a {@link NetworkError} with
 * no response, 408, 429 or 5xx.
 *
 * @internal
 */
export function isTransientError(error: unknown): boolean {
  return isNetworkError(error) && error.transient;
}

/**
 * The wait a failed request's server asked for (`Retry-After`), in milliseconds, if any.
 *
 * @internal
 */
export function retryAfterOf(error: unknown): number | undefined {
  return isNetworkError(error) ? error.retryAfterMs : undefined;
}

/**
 * The client's backoff between retries, for the polling engine.
 *
 * @internal
 */
export function retryPolicyOf(options: ResolvedOptions): RetryPolicy {
  return { baseDelayMs: options.retryBaseDelayMs, maxDelayMs: options.retryMaxDelayMs };
}

/**
 * Retries one request of the contract on transient failures, with the client's backoff
 * (honouring `Retry-After`), and bounds the whole call by an absolute deadline.
 *
 * No retry starts when its wait would reach the deadline: the last failure is delivered at
 * once. A request still in flight at the deadline is cancelled, and the last transient failure
 * is delivered then, or `atDeadline()` if there was none.
 *
 * @param context - The client's options (retry delays, scheduler, logger).
 * @param options - The deadline, the attempt budget and the caller's name.
 * @returns An operator to apply to one cold attempt, decoded.
 * @throws A permanent error at once; the last transient error once the attempts or the time are
 *   used up; `atDeadline()` at the deadline. All delivered to the error channel.
 * @internal
 */
export function retryTransient<T>(
  context: SessionContext,
  options: RetryTransientOptions,
): MonoTypeOperatorFunction<T> {
  const { logger, scheduler } = context.options;
  const logPrefix = `[${options.caller}]`;

  return (source) =>
    defer(() => {
      // Per subscription: each caller's run reports its own last failure.
      let lastTransient: unknown;

      return source.pipe(
        tap({
          error: (error: unknown) => {
            if (isTransientError(error)) lastTransient = error;
          },
        }),
        retryWithBackoff<T>({
          policy: retryPolicyOf(context.options),
          isTransient: isTransientError,
          retryAfterMs: retryAfterOf,
          deadlineMs: options.deadlineMs,
          ...(options.maxAttempts !== undefined && { maxAttempts: options.maxAttempts }),
          scheduler,
          logger,
          logPrefix,
        }),
        // The deadline bounds the whole call: a request in flight then is cancelled, however
        // long the transport itself would still wait for it.
        timeout({
          first: new Date(options.deadlineMs),
          scheduler,
          with: () => {
            logger.debug(`${logPrefix} deadline reached with a request in flight; giving up`);
            return throwError(() => lastTransient ?? options.atDeadline());
          },
        }),
      );
    });
}
