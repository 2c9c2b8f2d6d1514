import { defer, type Observable } from 'rxjs';

import type { NormalizedConnectorParams } from '../config/validate';
import { isNetworkError } from '../errors';
import { retryWithBackoff } from '../polling/retryWithBackoff';
import type { Credentials } from '../types';
import { credentialsResponse } from '../wire/codecs';
import { decodeBody } from '../wire/decode';
import { credentialsRequest } from '../wire/requests';
import type { SessionContext } from './SessionContext';

/** Options of {@link requestCredentials}. @internal */
export interface RequestCredentialsOptions {
  /** No retry starts at or after this absolute time, in `scheduler.now()` milliseconds. */
  readonly deadlineMs: number;
  /** The class and method asking, such as `FastnAuth.getCredentials`, for the log lines. */
  readonly caller: string;
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
 * Reads a connector's credentials, retrying transient failures with backoff until the deadline.
 *
 * @param context - The client's options and transport.
 * @param params - The connector, and the session id when asked through a session.
 * @param options - The retry deadline and the caller's name.
 * @returns A cold Observable that emits one {@link Credentials} and completes.
 * @throws A permanent {@link NetworkError}, an {@link InvalidResponseError}, or the last
 *   transient {@link NetworkError} once the next retry would pass the deadline; all delivered
 *   to the error channel.
 * @internal
 */
export function requestCredentials(
  context: SessionContext,
  params: NormalizedConnectorParams & { readonly sessionId?: string },
  options: RequestCredentialsOptions,
): Observable<Credentials> {
  const { options: resolved, transport } = context;
  const { logger, scheduler } = resolved;

  return defer(() => {
    // Counted per subscription: each subscriber runs its own attempts.
    let attempts = 0;

    return defer(() => {
      // Built per attempt, so a retry reads the headers afresh, like the first attempt did.
      attempts += 1;
      logger.debug(`[${options.caller}] credentials request (attempt ${attempts})`, {
        connectorId: params.connectorId,
      });
      return transport(credentialsRequest(resolved, params));
    }).pipe(
      decodeBody(
        credentialsResponse(() => scheduler.now()),
        'credentials response',
      ),
      retryWithBackoff<Credentials>({
        policy: { baseDelayMs: resolved.retryBaseDelayMs, maxDelayMs: resolved.retryMaxDelayMs },
        isTransient: isTransientError,
        retryAfterMs: (error) => (isNetworkError(error) ? error.retryAfterMs : undefined),
        deadlineMs: options.deadlineMs,
        scheduler,
        logger,
        logPrefix: `[${options.caller}]`,
      }),
    );
  });
}
