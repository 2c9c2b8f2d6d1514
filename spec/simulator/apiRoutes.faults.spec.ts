import { startSimulator } from '../../lib/simulator';
import type { FaultOptions, SimulatorHandle } from '../../lib/simulator';
import { ManualTimers, initialize, post, until } from './simulatorClient';

const INITIALIZE = '/ucl/connectorAuth/initialize';
const STATUS = '/ucl/connectorAuth/status';

describe('fault injection on the API', () => {
  let sim: SimulatorHandle | undefined;
  let draws: number[];
  let timers: ManualTimers;

  /** Starts a simulator whose random source answers `values` in turn, then 0.99. */
  async function start(faults: FaultOptions, values: number[] = []): Promise<SimulatorHandle> {
    draws = values;
    timers = new ManualTimers();
    sim = await startSimulator({ faults, timers, random: () => draws.shift() ?? 0.99 });
    return sim;
  }

  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('holds each request for the latency before handling it', async () => {
    const sim = await start({ latencyMs: [100, 300] }, [0.5]);
    let answered = false;

    const answer = post(sim, INITIALIZE, { connectorId: 'slack' }).then((result) => {
      answered = true;
      return result;
    });
    await until(() => timers.pending.length === 1);

    expect(timers.pending[0]?.delayMs).toBe(200);
    expect(answered).toBe(false);
    timers.fireAll();
    expect((await answer).status).toBe(200);
  });

  it('uses a fixed latency as is, without drawing', async () => {
    const sim = await start({ latencyMs: 40 }, [0.01]);

    const answer = post(sim, INITIALIZE, { connectorId: 'slack' });
    await until(() => timers.pending.length === 1);
    timers.fireAll();

    expect((await answer).status).toBe(200);
    expect(timers.all.map((timer) => timer.delayMs)).toEqual([40]);
    expect(draws).toEqual([0.01]);
  });

  it.each([
    [0, 500, 'INTERNAL_ERROR'],
    [0.25, 502, 'BAD_GATEWAY'],
    [0.5, 503, 'SERVICE_UNAVAILABLE'],
    [0.99, 504, 'GATEWAY_TIMEOUT'],
  ])(
    'answers a transient error picked by the second draw (%p gives %p)',
    async (pick, statusCode, code) => {
      const sim = await start({ transientErrorRate: 0.5 }, [0.49, pick]);

      const answer = await post(sim, INITIALIZE, { connectorId: 'slack' });

      expect(answer.status).toBe(statusCode);
      expect(answer.body).toEqual({ code, statusCode, error: 'Simulated transient failure' });
    },
  );

  it('lets the request through when the draw is not below the rate', async () => {
    const sim = await start({ transientErrorRate: 0.5 }, [0.5]);

    const answer = await post(sim, INITIALIZE, { connectorId: 'slack' });

    expect(answer.status).toBe(200);
  });

  it('answers 429 with Retry-After when rate limited', async () => {
    const sim = await start({ rateLimitRate: 1, retryAfterSeconds: 2 }, [0]);

    const answer = await post(sim, INITIALIZE, { connectorId: 'slack' });

    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('2');
    expect(answer.body).toEqual({
      code: 'RATE_LIMITED',
      statusCode: 429,
      error: 'Too many requests (simulated)',
    });
  });

  it('sends Retry-After: 1 by default', async () => {
    const sim = await start({ rateLimitRate: 1 }, [0]);

    const answer = await post(sim, INITIALIZE, { connectorId: 'slack' });

    expect(answer.headers.get('retry-after')).toBe('1');
  });

  it('destroys the connection with no response when the drop strikes', async () => {
    const sim = await start({ dropConnectionRate: 0.1 }, [0.05]);

    await expect(post(sim, INITIALIZE, { connectorId: 'slack' })).rejects.toThrow('fetch failed');
    expect(sim.sessions()).toEqual([]);
  });

  it('cuts a 200 body short so it is no longer JSON, after the work was done', async () => {
    const sim = await start({ malformedBodyRate: 1 }, [0]);

    const answer = await post(sim, INITIALIZE, { connectorId: 'slack' });

    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.body).toBeUndefined();
    expect(answer.text).toMatch(/^\{"sessionId":"/);
    expect(sim.sessions()).toHaveLength(1);
  });

  it('leaves error answers whole under the malformed-body fault', async () => {
    const sim = await start({ malformedBodyRate: 1 }, [0]);

    const answer = await post(sim, STATUS, { sessionId: 'nope', stateKey: 'nope' });

    expect(answer.body).toEqual({ code: 'NOT_FOUND', statusCode: 404, error: 'Session not found' });
    expect(draws).toEqual([0]);
  });

  it('draws drop, rate limit, then transient, stopping at the first that strikes', async () => {
    const sim = await start(
      { dropConnectionRate: 0.1, rateLimitRate: 0.1, transientErrorRate: 0.1 },
      [0.5, 0.05, 0.0],
    );

    const answer = await post(sim, INITIALIZE, { connectorId: 'slack' });

    expect(answer.status).toBe(429);
    expect(draws).toEqual([0.0]);
  });

  it('strikes before the credentials are checked, as a gateway would', async () => {
    const sim = await start({ transientErrorRate: 1 }, [0, 0.5]);

    const answer = await post(
      sim,
      INITIALIZE,
      { connectorId: 'slack' },
      { 'x-fastn-api-key': 'x' },
    );

    expect(answer.status).toBe(503);
  });

  it('touches only the endpoints listed in paths', async () => {
    const sim = await start({ transientErrorRate: 1, paths: [STATUS] }, []);
    draws = [];

    const started = await initialize(sim);
    draws = [0, 0.5];
    const status = await post(sim, STATUS, {
      sessionId: started.sessionId,
      stateKey: started.stateKey,
    });

    expect(status.status).toBe(503);
  });

  it('changes faults for the requests that follow through setFaults', async () => {
    const sim = await start({}, []);

    const before = await post(sim, INITIALIZE, { connectorId: 'slack' });
    sim.setFaults({ rateLimitRate: 1 });
    draws = [0];
    const during = await post(sim, INITIALIZE, { connectorId: 'slack' });
    sim.setFaults({ rateLimitRate: undefined });
    const after = await post(sim, INITIALIZE, { connectorId: 'slack' });

    expect([before.status, during.status, after.status]).toEqual([200, 429, 200]);
  });

  it('rejects a bad setFaults field by name and keeps the faults it had', async () => {
    const sim = await start({ rateLimitRate: 1 }, []);

    expect(() => sim.setFaults({ transientErrorRate: 2 })).toThrow(
      'Invalid simulator option setFaults.transientErrorRate: expected a number from 0 to 1, got 2',
    );
    draws = [0];
    expect((await post(sim, INITIALIZE, { connectorId: 'slack' })).status).toBe(429);
  });

  it('counts faulted requests like any other', async () => {
    const sim = await start({ transientErrorRate: 1 }, [0, 0]);

    await post(sim, INITIALIZE, { connectorId: 'slack' });

    expect(sim.requestCount(INITIALIZE)).toBe(1);
  });

  it('gives up a request held by latency when the simulator closes, leaving no timer', async () => {
    const sim = await start({ latencyMs: 60_000 }, []);

    const answer = post(sim, INITIALIZE, { connectorId: 'slack' });
    await until(() => timers.pending.length === 1);
    await sim.close();

    await expect(answer).rejects.toThrow('fetch failed');
    expect(timers.all.map((timer) => timer.state)).toEqual(['cleared']);
    expect(sim.sessions()).toEqual([]);
  });
});
