import { firstValueFrom } from 'rxjs';

import { FastnAuth } from '../../lib/client/FastnAuth';
import { AuthenticationError, NetworkError, TimeoutError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import { FastnAuth as PromiseFastnAuth } from '../../lib/promise';
import { startSimulator } from '../../lib/simulator';
import type { FaultOptions, SimulatorHandle, SimulatorOptions } from '../../lib/simulator';
import type { SessionState } from '../../lib/session/SessionState';
import { watchUnhandledRejections, type RejectionWatch } from './support/unhandledRejections';

const STATUS_PATH = '/ucl/connectorAuth/status';
const TIMEOUT_MS = 1_500;

/** Fast retries, so an outage shows many attempts within a short deadline. */
const POLLING = { intervalMs: 100, retryBaseDelayMs: 50, retryMaxDelayMs: 1_000 };

describe('deadlines of a wait, against the simulator over loopback HTTP', () => {
  let rejections: RejectionWatch;
  const running: SimulatorHandle[] = [];

  /** Starts a simulator that afterEach closes, even when the test fails. */
  async function simulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
    const sim = await startSimulator(options);
    running.push(sim);
    return sim;
  }

  function clientOf(sim: SimulatorHandle, logger?: Logger, baseUrl = sim.url): FastnAuth {
    return new FastnAuth({
      spaceId: sim.spaceId,
      apiKey: sim.apiKey,
      baseUrl,
      polling: POLLING,
      ...(logger && { logger }),
    });
  }

  /** A pending session on a healthy simulator, saved as `toJSON()` saves it. */
  async function pendingSession(sim: SimulatorHandle): Promise<SessionState> {
    const session = await firstValueFrom(clientOf(sim).initialize({ connectorId: 'slack' }));
    return session.toJSON();
  }

  beforeEach(() => {
    rejections = watchUnhandledRejections();
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((sim) => sim.close()));
    rejections.stop();
  });

  describe('a server that stays down past the deadline', () => {
    const faultCases: [string, FaultOptions, Record<string, unknown>][] = [
      ['drops every connection', { dropConnectionRate: 1 }, { statusCode: undefined }],
      [
        'answers 5xx to every request',
        { transientErrorRate: 1 },
        { statusCode: expect.any(Number) },
      ],
      [
        'answers 429 with Retry-After to every request',
        { rateLimitRate: 1, retryAfterSeconds: 1 },
        { statusCode: 429, retryAfterMs: 1_000 },
      ],
    ];

    it.each(faultCases)(
      'ends the wait at the deadline with TimeoutError caused by the last NetworkError when it %s',
      async (_, faults, lastFailure) => {
        const sim = await simulator();
        const session = clientOf(sim).resume(await pendingSession(sim));
        sim.setFaults({ ...faults, paths: [STATUS_PATH] });

        const error: unknown = await firstValueFrom(
          session.waitForCompletion({ timeoutMs: TIMEOUT_MS }),
        ).catch((caught: unknown) => caught);

        expect(error).toBeInstanceOf(TimeoutError);
        const timeout = error as TimeoutError;
        expect(timeout).toMatchObject({ code: 'TIMEOUT', timeoutMs: TIMEOUT_MS });
        expect(timeout.elapsedMs).toBeGreaterThanOrEqual(TIMEOUT_MS);
        expect(timeout.lastStatus).toBeUndefined();
        // Every status request the SDK counted reached the simulator, and each one failed.
        expect(timeout.attempts).toBe(sim.requestCount(STATUS_PATH));
        expect(timeout.attempts).toBeGreaterThan(1);
        expect(timeout.cause).toBeInstanceOf(NetworkError);
        expect(timeout.cause).toMatchObject({ transient: true, ...lastFailure });
        expect(rejections.reasons).toEqual([]);
      },
      TIMEOUT_MS + 4_000,
    );

    it(
      'ends the wait at the deadline with TimeoutError caused by a refused connection',
      async () => {
        const sim = await simulator();
        const state = await pendingSession(sim);
        const { url } = sim;
        await sim.close();

        // The same session, asked of a port where nothing listens any more.
        const session = clientOf(sim, undefined, url).resume(state);
        const error: unknown = await firstValueFrom(
          session.waitForCompletion({ timeoutMs: TIMEOUT_MS }),
        ).catch((caught: unknown) => caught);

        expect(error).toBeInstanceOf(TimeoutError);
        expect((error as TimeoutError).elapsedMs).toBeGreaterThanOrEqual(TIMEOUT_MS);
        expect((error as TimeoutError).attempts).toBeGreaterThan(1);
        const cause = (error as TimeoutError).cause;
        expect(cause).toBeInstanceOf(NetworkError);
        expect(cause).toMatchObject({ statusCode: undefined, transient: true });
        expect((cause as NetworkError).message).toMatch(/ECONNREFUSED/);
        expect(rejections.reasons).toEqual([]);
      },
      TIMEOUT_MS + 4_000,
    );

    it(
      'ends at the deadline with TimeoutError, no cause, when the server never answers',
      async () => {
        const sim = await simulator();
        const session = clientOf(sim).resume(await pendingSession(sim));
        // Far beyond the deadline and below the 30 s request timeout: only the deadline can end it.
        sim.setFaults({ latencyMs: 20_000, paths: [STATUS_PATH] });

        const error: unknown = await firstValueFrom(
          session.waitForCompletion({ timeoutMs: TIMEOUT_MS }),
        ).catch((caught: unknown) => caught);

        expect(error).toBeInstanceOf(TimeoutError);
        expect(error).toMatchObject({ attempts: 1, timeoutMs: TIMEOUT_MS });
        expect((error as TimeoutError).elapsedMs).toBeGreaterThanOrEqual(TIMEOUT_MS);
        expect((error as TimeoutError).cause).toBeUndefined();
        expect(rejections.reasons).toEqual([]);
      },
      TIMEOUT_MS + 4_000,
    );
  });

  describe('a user who never answers', () => {
    it('ends each of several waits at its own deadline, last status INACTIVE', async () => {
      const sim = await simulator();
      const client = new PromiseFastnAuth({
        spaceId: sim.spaceId,
        apiKey: sim.apiKey,
        baseUrl: sim.url,
        polling: POLLING,
      });
      const timeouts = [600, 800, 1_000, 1_200];

      const errors = await Promise.all(
        timeouts.map(async (timeoutMs, index) => {
          const session = await client.initialize({ connectorId: `connector-${index}` });
          return session.waitForCompletion({ timeoutMs }).catch((caught: unknown) => caught);
        }),
      );

      errors.forEach((error, index) => {
        expect(error).toBeInstanceOf(TimeoutError);
        expect(error).toMatchObject({
          code: 'TIMEOUT',
          timeoutMs: timeouts[index],
          lastStatus: { status: 'INACTIVE' },
        });
        expect((error as TimeoutError).elapsedMs).toBeGreaterThanOrEqual(timeouts[index] ?? 0);
        expect((error as TimeoutError).cause).toBeUndefined();
      });
      expect(rejections.reasons).toEqual([]);
    });

    it("ends at once with AuthenticationError and the server's message on expiry", async () => {
      // The simulator's clock moves only when the test moves it: expiry costs no waiting.
      let simNowMs = Date.now();
      const sessionTtlMs = 60_000;
      const sim = await simulator({ now: () => simNowMs, sessionTtlMs });

      // The clock jumps past the session's time to live once the SDK has heard it pending.
      const logger: Logger = {
        debug: (message) => {
          if (message.endsWith('status INACTIVE (attempt 1)')) simNowMs += sessionTtlMs + 1;
        },
      };
      const session = clientOf(sim, logger).resume(await pendingSession(sim));

      const startedAt = Date.now();
      const error: unknown = await firstValueFrom(
        session.waitForCompletion({ timeoutMs: 60_000 }),
      ).catch((caught: unknown) => caught);
      const elapsedMs = Date.now() - startedAt;

      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ code: 'AUTH_FAILED', serverMessage: 'Session expired' });
      expect(sim.session(session.id)?.status).toBe('EXPIRED');
      // One INACTIVE answer, then the EXPIRED one that ended the wait: no more polling.
      expect(sim.requestCount(STATUS_PATH)).toBe(2);
      expect(elapsedMs).toBeLessThan(60_000 / 10);
      expect(rejections.reasons).toEqual([]);
    }, 10_000);
  });
});
