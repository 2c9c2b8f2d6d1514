import { defer, map, throwError, type Observable } from 'rxjs';

import {
  resolveOptions,
  type FastnAuthOptions,
  type ResolvedOptions,
} from '../config/FastnAuthOptions';
import { validateConnectorParams } from '../config/validate';
import { createAxiosTransport } from '../http/axiosTransport';
import { AuthSession } from '../session/AuthSession';
import type { SessionContext } from '../session/SessionContext';
import { decodeSessionState, type SessionState } from '../session/SessionState';
import { noAnswerError, requestCredentials } from '../session/requestCredentials';
import { retryTransient } from '../session/retryTransient';
import { secretRedactor } from '../session/secretRedactor';
import type { ConnectorParams, Credentials } from '../types';
import { initializeResponse } from '../wire/codecs';
import type { InitializeResult } from '../wire/codecs';
import { decodeBody } from '../wire/decode';
import { initializeRequest } from '../wire/requests';

/** The most initialize requests one call sends, the first one included. */
const MAX_INITIALIZE_ATTEMPTS = 4;

/**
 * The Fastn connector-auth client: starts authorizations, resumes them, reads credentials.
 *
 * Options are checked when the client is built. They stay in a private field, and the secret
 * inside them in a closure, so neither `JSON.stringify(client)` nor `util.inspect(client)` can
 * show the API key or token: both show only `spaceId`, `baseUrl` and `stage`.
 *
 * Every method returns a cold Observable: nothing is sent until it is subscribed, and
 * unsubscribing aborts the request in flight. Bad arguments are checked when the method is
 * called and delivered to the error channel on subscribe, before any request; the methods
 * themselves never throw.
 *
 * @example
 * ```ts
 * const client = new FastnAuth({ spaceId: 'my-space', apiKey: process.env.FASTN_API_KEY });
 * client
 *   .initialize({ connectorId: 'google-sheets', tenantId: 'acme' })
 *   .pipe(
 *     tap((session) => window.open(session.redirectUrl)),
 *     switchMap((session) => session.waitForCompletion({ timeoutMs: 120_000 })),
 *   )
 *   .subscribe((result) => use(result.credentials));
 * ```
 */
export class FastnAuth {
  readonly #context: SessionContext;

  /**
   * @param options - The space, exactly one of `apiKey` / `authToken`, and optional settings;
   *   see {@link FastnAuthOptions} for each default.
   * @throws {@link InvalidArgumentError} at once, naming the bad option (never a secret's value).
   */
  constructor(options: FastnAuthOptions) {
    const resolved: ResolvedOptions = resolveOptions(options);
    const transport =
      resolved.transport ??
      createAxiosTransport({
        baseUrl: resolved.baseUrl,
        requestTimeoutMs: resolved.requestTimeoutMs,
        maxResponseBytes: resolved.maxResponseBytes,
        maxConcurrentRequests: resolved.maxConcurrentRequests,
        logger: resolved.logger,
        nowMs: () => resolved.scheduler.now(),
      });
    this.#context = { options: resolved, transport };
  }

  /**
   * Starts an authorization for a connector.
   *
   * Transient failures (no response, 408, 429, 5xx) are retried with backoff, honouring
   * `Retry-After`: at most 4 requests in all, and the whole call ends by the client's
   * `polling.timeoutMs` (a request still in flight then is cancelled). Retrying is safe even
   * though each initialize creates a session on the server: a session whose answer was lost is
   * never shown to a user, so it simply expires unused.
   *
   * @param params - `connectorId`, and optionally `orgId` (@default 'community'), `tenantId`,
   *   `connectionId`.
   * @returns A cold Observable that emits one {@link AuthSession} and completes.
   * @throws {@link InvalidArgumentError} for bad params (no request is sent);
   *   {@link NetworkError}: a permanent one (401, 403, 404, other 4xx) at once, else the last
   *   transient one once the attempts or the time are used up (a transient one with no status
   *   code if no answer came by the deadline); {@link InvalidResponseError} (for instance a
   *   redirect URL that is not http(s)). All delivered to the error channel.
   *
   * @example
   * ```ts
   * client.initialize({ connectorId: 'google-sheets' }).subscribe((session) => {
   *   window.open(session.redirectUrl);
   * });
   * ```
   */
  initialize(params: ConnectorParams): Observable<AuthSession> {
    let connector: ReturnType<typeof validateConnectorParams>;
    try {
      connector = validateConnectorParams(params);
    } catch (error) {
      return throwError(() => error);
    }

    const context = this.#context;
    const { logger, scheduler, timeoutMs, endpoints } = context.options;
    return defer(() => {
      // Counted per subscription, and the budget starts when the caller subscribes.
      let attempts = 0;
      const deadlineMs = scheduler.now() + timeoutMs;

      return defer(() => {
        attempts += 1;
        logger.debug(
          `[FastnAuth.initialize] connector ${connector.connectorId} (attempt ${attempts})`,
        );
        return context.transport(initializeRequest(context.options, connector));
      }).pipe(
        decodeBody(initializeResponse, 'initialize response', secretRedactor(context.options)),
        retryTransient<InitializeResult>(context, {
          deadlineMs,
          maxAttempts: MAX_INITIALIZE_ATTEMPTS,
          caller: 'FastnAuth.initialize',
          atDeadline: () => noAnswerError(endpoints.initialize, timeoutMs),
        }),
      );
    }).pipe(
      map((result) => {
        logger.debug(`[FastnAuth.initialize] session ${result.sessionId}`);
        return new AuthSession(context, {
          version: 1,
          id: result.sessionId,
          stateKey: result.stateKey,
          redirectUrl: result.redirectUrl,
          connectorId: connector.connectorId,
          orgId: connector.orgId,
          ...(connector.tenantId !== undefined && { tenantId: connector.tenantId }),
          ...(connector.connectionId !== undefined && { connectionId: connector.connectionId }),
          ...(result.expiresAt !== undefined && { expiresAt: result.expiresAt }),
        });
      }),
    );
  }

  /**
   * Reads the credentials of a connector that is already connected.
   *
   * Transient failures (no response, 408, 429, 5xx) are retried with backoff, honouring
   * `Retry-After`. The whole call ends by the client's `polling.timeoutMs`, counted from
   * subscription: a request still in flight then is cancelled.
   *
   * @param params - The same shape as for {@link FastnAuth.initialize}.
   * @returns A cold Observable that emits one {@link Credentials} and completes.
   * @throws {@link InvalidArgumentError} for bad params (no request is sent);
   *   {@link NetworkError}: a permanent one at once (404 when the connector is not connected),
   *   else by the deadline the last transient one, or a transient one with no status code when
   *   no answer came at all; {@link InvalidResponseError}. All delivered to the error channel.
   *
   * @example
   * ```ts
   * client.getCredentials({ connectorId: 'google-sheets', tenantId: 'acme' })
   *   .subscribe(({ accessToken }) => callGoogle(accessToken));
   * ```
   */
  getCredentials(params: ConnectorParams): Observable<Credentials> {
    let connector: ReturnType<typeof validateConnectorParams>;
    try {
      connector = validateConnectorParams(params);
    } catch (error) {
      return throwError(() => error);
    }

    const context = this.#context;
    return defer(() => {
      // The retry budget starts when the caller subscribes, not when the Observable was built.
      const { scheduler, timeoutMs } = context.options;
      return requestCredentials(context, connector, {
        deadlineMs: scheduler.now() + timeoutMs,
        caller: 'FastnAuth.getCredentials',
      });
    });
  }

  /**
   * Rebuilds a session from what `session.toJSON()` returned, with no request.
   *
   * A state saved while a wait ran holds that wait's absolute deadline; the resumed session's
   * next `waitForCompletion()` keeps it, so the user's budget does not restart on a reload.
   *
   * @param state - A {@link SessionState}, typically after `JSON.parse`.
   * @returns The session.
   * @throws {@link InvalidArgumentError} at once, when the state is not one `toJSON()` writes;
   *   its `field` names the bad key, such as `state.stateKey`.
   *
   * @example
   * ```ts
   * const session = client.resume(JSON.parse(localStorage.getItem('auth') ?? 'null'));
   * session.waitForCompletion().subscribe(...);
   * ```
   */
  resume(state: SessionState | unknown): AuthSession {
    return new AuthSession(this.#context, decodeSessionState(state));
  }

  /**
   * The client's non-secret settings, for logs and `JSON.stringify`.
   *
   * @returns `spaceId`, `baseUrl` and `stage`; never the API key or token.
   */
  toJSON(): { spaceId: string; baseUrl: string; stage: 'LIVE' | 'DRAFT' } {
    const { spaceId, baseUrl, stage } = this.#context.options;
    return { spaceId, baseUrl, stage };
  }

  /** Shows the same non-secret settings as {@link FastnAuth.toJSON} in `util.inspect`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `FastnAuth ${JSON.stringify(this.toJSON())}`;
  }
}
