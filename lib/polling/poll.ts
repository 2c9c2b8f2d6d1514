import { defer, merge, mergeMap, repeat, takeWhile, tap, throwError, timer } from 'rxjs';
import type { Observable, SchedulerLike } from 'rxjs';

import type { Logger } from '../logger';
import type { RetryPolicy } from './backoffDelayMs';
import { retryWithBackoff } from './retryWithBackoff';

export type { RetryPolicy } from './backoffDelayMs';

/** What the poll knew when its deadline came: handed to {@link PollConfig.onTimeout}. */
export interface PollTimeoutInfo<T> {
  /** Every request sent, retries included. */
  readonly attempts: number;
  /** Milliseconds from `startedAtMs` to the deadline. */
  readonly elapsedMs: number;
  /** The last value heard, if any. */
  readonly lastValue?: T;
  /** The transient error being retried when the deadline came, if any. */
  readonly lastError?: unknown;
}

/** What to poll, how often, and until when: the configuration of {@link poll}. */
export interface PollConfig<T> {
  /**
   * Makes one attempt: a cold Observable that sends a request when subscribed, emits its answer,
   * completes, and aborts the request when unsubscribed.
   */
  readonly request: () => Observable<T>;
  /** Tells whether a value is terminal: it is emitted, then the poll completes. */
  readonly isDone: (value: T) => boolean;
  /** The pause between an answer and the next request, in milliseconds. */
  readonly intervalMs: number;
  /** When the poll gives up, in absolute `scheduler.now()` milliseconds. */
  readonly deadlineMs: number;
  /** When the wait began, in `scheduler.now()` milliseconds; a resumed wait began earlier. */
  readonly startedAtMs: number;
  /** The backoff between retries of a transient failure. */
  readonly retry: RetryPolicy;
  /** Tells whether a failed request may succeed if sent again. */
  readonly isTransient: (error: unknown) => boolean;
  /** The wait the server asked for (`Retry-After`), in milliseconds, if the error carries one. */
  readonly retryAfterMs: (error: unknown) => number | undefined;
  /** Builds the error delivered at the deadline. */
  readonly onTimeout: (info: PollTimeoutInfo<T>) => Error;
  /** Runs every timer and gives the clock. */
  readonly scheduler: SchedulerLike;
  /** Receives the `[poll]` debug lines. */
  readonly logger: Logger;
  /**
   * Names a value in the debug lines, such as its status. Values are not logged without it.
   *
   * @default none: a line says only that an answer came
   */
  readonly describe?: (value: T) => string;
}

/**
 * Asks again and again until a terminal value or the deadline: the engine under a session's
 * status stream.
 *
 * The first request goes out at subscription; each next one goes out `intervalMs` after the
 * previous request completed, so requests never overlap and every answer is heard. Every value
 * is emitted; the terminal one (`isDone`) is emitted last and the stream completes. Transient
 * failures are retried with {@link retryWithBackoff}; the retry count starts again after each
 * answer. The stream is cold: each subscriber runs its own loop, and unsubscribing aborts the
 * request in flight and clears every timer.
 *
 * @param config - The request, the terminal test, the pacing, the deadline and the retry policy.
 * @returns An Observable of every value heard, ending with the terminal one.
 * @throws The error of `onTimeout` at the deadline (at once, with no request, when the deadline
 *   has passed already), or a permanent error of a request, delivered to the error channel.
 *
 * @example
 * ```ts
 * poll({
 *   request: () => requestStatus(session),
 *   isDone: (response) => response.status !== 'INACTIVE',
 *   intervalMs: 2_000,
 *   deadlineMs: scheduler.now() + 300_000,
 *   startedAtMs: scheduler.now(),
 *   retry: { baseDelayMs: 500, maxDelayMs: 30_000 },
 *   isTransient: (error) => isNetworkError(error) && error.transient,
 *   retryAfterMs: (error) => (isNetworkError(error) ? error.retryAfterMs : undefined),
 *   onTimeout: ({ attempts, elapsedMs, lastValue }) =>
 *     new TimeoutError({ attempts, elapsedMs, timeoutMs: 300_000, lastStatus: lastValue }),
 *   scheduler,
 *   logger,
 * });
 * ```
 */
export function poll<T>(config: PollConfig<T>): Observable<T> {
  return defer(() => {
    const { scheduler, logger } = config;

    // Per subscription, so that each subscriber counts its own attempts from a clean slate.
    let attempts = 0;
    let last: { value: T } | undefined;
    let failure: { error: unknown } | undefined;

    const timeoutInfo = (): PollTimeoutInfo<T> => ({
      attempts,
      elapsedMs: scheduler.now() - config.startedAtMs,
      ...(last && { lastValue: last.value }),
      ...(failure && { lastError: failure.error }),
    });

    if (scheduler.now() >= config.deadlineMs) {
      logger.debug('[poll] the deadline has passed already; no request sent');
      return throwError(() => config.onTimeout(timeoutInfo()));
    }

    const attempt$ = defer(() => {
      attempts += 1;
      logger.debug(`[poll] attempt ${attempts}`, { attempt: attempts });
      return config.request();
    }).pipe(
      tap({
        next: (value) => {
          // An answer ends the run of failures: a later timeout must not blame an old error.
          last = { value };
          failure = undefined;
          const what = config.describe ? `: ${config.describe(value)}` : '';
          logger.debug(`[poll] attempt ${attempts} answered${what}`, { attempt: attempts });
        },
        error: (error: unknown) => {
          failure = { error };
        },
      }),
      retryWithBackoff<T>({
        policy: config.retry,
        isTransient: config.isTransient,
        retryAfterMs: config.retryAfterMs,
        scheduler,
        logger,
        logPrefix: '[poll]',
      }),
    );

    // The design sketches `interval` ticks switchMapped to a request. switchMap cancels the
    // request in flight at each tick, so a server slower than the interval never gets an answer
    // heard. Pacing instead from the end of each request keeps one request in flight at most,
    // hears every answer, and leaves a slow server `intervalMs` to breathe (exhaustMap over the
    // ticks would keep the answer too, but could fire again the instant it lands).
    const answers$ = attempt$.pipe(repeat({ delay: () => timer(config.intervalMs, scheduler) }));

    // The deadline is absolute, so it is a timer of its own beside the loop: rxjs `timeout`
    // bounds only the first value (`first`) or the gap between values (`each`), and a steady
    // stream of answers would outlive either. Erroring the merge also cuts off a retry's backoff
    // wait, which is why the retries above need no deadline of their own.
    const deadline$ = timer(new Date(config.deadlineMs), scheduler).pipe(
      mergeMap(() => {
        logger.debug(`[poll] deadline reached (attempts: ${attempts})`, { attempts });
        return throwError(() => config.onTimeout(timeoutInfo()));
      }),
    );

    // deadline$ goes first so that it wins a tie with a timer due at the same instant.
    // Completing after the terminal value unsubscribes both, which aborts and clears everything.
    return merge(deadline$, answers$).pipe(takeWhile((value) => !config.isDone(value), true));
  });
}
