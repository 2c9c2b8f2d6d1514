import { Subscription, switchMap } from 'rxjs';

import { FastnAuth } from '../../lib';
import type { AuthResult } from '../../lib';
import { startSimulator } from '../../lib/simulator';
import type { SimulatorHandle } from '../../lib/simulator';

/**
 * How many sessions wait at once. Client and simulator share one process, and jest's
 * `--detectOpenHandles` tracks every timer, promise and socket, which makes each request about
 * four times dearer than in a plain process; so the suite runs a modest load, and `npm run bench`
 * the 5,000-session one. Raise it here with
 * `FASTN_LOAD_SESSIONS=1000 npx jest spec/reliability/load.spec.ts`.
 */
const SESSIONS = Number(process.env.FASTN_LOAD_SESSIONS ?? 300);

/** Well above what the default load needs on 2 cores, well below a hung run. */
const BUDGET_MS = 60_000;

describe('load: thousands of sessions waiting through one client', () => {
  let sim: SimulatorHandle;
  const waits = new Subscription();

  beforeAll(async () => {
    // A user who approves every session shortly after it starts, so each one waits a while.
    sim = await startSimulator({ approveAfterMs: 500 });
  });

  afterAll(async () => {
    // A wait still running after a failure must not keep polling a closed server.
    waits.unsubscribe();
    await sim.close();
  });

  it(
    `completes ${SESSIONS} concurrent waits ACTIVE, each with its own credentials`,
    async () => {
      const client = new FastnAuth({
        spaceId: sim.spaceId,
        apiKey: sim.apiKey,
        baseUrl: sim.url,
        polling: { intervalMs: 300, timeoutMs: BUDGET_MS },
      });

      const results = Array.from(
        { length: SESSIONS },
        (_, index) =>
          new Promise<AuthResult>((resolve, reject) => {
            const wait = client
              .initialize({ connectorId: 'google-sheets', tenantId: `tenant-${index}` })
              .pipe(switchMap((session) => session.waitForCompletion()))
              .subscribe({ next: resolve, error: reject });
            waits.add(wait);
          }),
      );
      const settled = await Promise.allSettled(results);

      const failures = settled.filter((outcome) => outcome.status === 'rejected');
      expect(failures.map((failure) => String(failure.reason)).slice(0, 3)).toEqual([]);
      const values = settled.map(
        (outcome) => (outcome as PromiseFulfilledResult<AuthResult>).value,
      );
      expect(values.every((result) => result.status === 'ACTIVE')).toBe(true);
      expect(new Set(values.map((result) => result.credentials.accessToken)).size).toBe(SESSIONS);
      expect(sim.requestCount('/ucl/connectorAuth/initialize')).toBe(SESSIONS);
      expect(sim.requestCount('/ucl/connectorAuth')).toBe(SESSIONS);
    },
    BUDGET_MS,
  );
});
