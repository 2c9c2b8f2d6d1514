import { startSimulator } from '../simulator';
import type { ConnectionConfig } from './config';

/** What a simulated user does with the consent page. */
export type SimulatedDecision = 'approve' | 'deny';

/** The message a simulated denial carries, as a real consent screen's "Deny" would. */
export const SIMULATED_DENIAL_MESSAGE = 'The user denied access (simulated)';

/** An embedded simulator of the Fastn API, for `--local`, with a simulated user at the keyboard. */
export interface LocalApi {
  /** Connection settings that point a client at the simulator. */
  readonly config: ConnectionConfig;
  /**
   * Has the simulated user approve or deny a session after a delay, unless someone decided
   * it on the consent page first.
   */
  decideLater(sessionId: string, decision: SimulatedDecision, delayMs: number): void;
  /** Cancels the simulated user and stops the simulator. */
  close(): Promise<void>;
}

/**
 * Starts an embedded simulator on a free loopback port, for `--local`.
 *
 * @returns The running simulator, to be closed when the command ends.
 * @throws Rejects when the simulator cannot listen.
 */
export async function startLocalApi(): Promise<LocalApi> {
  const simulator = await startSimulator({ port: 0 });
  const timers = new Set<NodeJS.Timeout>();

  return {
    config: { spaceId: simulator.spaceId, apiKey: simulator.apiKey, baseUrl: simulator.url },

    decideLater: (sessionId, decision, delayMs) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        // A person may have clicked on the consent page already: their choice stands, and the
        // simulator refuses to decide a session twice, which is not an error here.
        try {
          if (decision === 'approve') simulator.approve(sessionId);
          else simulator.deny(sessionId, SIMULATED_DENIAL_MESSAGE);
        } catch {
          return;
        }
      }, delayMs);
      timers.add(timer);
    },

    close: async () => {
      // Pending decisions would keep the process alive after the command is done.
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await simulator.close();
    },
  };
}
