import type { AuthSession as ObservableAuthSession } from '../session/AuthSession';
import type { SessionState } from '../session/SessionState';
import type { AuthResult, Credentials, PollOptions, StatusResponse } from '../types';
import { withSignal, type SignalOption } from './withSignal';

/** Options of {@link AuthSession.waitForCompletion}: the poll options, `onStatus` and a signal. */
export interface WaitOptions extends PollOptions, SignalOption {}

/**
 * One authorization in progress, with Promise-returning methods.
 *
 * It wraps the RxJS session, available as {@link AuthSession.observable} for mixing styles: both
 * share the same state, so a wait started from either is recorded in `toJSON()`.
 *
 * @example
 * ```ts
 * const session = await client.initialize({ connectorId: 'google-sheets' });
 * openWindow(session.redirectUrl);
 * const { credentials } = await session.waitForCompletion({
 *   timeoutMs: 120_000,
 *   onStatus: ({ status }) => spinner.update(status),
 * });
 * ```
 */
export class AuthSession {
  /** The RxJS session this one wraps. */
  readonly observable: ObservableAuthSession;

  /**
   * @param observable - The RxJS session to wrap.
   * @internal Sessions come from the promise client's `initialize()` and `resume()`.
   */
  constructor(observable: ObservableAuthSession) {
    this.observable = observable;
  }

  /** The session id Fastn gave at initialize. */
  get id(): string {
    return this.observable.id;
  }

  /** The state key Fastn gave at initialize. */
  get stateKey(): string {
    return this.observable.stateKey;
  }

  /** Where the end user authorizes the connector. */
  get redirectUrl(): string {
    return this.observable.redirectUrl;
  }

  /**
   * Waits until the authorization ends, then reads the connector's credentials.
   *
   * The deadline is absolute and recorded in the session while the wait runs, as for the RxJS
   * session's `waitForCompletion`.
   *
   * `onStatus` is called with every status the wait hears, `INACTIVE` included: a progress
   * display (a spinner, a CLI line) without a second poll loop.
   *
   * @param options - `intervalMs` (@default 2000, or the client's `polling.intervalMs`),
   *   `timeoutMs` (@default 300000, or the client's `polling.timeoutMs`), `onStatus`
   *   (@default none) and `signal`.
   * @returns A promise of `{ status: 'ACTIVE', credentials }`.
   * @throws Rejects with `AuthenticationError` when the flow ends `FAILED`, `TimeoutError` at the
   *   deadline, `AbortedError` when aborted, `NetworkError`, `InvalidResponseError`, or
   *   `InvalidArgumentError` for bad options.
   */
  waitForCompletion(options: WaitOptions = {}): Promise<AuthResult> {
    return withSignal('waitForCompletion', options, (pollOptions) =>
      this.observable.waitForCompletion(pollOptions),
    );
  }

  /**
   * Asks for the authorization's status once.
   *
   * @param options - `signal`.
   * @returns A promise of the {@link StatusResponse}.
   * @throws Rejects with `NetworkError`, `InvalidResponseError` or `AbortedError`.
   */
  getStatus(options: SignalOption = {}): Promise<StatusResponse> {
    return withSignal('getStatus', options, () => this.observable.getStatus());
  }

  /**
   * Reads the connector's credentials through this session.
   *
   * @param options - `signal`.
   * @returns A promise of the {@link Credentials}.
   * @throws Rejects with `NetworkError` (404 when not connected), `InvalidResponseError` or
   *   `AbortedError`.
   */
  getCredentials(options: SignalOption = {}): Promise<Credentials> {
    return withSignal('getCredentials', options, () => this.observable.getCredentials());
  }

  /**
   * The session's state for `client.resume()`: plain data, never the API key or token.
   *
   * @returns The same {@link SessionState} as the RxJS session's `toJSON()`.
   */
  toJSON(): SessionState {
    return this.observable.toJSON();
  }

  /** Shows the plain state in `util.inspect` and consoles. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `AuthSession ${JSON.stringify(this.toJSON())}`;
  }
}
