import { map } from 'rxjs';

import { FastnAuth as ObservableFastnAuth } from '../client/FastnAuth';
import type { FastnAuthOptions } from '../config/FastnAuthOptions';
import type { SessionState } from '../session/SessionState';
import type { ConnectorParams, Credentials } from '../types';
import { AuthSession } from './AuthSession';
import { withSignal, type SignalOption } from './withSignal';

/**
 * The Fastn connector-auth client for `async`/`await` code: scripts, back ends, tests.
 *
 * It takes the same options as the RxJS client and runs on the same engine; every method takes
 * an optional `signal`. An aborted call rejects with an `AbortedError` (code `ABORTED`) and
 * aborts its request; an already-aborted signal sends no request. Bad arguments reject rather
 * than throw. A returned promise that nobody awaits never raises `unhandledRejection`.
 *
 * @example
 * ```ts
 * import { FastnAuth } from 'fastn-auth/promise';
 *
 * const client = new FastnAuth({ spaceId: 'my-space', apiKey: process.env.FASTN_API_KEY });
 * const session = await client.initialize({ connectorId: 'google-sheets' });
 * openWindow(session.redirectUrl);
 * const { credentials } = await session.waitForCompletion();
 * ```
 */
export class FastnAuth {
  readonly #client: ObservableFastnAuth;

  /**
   * @param options - The same options as the RxJS client.
   * @throws {@link InvalidArgumentError} at once, naming the bad option.
   */
  constructor(options: FastnAuthOptions) {
    this.#client = new ObservableFastnAuth(options);
  }

  /**
   * Starts an authorization for a connector.
   *
   * @param params - `connectorId`, and optionally `orgId` (@default 'community'), `tenantId`,
   *   `connectionId`.
   * @param options - `signal`.
   * @returns A promise of the {@link AuthSession}.
   * @throws Rejects with `InvalidArgumentError` (no request sent), `NetworkError`,
   *   `InvalidResponseError` or `AbortedError`.
   */
  initialize(params: ConnectorParams, options: SignalOption = {}): Promise<AuthSession> {
    return withSignal('initialize', options, () =>
      this.#client.initialize(params).pipe(map((session) => new AuthSession(session))),
    );
  }

  /**
   * Reads the credentials of a connector that is already connected; transient failures are
   * retried with backoff.
   *
   * @param params - The same shape as for {@link FastnAuth.initialize}.
   * @param options - `signal`.
   * @returns A promise of the {@link Credentials}.
   * @throws Rejects with `InvalidArgumentError` (no request sent), `NetworkError` (404 when not
   *   connected), `InvalidResponseError` or `AbortedError`.
   */
  getCredentials(params: ConnectorParams, options: SignalOption = {}): Promise<Credentials> {
    return withSignal('getCredentials', options, () => this.#client.getCredentials(params));
  }

  /**
   * Rebuilds a session from what `session.toJSON()` returned, with no request. A wait's
   * recorded deadline is kept.
   *
   * @param state - A {@link SessionState}, typically after `JSON.parse`.
   * @returns The session.
   * @throws {@link InvalidArgumentError} at once (this method is synchronous), naming the bad key.
   */
  resume(state: SessionState | unknown): AuthSession {
    return new AuthSession(this.#client.resume(state));
  }

  /**
   * The client's non-secret settings, for logs and `JSON.stringify`.
   *
   * @returns `spaceId`, `baseUrl` and `stage`; never the API key or token.
   */
  toJSON(): { spaceId: string; baseUrl: string; stage: 'LIVE' | 'DRAFT' } {
    return this.#client.toJSON();
  }

  /** Shows the same non-secret settings as {@link FastnAuth.toJSON} in `util.inspect`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `FastnAuth ${JSON.stringify(this.toJSON())}`;
  }
}
