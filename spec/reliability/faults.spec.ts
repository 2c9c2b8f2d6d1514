import { firstValueFrom, switchMap } from 'rxjs';

import { FastnAuth } from '../../lib/client/FastnAuth';
import type { Logger } from '../../lib/logger';
import { startSimulator } from '../../lib/simulator';
import type { SimulatorHandle } from '../../lib/simulator';
import type { AuthResult } from '../../lib/types';
import { seededRandom } from './support/seededRandom';
import { watchUnhandledRejections, type RejectionWatch } from './support/unhandledRejections';

const STATUS_PATH = '/ucl/connectorAuth/status';
const CREDENTIALS_PATH = '/ucl/connectorAuth';

/** The line the retry operator logs before each backoff wait (polling and credentials alike). */
const RETRY_LINE = /; retry \d+ in \d+ ms$/;

/** Sessions of the concurrent run; `RELIABILITY_SESSIONS=N` runs another count. */
const SESSIONS = Number(process.env.RELIABILITY_SESSIONS ?? 500);

/** Counts the SDK's retry lines and lets a test react to any line. */
function countingLogger(onLine: (message: string) => void = () => undefined) {
  const counts = { retries: 0, givenUp: 0 };
  const logger: Logger = {
    debug: (message) => {
      if (RETRY_LINE.test(message)) counts.retries += 1;
      if (message.endsWith('giving up')) counts.givenUp += 1;
      onLine(message);
    },
  };
  return { logger, counts };
}

/** Tallies the simulator's request lines by outcome: an HTTP status, or a dropped connection. */
function answerTally() {
  const byOutcome = new Map<string, number>();
  const record = (line: string) => {
    const outcome = /dropped \(fault\)$/.test(line)
      ? 'dropped'
      : /\s(\d{3})\s\d+ms$/.exec(line)?.[1];
    if (outcome !== undefined) byOutcome.set(outcome, (byOutcome.get(outcome) ?? 0) + 1);
  };
  return { byOutcome, record };
}

describe('waits under injected faults, against the simulator over loopback HTTP', () => {
  let rejections: RejectionWatch;
  let sim: SimulatorHandle | undefined;

  beforeEach(() => {
    rejections = watchUnhandledRejections();
  });

  afterEach(async () => {
    // Closed here and not in the test, so a failed assertion still frees the port and timers.
    await sim?.close();
    sim = undefined;
    rejections.stop();
  });

  it(
    `completes ${SESSIONS} sessions ACTIVE, each its own credentials, through 5xx, drops, 429s`,
    async () => {
      const sessions = SESSIONS;
      const seed = 20_240_601;
      const tally = answerTally();

      // Faults spare initialize: each attempt may create a session on the server, so the SDK
      // tries it at most four times, and at these rates (one request in five fails) one
      // initialize in about 600 would fail on its own. What is proven here is the waits.
      sim = await startSimulator({
        random: seededRandom(seed),
        logger: tally.record,
        faults: {
          transientErrorRate: 0.1,
          dropConnectionRate: 0.05,
          rateLimitRate: 0.05,
          retryAfterSeconds: 1,
          latencyMs: [0, 300],
          paths: [STATUS_PATH, CREDENTIALS_PATH],
        },
      });
      const handle = sim;
      const { logger, counts } = countingLogger();
      const client = new FastnAuth({
        spaceId: handle.spaceId,
        apiKey: handle.apiKey,
        baseUrl: handle.url,
        polling: {
          intervalMs: 200,
          timeoutMs: 60_000,
          retryBaseDelayMs: 50,
          retryMaxDelayMs: 1_000,
        },
        logger,
      });

      // The simulated users: each approves once, at a seeded random moment within 5 s.
      const userRandom = seededRandom(seed + 1);
      const approvals = new Set<NodeJS.Timeout>();
      const approveLater = (sessionId: string) => {
        const pending = setTimeout(
          () => {
            approvals.delete(pending);
            handle.approve(sessionId);
          },
          Math.floor(userRandom() * 5_000),
        );
        approvals.add(pending);
      };

      const startedAt = Date.now();
      let outcomes: PromiseSettledResult<{ sessionId: string; result: AuthResult }>[];
      try {
        outcomes = await Promise.allSettled(
          Array.from({ length: sessions }, (_, index) =>
            firstValueFrom(
              client
                .initialize({ connectorId: `connector-${index}`, tenantId: `tenant-${index}` })
                .pipe(
                  switchMap(async (session) => {
                    approveLater(session.id);
                    const result = await firstValueFrom(session.waitForCompletion());
                    return { sessionId: session.id, result };
                  }),
                ),
            ),
          ),
        );
      } finally {
        // A failed run must not leave approvals behind to fire into a closed simulator.
        approvals.forEach((pending) => clearTimeout(pending));
      }
      const wallMs = Date.now() - startedAt;

      const failures = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(failures).toEqual([]);

      const accessTokens = new Set<string>();
      outcomes.forEach((outcome, index) => {
        if (outcome.status !== 'fulfilled') return;
        const { sessionId, result } = outcome.value;

        // The scope names the connector the simulator issued the credentials for: a swapped
        // answer would name another session's connector.
        expect(result.status).toBe('ACTIVE');
        expect(result.credentials.extra['scope']).toBe(
          `connector-${index}.read connector-${index}.write`,
        );
        expect(handle.session(sessionId)).toMatchObject({
          status: 'ACTIVE',
          connectorId: `connector-${index}`,
          tenantId: `tenant-${index}`,
        });
        accessTokens.add(result.credentials.accessToken ?? '');
      });
      // Every session got its own token: none was answered with another's.
      expect(accessTokens.size).toBe(sessions);
      expect(accessTokens.has('')).toBe(false);

      // Every fault kind struck, and the SDK retried exactly the failures the simulator caused.
      const failed = ['500', '502', '503', '504', '429', 'dropped'].reduce(
        (sum, outcome) => sum + (tally.byOutcome.get(outcome) ?? 0),
        0,
      );
      expect(tally.byOutcome.get('429')).toBeGreaterThan(0);
      expect(tally.byOutcome.get('dropped')).toBeGreaterThan(0);
      expect(counts.retries).toBe(failed);
      expect(counts.givenUp).toBe(0);
      expect(handle.requestCount(CREDENTIALS_PATH)).toBeGreaterThanOrEqual(sessions);
      expect(rejections.reasons).toEqual([]);

      console.log(
        [
          `${sessions} sessions ACTIVE in ${wallMs} ms (seed ${seed})`,
          `requests: ${handle.requestCount()} total` +
            ` (initialize ${handle.requestCount('/ucl/connectorAuth/initialize')},` +
            ` status ${handle.requestCount(STATUS_PATH)},` +
            ` credentials ${handle.requestCount(CREDENTIALS_PATH)}),` +
            ` ${(handle.requestCount() / sessions).toFixed(1)} per session`,
          `answers: ${JSON.stringify(Object.fromEntries([...tally.byOutcome].sort()))}`,
          `SDK retries: ${counts.retries}`,
        ].join('\n'),
      );
    },
    20_000 + SESSIONS * 200,
  );

  it('picks up a server that comes back during the wait and completes ACTIVE', async () => {
    const failuresBeforeRecovery = 3;
    let statusFailures = 0;
    sim = await startSimulator({
      logger: (line) => {
        if (new RegExp(`${STATUS_PATH} 5\\d\\d `).test(line)) statusFailures += 1;
      },
    });
    const handle = sim;

    // The outage ends when the SDK is about to retry the third failure, not after some time, so
    // the test does not depend on how fast the machine is. The user approves once the SDK has
    // heard the server answer again.
    let sessionId = '';
    const { logger, counts } = countingLogger((message) => {
      if (RETRY_LINE.test(message) && counts.retries === failuresBeforeRecovery) {
        handle.setFaults({ transientErrorRate: 0 });
      }
      if (message.endsWith(`status INACTIVE (attempt ${failuresBeforeRecovery + 1})`)) {
        handle.approve(sessionId);
      }
    });
    const client = new FastnAuth({
      spaceId: handle.spaceId,
      apiKey: handle.apiKey,
      baseUrl: handle.url,
      polling: { intervalMs: 100, timeoutMs: 10_000, retryBaseDelayMs: 50, retryMaxDelayMs: 1_000 },
      logger,
    });
    const session = await firstValueFrom(client.initialize({ connectorId: 'google-sheets' }));
    sessionId = session.id;

    // Every status request fails with 500, 502, 503 or 504 until recovery.
    handle.setFaults({ transientErrorRate: 1, paths: [STATUS_PATH] });
    const result = await firstValueFrom(session.waitForCompletion());

    expect(result.status).toBe('ACTIVE');
    expect(result.credentials.extra['scope']).toBe('google-sheets.read google-sheets.write');
    expect(statusFailures).toBe(failuresBeforeRecovery);
    expect(counts.retries).toBe(failuresBeforeRecovery);
    // Three 503s, the INACTIVE that prompted the approval, then ACTIVE.
    expect(handle.requestCount(STATUS_PATH)).toBe(failuresBeforeRecovery + 2);
    expect(rejections.reasons).toEqual([]);
  });
});
