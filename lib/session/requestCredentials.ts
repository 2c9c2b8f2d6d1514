import { defer, type Observable } from 'rxjs';

import type { NormalizedConnectorParams } from '../config/validate';
import { NetworkError } from '../errors';
import type { Credentials } from '../types';
import { credentialsResponse } from '../wire/codecs';
import { decodeBody } from '../wire/decode';
import { credentialsRequest } from '../wire/requests';
import type { SessionContext } from './SessionContext';
import { retryTransient } from './retryTransient';
import { secretRedactor } from './secretRedactor';

/** Options of {@link requestCredentials}. @internal */
export interface RequestCredentialsOptions {
  /** The absolute end of the call, in `scheduler.now()` milliseconds, retries included. */
  readonly deadlineMs: number;
  /** The class and method asking, such as `FastnAuth.getCredentials`, for the log lines. */
  readonly caller: string;
  /**
   * The error for a deadline reached before any transient failure (a request that hangs).
   *
   * @default a transient {@link NetworkError} with no status code, from {@link noAnswerError}
   */
  readonly atDeadline?: () => Error;
}

/**
 * Reads a connector's credentials, retrying transient failures with backoff until the deadline.
 *
 * @param context - The client's options and transport.
 * @param params - The connector, and the session id when asked through a session.
 * @param options - The deadline, the caller's name and the error for a hung request.
 * @returns A cold Observable that emits one {@link Credentials} and completes.
 * @throws A permanent {@link NetworkError}, an {@link InvalidResponseError}, or, by the
 *   deadline at the latest, the last transient {@link NetworkError} (or `atDeadline()` when no
 *   answer came at all); all delivered to the error channel.
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
    const startedAtMs = scheduler.now();

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
        secretRedactor(resolved),
      ),
      retryTransient<Credentials>(context, {
        deadlineMs: options.deadlineMs,
        caller: options.caller,
        atDeadline:
          options.atDeadline ??
          (() => noAnswerError(resolved.endpoints.credentials, options.deadlineMs - startedAtMs)),
      }),
    );
  });
}

/**
 * The error of a call whose deadline came while its request was still unanswered: transient
 * and without a status code, like the transport's own timeout.
 *
 * @param path - The request's path below the base URL.
 * @param budgetMs - How long the call was given, in milliseconds.
 * @returns The error.
 * @internal
 */
export function noAnswerError(path: string, budgetMs: number): NetworkError {
  return new NetworkError(`POST ${path} failed: no answer within ${budgetMs} ms`, {
    transient: true,
    path,
  });
}
