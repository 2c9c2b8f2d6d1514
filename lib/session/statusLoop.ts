import { catchError, defer, map, tap, throwError, type Observable } from 'rxjs';

import type { NormalizedConnectorParams } from '../config/validate';
import { TimeoutError } from '../errors';
import { poll } from '../polling/poll';
import type { AuthResult, StatusResponse } from '../types';
import { statusResponse } from '../wire/codecs';
import { decodeBody } from '../wire/decode';
import { statusRequest, type SessionRef } from '../wire/requests';
import type { SessionContext } from './SessionContext';
import { requestCredentials } from './requestCredentials';
import { isTransientError, retryAfterOf, retryPolicyOf } from './retryTransient';
import { secretRedactor } from './secretRedactor';

/**
 * One run of a session's status loop: its pacing and absolute deadline in scheduler time, and
 * what it has done so far.
 *
 * @internal
 */
export interface StatusRun {
  /** The session method that runs the loop, such as `status$`, for the log lines. */
  readonly method: string;
  readonly intervalMs: number;
  readonly startedAtMs: number;
  readonly deadlineMs: number;
  /** Status requests sent, retries included; the credentials step reports it at the deadline. */
  attempts: number;
}

/**
 * Asks for a session's status once, decoded.
 *
 * @param context - The client's options and transport.
 * @param ref - The session's id, state key, tenant and connection.
 * @returns A cold Observable of one {@link StatusResponse}.
 * @throws {@link NetworkError} or {@link InvalidResponseError}, delivered to the error channel.
 * @internal
 */
export function requestStatus(
  context: SessionContext,
  ref: SessionRef,
): Observable<StatusResponse> {
  // Built on subscribe, so each attempt reads the headers afresh and nothing is sent early.
  return defer(() => context.transport(statusRequest(context.options, ref))).pipe(
    decodeBody(statusResponse, 'status response', secretRedactor(context.options)),
  );
}

/**
 * Polls a session's status until `ACTIVE`, `FAILED` or the run's deadline.
 *
 * @param context - The client's options and transport.
 * @param ref - The session's id, state key, tenant and connection.
 * @param run - The pacing and deadline; its `attempts` is kept up to date.
 * @returns A cold Observable of every status heard, ending with the terminal one.
 * @throws {@link TimeoutError} at the deadline (caused by the transient failure being retried,
 *   if any); a permanent {@link NetworkError}; an {@link InvalidResponseError}. All delivered to
 *   the error channel.
 * @internal
 */
export function pollStatus(
  context: SessionContext,
  ref: SessionRef,
  run: StatusRun,
): Observable<StatusResponse> {
  const { options } = context;

  return poll<StatusResponse>({
    request: () => {
      run.attempts += 1;
      return requestStatus(context, ref);
    },
    isDone: (status) => status.status !== 'INACTIVE',
    intervalMs: run.intervalMs,
    deadlineMs: run.deadlineMs,
    startedAtMs: run.startedAtMs,
    retry: retryPolicyOf(options),
    isTransient: isTransientError,
    retryAfterMs: retryAfterOf,
    onTimeout: (info) => timeoutError(context, run, info.lastValue, info.lastError),
    scheduler: options.scheduler,
    logger: options.logger,
    describe: (status) => status.status,
  }).pipe(
    tap((status) =>
      options.logger.debug(
        `[AuthSession.${run.method}] status ${status.status} (attempt ${run.attempts})`,
        { sessionId: ref.sessionId },
      ),
    ),
  );
}

/**
 * Reads the credentials after the status loop reported `ACTIVE`, within the same deadline.
 *
 * @param context - The client's options and transport.
 * @param params - The connector and the session id.
 * @param run - The run that heard `ACTIVE`: its deadline bounds this step too.
 * @param active - The `ACTIVE` status, reported as `lastStatus` if the deadline comes.
 * @returns A cold Observable of one `{ status: 'ACTIVE', credentials }`.
 * @throws {@link TimeoutError} at the deadline, whether a request hangs or transient failures
 *   leave no time for another retry (then caused by the last one); a permanent
 *   {@link NetworkError}; an {@link InvalidResponseError}. All delivered to the error channel.
 * @internal
 */
export function credentialsAfterActive(
  context: SessionContext,
  params: NormalizedConnectorParams & { readonly sessionId: string },
  run: StatusRun,
  active: StatusResponse,
): Observable<AuthResult> {
  return requestCredentials(context, params, {
    deadlineMs: run.deadlineMs,
    caller: `AuthSession.${run.method}`,
    // The deadline bounds the whole wait, a credentials request that hangs included.
    atDeadline: () => timeoutError(context, run, active),
  }).pipe(
    // A transient failure ends the retries only at, or just before, the deadline: a timeout.
    catchError((error: unknown) =>
      throwError(() =>
        isTransientError(error) ? timeoutError(context, run, active, error) : error,
      ),
    ),
    map((credentials): AuthResult => ({ status: 'ACTIVE', credentials })),
  );
}

function timeoutError(
  context: SessionContext,
  run: StatusRun,
  lastStatus?: StatusResponse,
  lastError?: unknown,
): TimeoutError {
  return new TimeoutError(
    {
      attempts: run.attempts,
      elapsedMs: context.options.scheduler.now() - run.startedAtMs,
      timeoutMs: run.deadlineMs - run.startedAtMs,
      ...(lastStatus !== undefined && { lastStatus }),
    },
    lastError === undefined ? undefined : { cause: lastError },
  );
}
