import { randomBytes, randomUUID } from 'node:crypto';

/** Which connector an authorization is for, and for whom. */
export interface ConnectorTarget {
  readonly connectorId: string;
  readonly orgId: string;
  readonly tenantId?: string;
  readonly connectionId?: string;
}

/**
 * A session's state as the simulator reports it: `EXPIRED` is what an `INACTIVE` session becomes
 * once its time is up.
 */
export type SimulatedStatus = 'INACTIVE' | 'ACTIVE' | 'FAILED' | 'EXPIRED';

/** A read-only copy of one simulated session, for assertions in tests. */
export interface SessionSnapshot extends ConnectorTarget {
  readonly sessionId: string;
  readonly status: SimulatedStatus;
  /** Why the session failed or expired. */
  readonly errorMessage?: string;
  /** When a pending session expires, as an ISO-8601 string. */
  readonly expiresAt: string;
}

/** How a session ended. */
export interface SessionOutcome {
  readonly status: 'ACTIVE' | 'FAILED';
  readonly errorMessage?: string;
}

/** One session, as stored. @internal */
export interface SessionRecord extends ConnectorTarget {
  readonly sessionId: string;
  readonly stateKey: string;
  readonly expiresAtMs: number;
  outcome?: SessionOutcome;
}

/**
 * The simulator's sessions, kept in memory for its lifetime.
 *
 * Only a pending session expires: once approved or denied it keeps its outcome, as a finished
 * authorization does on a real server. Sessions are never removed, which is fine for a test
 * server but makes a long-running one grow by one small record per authorization.
 *
 * @internal
 */
export class SessionStore {
  private readonly sessions = new Map<string, SessionRecord>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs: number,
  ) {}

  /** Starts a pending session with a fresh id and state key. */
  create(target: ConnectorTarget): SessionRecord {
    const record: SessionRecord = {
      ...target,
      sessionId: randomUUID(),
      stateKey: randomBytes(24).toString('base64url'),
      expiresAtMs: this.now() + this.ttlMs,
    };
    this.sessions.set(record.sessionId, record);
    return record;
  }

  /** The session with this id, if any. */
  find(sessionId: string): SessionRecord | undefined {
    return this.sessions.get(sessionId);
  }

  /** Every session, oldest first. */
  list(): SessionRecord[] {
    return [...this.sessions.values()];
  }

  /** The session's status now, with `EXPIRED` for a pending session past its time. */
  statusOf(record: SessionRecord): { status: SimulatedStatus; errorMessage?: string } {
    if (record.outcome) return record.outcome;
    if (this.now() >= record.expiresAtMs) {
      return { status: 'EXPIRED', errorMessage: 'Session expired' };
    }
    return { status: 'INACTIVE' };
  }

  /**
   * Records how a pending session ended.
   *
   * @throws Error when the session is not pending any more (already ended, or expired)
   */
  settle(record: SessionRecord, outcome: SessionOutcome): void {
    const { status } = this.statusOf(record);
    if (status !== 'INACTIVE') {
      throw new Error(`Simulator session ${record.sessionId} is ${status}, not pending`);
    }
    record.outcome = outcome;
  }

  /** A frozen copy of the session, with its status as of now. */
  snapshot(record: SessionRecord): SessionSnapshot {
    const { status, errorMessage } = this.statusOf(record);
    return Object.freeze({
      sessionId: record.sessionId,
      status,
      ...(errorMessage !== undefined && { errorMessage }),
      connectorId: record.connectorId,
      orgId: record.orgId,
      ...(record.tenantId !== undefined && { tenantId: record.tenantId }),
      ...(record.connectionId !== undefined && { connectionId: record.connectionId }),
      expiresAt: new Date(record.expiresAtMs).toISOString(),
    });
  }
}
