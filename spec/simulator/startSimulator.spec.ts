import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';

import { startSimulator } from '../../lib/simulator';
import type { SimulatorHandle } from '../../lib/simulator';
import { ManualTimers, initialize, post, until } from './simulatorClient';

const INITIALIZE = '/ucl/connectorAuth/initialize';
const STATUS = '/ucl/connectorAuth/status';
const CREDENTIALS = '/ucl/connectorAuth';

describe('startSimulator', () => {
  const open: SimulatorHandle[] = [];

  async function start(...args: Parameters<typeof startSimulator>): Promise<SimulatorHandle> {
    const sim = await startSimulator(...args);
    open.push(sim);
    return sim;
  }

  afterEach(async () => {
    await Promise.all(open.splice(0).map((sim) => sim.close()));
  });

  describe('listening', () => {
    it('listens on a free port of 127.0.0.1 with the API under /api', async () => {
      const sim = await start();

      expect(sim.port).toBeGreaterThan(0);
      expect(sim.url).toBe(`http://127.0.0.1:${sim.port}/api`);
      expect((await post(sim, INITIALIZE, { connectorId: 'slack' })).status).toBe(200);
    });

    it('serves the API under the base path it is given, including none', async () => {
      const nested = await start({ basePath: '/v2/fastn' });
      const root = await start({ basePath: '' });

      expect(nested.url).toBe(`http://127.0.0.1:${nested.port}/v2/fastn`);
      expect(root.url).toBe(`http://127.0.0.1:${root.port}`);
      expect((await post(nested, INITIALIZE, { connectorId: 'slack' })).status).toBe(200);
      expect((await post(root, INITIALIZE, { connectorId: 'slack' })).status).toBe(200);
    });

    it('listens on the port it is asked for', async () => {
      const port = await freePort();

      const sim = await start({ port });

      expect(sim.port).toBe(port);
    });

    it('rejects with the listen error when the port is taken, leaving nothing open', async () => {
      const sim = await start();

      await expect(startSimulator({ port: sim.port })).rejects.toThrow(/EADDRINUSE/);
    });

    it('rejects a bad option by name before listening', async () => {
      await expect(startSimulator({ sessionTtlMs: -5 })).rejects.toThrow(
        'Invalid simulator option sessionTtlMs: expected an integer from 1 to 2147483647, got -5',
      );
    });
  });

  describe('credentials', () => {
    it('offers its default space, API key and token', async () => {
      const sim = await start();

      expect([sim.spaceId, sim.apiKey, sim.authToken]).toEqual([
        'sim-space',
        'sim-api-key',
        'sim-auth-token',
      ]);
    });

    it('accepts only the space and credentials it was given', async () => {
      const sim = await start({ spaceId: 'space-1', apiKey: 'key-1', authToken: 'token-1' });

      const withKey = await post(sim, INITIALIZE, { connectorId: 'slack' });
      const withToken = await post(
        sim,
        INITIALIZE,
        { connectorId: 'slack' },
        { 'x-fastn-api-key': undefined, authorization: 'Bearer token-1' },
      );
      const withDefault = await post(
        sim,
        INITIALIZE,
        { connectorId: 'slack' },
        { 'x-fastn-api-key': 'sim-api-key' },
      );

      expect([withKey.status, withToken.status, withDefault.status]).toEqual([200, 200, 401]);
    });

    it('keeps its API key and token out of util.inspect and JSON', async () => {
      const sim = await start({ apiKey: 'key-secret-1', authToken: 'token-secret-2' });

      const shown = `${inspect(sim, { depth: 5, showHidden: true })} ${JSON.stringify(sim)}`;

      expect(shown).not.toMatch(/secret/);
      expect(JSON.parse(JSON.stringify(sim))).toEqual({
        url: sim.url,
        port: sim.port,
        spaceId: 'sim-space',
      });
    });
  });

  describe('the handle', () => {
    it('approves a session and issues credentials for its connector', async () => {
      const sim = await start();
      const { sessionId } = await initialize(sim, { connectorId: 'slack', tenantId: 't' });

      sim.approve(sessionId);
      const credentials = await post(sim, CREDENTIALS, { connectorId: 'slack', tenantId: 't' });

      expect(sim.session(sessionId)?.status).toBe('ACTIVE');
      expect(credentials.status).toBe(200);
    });

    it('denies a session with the default message or the one given', async () => {
      const sim = await start();
      const first = await initialize(sim);
      const second = await initialize(sim);

      sim.deny(first.sessionId);
      sim.deny(second.sessionId, 'Blocked by policy');

      expect(sim.session(first.sessionId)?.errorMessage).toBe('The user denied access');
      expect(sim.session(second.sessionId)?.errorMessage).toBe('Blocked by policy');
      expect(sim.session(first.sessionId)?.status).toBe('FAILED');
    });

    it('throws when the session is unknown or already answered', async () => {
      const sim = await start();
      const { sessionId } = await initialize(sim);
      sim.approve(sessionId);

      expect(() => sim.approve('nope')).toThrow('No simulator session "nope"');
      expect(() => sim.deny(sessionId)).toThrow(`Simulator session ${sessionId} is ACTIVE`);
    });

    it('gives frozen snapshots of one session or all of them', async () => {
      const sim = await start({ now: () => Date.parse('2030-05-01T00:00:00Z') });
      const { sessionId } = await initialize(sim, { connectorId: 'slack', connectionId: 'c' });

      const snapshot = sim.session(sessionId);

      expect(snapshot).toEqual({
        sessionId,
        status: 'INACTIVE',
        connectorId: 'slack',
        orgId: 'community',
        connectionId: 'c',
        expiresAt: '2030-05-01T00:10:00.000Z',
      });
      expect(Object.isFrozen(snapshot)).toBe(true);
      expect(sim.sessions()).toEqual([snapshot]);
      expect(sim.session('nope')).toBeUndefined();
    });

    it('counts requests per endpoint and in total, rejected ones included', async () => {
      const sim = await start();
      const { sessionId, stateKey } = await initialize(sim);

      await post(sim, STATUS, { sessionId, stateKey });
      await post(sim, STATUS, { sessionId, stateKey }, { 'x-fastn-api-key': 'wrong' });
      await post(sim, CREDENTIALS, { connectorId: 'slack' });

      expect(sim.requestCount(INITIALIZE)).toBe(1);
      expect(sim.requestCount(STATUS)).toBe(2);
      expect(sim.requestCount(CREDENTIALS)).toBe(1);
      expect(sim.requestCount()).toBe(4);
    });

    it('throws when asked to count a path it does not serve', async () => {
      const sim = await start();

      expect(() => sim.requestCount('/api/ucl/connectorAuth/status')).toThrow(
        /unknown path "\/api\/ucl\/connectorAuth\/status"; use one of/,
      );
    });
  });

  describe('automatic approval', () => {
    it('approves each new session after approveAfterMs', async () => {
      const timers = new ManualTimers();
      const sim = await start({ approveAfterMs: 1_500, timers });
      const { sessionId, stateKey } = await initialize(sim);

      const before = await post(sim, STATUS, { sessionId, stateKey });
      timers.fireAll();
      const after = await post(sim, STATUS, { sessionId, stateKey });

      expect(timers.all.map((timer) => timer.delayMs)).toEqual([1_500]);
      expect(before.body).toEqual({ status: 'INACTIVE', errorMessage: null });
      expect(after.body).toEqual({ status: 'ACTIVE', errorMessage: null });
      expect((await post(sim, CREDENTIALS, { connectorId: 'google-sheets' })).status).toBe(200);
    });

    it('leaves alone a session that was answered or expired before the timer fired', async () => {
      let nowMs = 0;
      const timers = new ManualTimers();
      const sim = await start({ approveAfterMs: 100, sessionTtlMs: 50, timers, now: () => nowMs });
      const denied = await initialize(sim);
      const expired = await initialize(sim);

      sim.deny(denied.sessionId);
      nowMs = 100;
      timers.fireAll();

      expect(sim.session(denied.sessionId)?.status).toBe('FAILED');
      expect(sim.session(expired.sessionId)?.status).toBe('EXPIRED');
    });
  });

  describe('close', () => {
    it('clears pending approval timers', async () => {
      const timers = new ManualTimers();
      const sim = await start({ approveAfterMs: 60_000, timers });
      await initialize(sim);

      await sim.close();

      expect(timers.all.map((timer) => timer.state)).toEqual(['cleared']);
    });

    it('clears a real approval timer through the global clearTimeout', async () => {
      const setSpy = jest.spyOn(global, 'setTimeout');
      const clearSpy = jest.spyOn(global, 'clearTimeout');
      let handle: unknown;
      let cleared: unknown[];
      try {
        const sim = await startSimulator({ approveAfterMs: 3_600_000 });
        await initialize(sim);
        const call = setSpy.mock.calls.findIndex((args) => args[1] === 3_600_000);
        handle = setSpy.mock.results[call]?.value;

        await sim.close();
        cleared = clearSpy.mock.calls.map((args) => args[0]);
      } finally {
        setSpy.mockRestore();
        clearSpy.mockRestore();
      }

      expect(handle).toBeDefined();
      expect(cleared).toContain(handle);
    });

    it('closes its server and destroys every open connection', async () => {
      await until(() => activeCount('TCPServerWrap') === 0 && activeCount('TCPSocketWrap') === 0);
      const sim = await startSimulator();
      await initialize(sim);
      expect(activeCount('TCPServerWrap')).toBe(1);
      expect(activeCount('TCPSocketWrap')).toBeGreaterThan(0);

      await sim.close();

      // libuv releases a closed handle one loop turn after the close callback.
      await until(() => activeCount('TCPServerWrap') === 0 && activeCount('TCPSocketWrap') === 0);
    });

    it('refuses connections afterwards, and a second call returns the same promise', async () => {
      const sim = await startSimulator();

      const first = sim.close();
      const second = sim.close();
      await first;

      expect(second).toBe(first);
      await expect(post(sim, INITIALIZE, { connectorId: 'slack' })).rejects.toThrow('fetch failed');
    });
  });

  describe('logging', () => {
    it('writes one line per request, without query strings or headers', async () => {
      const lines: string[] = [];
      const sim = await start({ logger: (line) => lines.push(line) });
      const { redirectUrl } = await initialize(sim);

      await fetch(redirectUrl);

      expect(lines).toEqual([
        expect.stringMatching(/^POST \/api\/ucl\/connectorAuth\/initialize 200 \d+ms$/),
        expect.stringMatching(/^GET \/consent\/[0-9a-f-]+ 200 \d+ms$/),
      ]);
      expect(lines.join('\n')).not.toContain(sim.apiKey);
    });
  });
});

/** How many of the process's active resources are of this kind. */
function activeCount(kind: string): number {
  return process.getActiveResourcesInfo().filter((active) => active === kind).length;
}

/** Finds a port that is free right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
