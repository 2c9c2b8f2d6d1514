import { CredentialStore } from './CredentialStore';
import { ENDPOINT_PATHS, isEndpointPath } from './EndpointPath';
import type { EndpointPath } from './EndpointPath';
import { FaultInjector } from './FaultInjector';
import { SessionStore } from './SessionStore';
import type { ConnectorTarget, SessionRecord, SessionSnapshot } from './SessionStore';
import type { ResolvedSimulatorOptions } from './SimulatorOptions';
import { TimerSet } from './TimerSet';

/** What a denial says when the caller gives no message. */
export const DEFAULT_DENIAL_MESSAGE = 'The user denied access';

/**
 * The simulator's state and rules, shared by the HTTP routes and the handle a test holds.
 *
 * Knows nothing of HTTP: the routes translate requests into calls here and its answers into
 * responses, so the handle and the consent page change state in exactly the same way.
 *
 * @internal
 */
export class SimulatorCore {
  readonly sessions: SessionStore;
  readonly credentials: CredentialStore;
  readonly faults: FaultInjector;
  readonly timers: TimerSet;
  private readonly counts = new Map<EndpointPath, number>();

  constructor(readonly options: ResolvedSimulatorOptions) {
    this.sessions = new SessionStore(options.now, options.sessionTtlMs);
    this.credentials = new CredentialStore(options.now, options.credentialTtlMs);
    this.faults = new FaultInjector(options.faults, options.random);
    this.timers = new TimerSet(options.timers);
  }

  /** Starts a pending session and, when asked to, schedules the simulated user's approval. */
  initialize(target: ConnectorTarget): SessionRecord {
    const record = this.sessions.create(target);

    const { approveAfterMs } = this.options;
    if (approveAfterMs !== undefined) {
      // The session may be settled or expired by then; only a pending one is approved.
      this.timers.schedule(() => {
        if (this.sessions.statusOf(record).status === 'INACTIVE') this.approveRecord(record);
      }, approveAfterMs);
    }
    return record;
  }

  /**
   * Marks a pending session ACTIVE and issues credentials for its connector.
   *
   * @throws Error when the session is unknown or not pending
   */
  approve(sessionId: string): void {
    this.approveRecord(this.require(sessionId));
  }

  /**
   * Marks a pending session FAILED with the given message.
   *
   * @throws Error when the session is unknown or not pending
   */
  deny(sessionId: string, message = DEFAULT_DENIAL_MESSAGE): void {
    this.sessions.settle(this.require(sessionId), { status: 'FAILED', errorMessage: message });
  }

  /** A snapshot of one session, or `undefined` when there is none with that id. */
  snapshot(sessionId: string): SessionSnapshot | undefined {
    const record = this.sessions.find(sessionId);
    return record && this.sessions.snapshot(record);
  }

  /** Counts one request to an endpoint. */
  count(path: EndpointPath): void {
    this.counts.set(path, (this.counts.get(path) ?? 0) + 1);
  }

  /**
   * How many requests reached an endpoint, or all of them.
   *
   * @throws TypeError when `path` is not one of the simulated endpoints
   */
  requestCount(path?: string): number {
    if (path === undefined) return [...this.counts.values()].reduce((sum, n) => sum + n, 0);
    if (!isEndpointPath(path)) {
      throw new TypeError(
        `requestCount: unknown path ${JSON.stringify(path)}; use one of ` +
          ENDPOINT_PATHS.join(', '),
      );
    }
    return this.counts.get(path) ?? 0;
  }

  private approveRecord(record: SessionRecord): void {
    this.sessions.settle(record, { status: 'ACTIVE' });
    this.credentials.issue(record);
  }

  private require(sessionId: string): SessionRecord {
    const record = this.sessions.find(sessionId);
    if (record === undefined) throw new Error(`No simulator session ${JSON.stringify(sessionId)}`);
    return record;
  }
}
