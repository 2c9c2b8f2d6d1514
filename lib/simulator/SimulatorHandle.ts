import type { FaultOptions } from './FaultOptions';
import type { SessionSnapshot } from './SessionStore';

/**
 * A running simulator: where it listens, its credentials, and levers a test pulls.
 *
 * The API key and token are readable through their properties but never shown by
 * `util.inspect` or `JSON.stringify` of the handle.
 *
 * @example
 * ```ts
 * const sim = await startSimulator();
 * try {
 *   // point a client at sim.url with sim.spaceId and sim.apiKey, then:
 *   sim.approve(sessionId);
 * } finally {
 *   await sim.close();
 * }
 * ```
 */
export interface SimulatorHandle {
  /** The API root, such as `http://127.0.0.1:54321/api`: a client's `baseUrl`. */
  readonly url: string;
  /** The port the simulator listens on. */
  readonly port: number;
  /** The space id requests must carry. */
  readonly spaceId: string;
  /** The API key the simulator accepts. */
  readonly apiKey: string;
  /** The bearer token the simulator accepts. */
  readonly authToken: string;

  /**
   * Approves a pending session, as a user clicking Approve: it becomes ACTIVE and credentials
   * are issued for its connector, org, tenant and connection.
   *
   * @param sessionId - the id initialize answered with
   * @throws Error when there is no such session, or it is no longer pending
   */
  approve(sessionId: string): void;

  /**
   * Denies a pending session: it becomes FAILED with the message.
   *
   * @param sessionId - the id initialize answered with
   * @param message - the session's error message @default 'The user denied access'
   * @throws Error when there is no such session, or it is no longer pending
   */
  deny(sessionId: string, message?: string): void;

  /**
   * A read-only snapshot of one session, its status as of now.
   *
   * @param sessionId - the session's id
   * @returns the snapshot, or `undefined` when there is no such session
   */
  session(sessionId: string): SessionSnapshot | undefined;

  /**
   * Snapshots of every session, oldest first.
   *
   * @returns the snapshots
   */
  sessions(): SessionSnapshot[];

  /**
   * How many API requests arrived, on one endpoint or in all, whatever their outcome (faults and
   * rejected requests included; consent pages excluded).
   *
   * @param path - an endpoint path below the base path, such as `/ucl/connectorAuth/status`
   * @returns the count
   * @throws TypeError when `path` is not one of the simulated endpoints
   */
  requestCount(path?: string): number;

  /**
   * Changes the injected faults for the requests that follow. The fields given replace the
   * current ones; a field set to `undefined` (or a rate set to 0) turns that fault off.
   *
   * @param faults - the fields to change
   * @throws TypeError naming a bad field; the faults are then left as they were
   */
  setFaults(faults: FaultOptions): void;

  /**
   * Stops the simulator: clears every timer, destroys every open connection and closes the
   * server. Calling it again returns the same promise.
   *
   * @returns a promise that resolves once nothing is left open
   */
  close(): Promise<void>;
}
