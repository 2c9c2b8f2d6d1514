import {
  ReplaySubject,
  concatMap,
  defer,
  filter,
  finalize,
  share,
  tap,
  throwError,
  type Observable,
} from 'rxjs';

import { validatePollOptions, type CheckedPollOptions } from '../config/validate';
import { AuthenticationError } from '../errors';
import type { AuthResult, Credentials, PollOptions, StatusResponse } from '../types';
import type { SessionRef } from '../wire/requests';
import type { SessionContext } from './SessionContext';
import type { SessionState } from './SessionState';
import { requestCredentials } from './requestCredentials';
import { credentialsAfterActive, pollStatus, requestStatus, type StatusRun } from './statusLoop';

/**
 * One authorization in progress: where to send the user, and streams that watch it finish.
 *
 * Sessions come from `client.initialize(...)` or `client.resume(state)`; they hold no secret of
 * their own (the client's options stay in a private field) and every stream they return is cold.
 *
 * @example
 * ```ts
 * client
 *   .initialize({ connectorId: 'google-sheets' })
 *   .pipe(
 *     tap((session) => window.open(session.redirectUrl)),
 *     switchMap((session) => session.waitForCompletion({ timeoutMs: 120_000 })),
 *   )
 *   .subscribe((result) => use(result.credentials));
 * ```
 */
export class AuthSession {
  /** The session id Fastn gave at initialize. */
  readonly id: string;
  /** The state key Fastn gave at initialize; status requests carry it. */
  readonly stateKey: string;
  /** Where the end user authorizes the connector (an absolute http(s) URL). */
  readonly redirectUrl: string;
  /** The connector being authorized. */
  readonly connectorId: string;
  /** The connector's org. */
  readonly orgId: string;
  /** The tenant the connection belongs to, when given. */
  readonly tenantId?: string;
  /** The connection, when given. */
  readonly connectionId?: string;
  /** When Fastn said the session expires (ISO-8601), when it said. */
  readonly expiresAt?: string;

  /**
   * The live status stream, polled at the client's `polling.intervalMs` and bounded by its
   * `polling.timeoutMs` counted from when the loop starts.
   *
   * - The first request goes out at once; requests never overlap, and a server slower than the
   *   interval is still heard.
   * - It emits every status it receives, `FAILED` included (as a value), and completes after
   *   `ACTIVE` or `FAILED`.
   * - Any number of subscribers share one poll loop. A subscriber arriving late gets the latest
   *   status at once (and, after the end, the last status and completion). When the last one
   *   unsubscribes the loop stops and the request in flight is aborted; the next subscriber
   *   starts a new loop.
   * - After an error, the next subscriber starts a new loop.
   *
   * @throws {@link TimeoutError} at the deadline; {@link NetworkError} for a permanent failure
   *   (401, 403, 404, other 4xx); {@link InvalidResponseError} for an answer outside the contract,
   *   such as an unknown status word; all delivered to the error channel. Transient failures (no
   *   response, 408, 429, 5xx) are retried with backoff within the deadline.
   *
   * @example
   * ```ts
   * // Angular template: {{ (session.status$ | async)?.status }}
   * session.status$.subscribe(({ status }) => render(status));
   * ```
   */
  readonly status$: Observable<StatusResponse>;

  readonly #context: SessionContext;

  /** The absolute deadline of the waits now running, or of the wait a saved state recorded. */
  #deadlineAt: number | undefined;
  #runningWaits = 0;

  /**
   * @param context - The client's checked options and transport.
   * @param state - The session's identity, from an initialize response or a checked saved state.
   * @internal Sessions come from `client.initialize()` and `client.resume()`.
   */
  constructor(context: SessionContext, state: SessionState) {
    this.#context = context;
    this.id = state.id;
    this.stateKey = state.stateKey;
    this.redirectUrl = state.redirectUrl;
    this.connectorId = state.connectorId;
    this.orgId = state.orgId;
    if (state.tenantId !== undefined) this.tenantId = state.tenantId;
    if (state.connectionId !== undefined) this.connectionId = state.connectionId;
    if (state.expiresAt !== undefined) this.expiresAt = state.expiresAt;
    this.#deadlineAt = state.deadlineAt;

    const { intervalMs, timeoutMs, scheduler } = context.options;
    this.status$ = defer(() => {
      // Each new loop (first subscriber, or the first after the last one left) gets a full budget.
      const startedAtMs = scheduler.now();
      return pollStatus(context, this.#ref(), {
        method: 'status$',
        intervalMs,
        startedAtMs,
        deadlineMs: startedAtMs + timeoutMs,
        attempts: 0,
      });
    }).pipe(
      share({
        // One replayed value: a late subscriber sees the latest status at once.
        connector: () => new ReplaySubject<StatusResponse>(1),
        // A failed loop is not replayed: the next subscriber gets a fresh one.
        resetOnError: true,
        // A finished loop is replayed: ACTIVE/FAILED is final, asking again would learn nothing.
        resetOnComplete: false,
        // The last subscriber leaving stops the loop and aborts its request in flight.
        resetOnRefCountZero: true,
      }),
    );
  }

  /**
   * Waits until the authorization ends, then reads the connector's credentials.
   *
   * The deadline is absolute: it is fixed when the wait is subscribed (`now + timeoutMs`) and
   * recorded in the session, so `toJSON()` taken while the wait runs holds it as `deadlineAt`.
   * A session resumed from such a state waits only for what was left of it: the recorded
   * deadline wins over `timeoutMs`. Waits that run side by side on one session share one
   * deadline; it is forgotten when the last of them ends.
   *
   * Options are checked when this method is called; a bad one is delivered to the error channel
   * on subscribe, before any request.
   *
   * `onStatus` is called with every status the wait hears, `INACTIVE` included, before the
   * wait acts on it: a progress display needs no second poll loop (`status$` would send its own
   * requests). An error it throws ends the wait with that error.
   *
   * @param options - `intervalMs` (@default the client's `polling.intervalMs`, 2000),
   *   `timeoutMs` (@default the client's `polling.timeoutMs`, 300000) and `onStatus`
   *   (@default none).
   * @returns A cold Observable that emits one `{ status: 'ACTIVE', credentials }` and completes.
   * @throws {@link AuthenticationError} when the flow ends `FAILED` (with the server's message);
   *   {@link TimeoutError} at the deadline (with `attempts`, `elapsedMs`, `lastStatus`);
   *   {@link NetworkError}, {@link InvalidResponseError} as for `status$`;
   *   {@link InvalidArgumentError} for bad options. All delivered to the error channel.
   *
   * @example
   * ```ts
   * const onStatus = ({ status }: StatusResponse) => show(status);
   * session.waitForCompletion({ timeoutMs: 120_000, onStatus }).subscribe({
   *   next: ({ credentials }) => save(credentials),
   *   error: (error) => isTimeoutError(error) && showRetry(),
   * });
   * ```
   */
  waitForCompletion(options: PollOptions = {}): Observable<AuthResult> {
    const { options: resolved } = this.#context;
    let checked: CheckedPollOptions;
    try {
      checked = validatePollOptions(options, {
        intervalMs: resolved.intervalMs,
        timeoutMs: resolved.timeoutMs,
      });
    } catch (error) {
      return throwError(() => error);
    }

    return defer(() => {
      // The deadline is fixed now, at subscribe time, unless a running or resumed wait set it.
      const startedAtMs = resolved.scheduler.now();
      this.#deadlineAt ??= startedAtMs + checked.timeoutMs;
      this.#runningWaits += 1;
      const run: StatusRun = {
        method: 'waitForCompletion',
        intervalMs: checked.intervalMs,
        startedAtMs,
        deadlineMs: this.#deadlineAt,
        attempts: 0,
      };

      return pollStatus(this.#context, this.#ref(), run).pipe(
        // The caller's progress display hears every status, before the terminal one acts.
        tap((status) => checked.onStatus?.(status)),
        // Only the terminal status decides; the INACTIVE ones before it are progress.
        filter((status) => status.status !== 'INACTIVE'),
        concatMap((status) =>
          status.status === 'ACTIVE'
            ? credentialsAfterActive(this.#context, this.#credentialsParams(), run, status)
            : throwError(() => new AuthenticationError(status.errorMessage)),
        ),
        finalize(() => {
          // The recorded deadline lives as long as some wait runs; a later wait starts afresh.
          this.#runningWaits -= 1;
          if (this.#runningWaits === 0) this.#deadlineAt = undefined;
        }),
      );
    });
  }

  /**
   * Asks for the authorization's status once.
   *
   * @returns A cold Observable that emits one {@link StatusResponse} and completes.
   * @throws {@link NetworkError} or {@link InvalidResponseError}, delivered to the error channel.
   *   Nothing is retried.
   */
  getStatus(): Observable<StatusResponse> {
    return requestStatus(this.#context, this.#ref()).pipe(
      tap((status) => this.#log('getStatus', `status ${status.status}`)),
    );
  }

  /**
   * Reads the connector's credentials through this session (the request carries its id).
   *
   * Transient failures are retried with backoff for up to the client's `polling.timeoutMs`.
   *
   * @returns A cold Observable that emits one {@link Credentials} and completes.
   * @throws {@link NetworkError} (404 when the connector is not connected) or
   *   {@link InvalidResponseError}, delivered to the error channel.
   */
  getCredentials(): Observable<Credentials> {
    return defer(() => {
      const { scheduler, timeoutMs } = this.#context.options;
      return requestCredentials(this.#context, this.#credentialsParams(), {
        deadlineMs: scheduler.now() + timeoutMs,
        caller: 'AuthSession.getCredentials',
      });
    });
  }

  /**
   * The session's state for `client.resume()`: plain data, never the API key or token.
   *
   * @returns A {@link SessionState}; `deadlineAt` is present while a wait runs.
   *
   * @example
   * ```ts
   * const saved = JSON.stringify(session);
   * const same = client.resume(JSON.parse(saved));
   * ```
   */
  toJSON(): SessionState {
    return {
      version: 1,
      id: this.id,
      stateKey: this.stateKey,
      redirectUrl: this.redirectUrl,
      connectorId: this.connectorId,
      orgId: this.orgId,
      ...(this.tenantId !== undefined && { tenantId: this.tenantId }),
      ...(this.connectionId !== undefined && { connectionId: this.connectionId }),
      ...(this.expiresAt !== undefined && { expiresAt: this.expiresAt }),
      ...(this.#deadlineAt !== undefined && { deadlineAt: this.#deadlineAt }),
    };
  }

  /** Shows the same plain state as {@link AuthSession.toJSON} in `util.inspect` and consoles. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `AuthSession ${JSON.stringify(this.toJSON())}`;
  }

  #ref(): SessionRef {
    return {
      sessionId: this.id,
      stateKey: this.stateKey,
      ...(this.tenantId !== undefined && { tenantId: this.tenantId }),
      ...(this.connectionId !== undefined && { connectionId: this.connectionId }),
    };
  }

  #credentialsParams() {
    return {
      connectorId: this.connectorId,
      orgId: this.orgId,
      sessionId: this.id,
      ...(this.tenantId !== undefined && { tenantId: this.tenantId }),
      ...(this.connectionId !== undefined && { connectionId: this.connectionId }),
    };
  }

  #log(method: string, line: string): void {
    this.#context.options.logger.debug(`[AuthSession.${method}] ${line}`, { sessionId: this.id });
  }
}
