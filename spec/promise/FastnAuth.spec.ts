import { getEventListeners } from 'node:events';
import { inspect } from 'node:util';

import { AuthSession as ObservableAuthSession } from '../../lib/session/AuthSession';
import { AbortedError, AuthenticationError, InvalidArgumentError } from '../../lib/errors';
import { AuthSession, FastnAuth } from '../../lib/promise';
import { startSimulator, type SimulatorHandle } from '../../lib/simulator';
import { STATE } from '../session/scriptedTransport';
import { startLoopbackServer, type LoopbackServer } from '../support/loopbackServer';

/** Lets every queued job and microtask run, so a pending rejection would be reported. */
function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function abortedSignal(): AbortSignal {
  const controller = new AbortController();
  controller.abort();
  return controller.signal;
}

describe('FastnAuth (promise)', () => {
  let sim: SimulatorHandle;
  let hanging: LoopbackServer;

  beforeAll(async () => {
    sim = await startSimulator();
    hanging = await startLoopbackServer();
    // Never answered: only the client can end these requests.
    for (const path of ['initialize', 'status', 'credentials']) {
      const suffix = path === 'credentials' ? '' : `/${path}`;
      hanging.route(`/api/ucl/connectorAuth${suffix}`, () => undefined);
    }
  });

  afterAll(async () => {
    await sim.close();
    await hanging.close();
  });

  function simClient(): FastnAuth {
    return new FastnAuth({
      spaceId: sim.spaceId,
      apiKey: sim.apiKey,
      baseUrl: sim.url,
      polling: { intervalMs: 10 },
    });
  }

  function hangingClient(): FastnAuth {
    return new FastnAuth({ spaceId: 'space-1', apiKey: 'sk-x', baseUrl: `${hanging.url}/api` });
  }

  it('throws an InvalidArgumentError at once for bad options', () => {
    expect(() => new FastnAuth({ spaceId: 'space-1' })).toThrow(InvalidArgumentError);
  });

  it('initialize resolves with a session wrapping the RxJS one', async () => {
    const session = await simClient().initialize({ connectorId: 'google-sheets' });

    expect(session).toBeInstanceOf(AuthSession);
    expect(session.observable).toBeInstanceOf(ObservableAuthSession);
    expect(session.id).toBe(session.observable.id);
    expect(session.stateKey).toEqual(expect.any(String));
    expect(session.redirectUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(session.toJSON()).toEqual(session.observable.toJSON());
  });

  it('waitForCompletion resolves with the credentials once the user approves', async () => {
    const session = await simClient().initialize({ connectorId: 'google-sheets', tenantId: 't1' });
    sim.approve(session.id);

    const result = await session.waitForCompletion({ timeoutMs: 10_000 });

    expect(result.status).toBe('ACTIVE');
    expect(result.credentials.accessToken).toEqual(expect.any(String));
  });

  it('waitForCompletion reports every status heard to onStatus, INACTIVE included', async () => {
    const session = await simClient().initialize({ connectorId: 'google-sheets' });
    const heard: string[] = [];

    const result = await session.waitForCompletion({
      timeoutMs: 10_000,
      onStatus: ({ status }) => {
        heard.push(status);
        // The user approves once the progress display has shown the pending state.
        if (status === 'INACTIVE') sim.approve(session.id);
      },
    });

    expect(result.status).toBe('ACTIVE');
    expect(heard[0]).toBe('INACTIVE');
    expect(heard[heard.length - 1]).toBe('ACTIVE');
  });

  it('waitForCompletion rejects with an AuthenticationError when the user denies', async () => {
    const session = await simClient().initialize({ connectorId: 'google-sheets' });
    sim.deny(session.id, 'Nope');

    await expect(session.waitForCompletion()).rejects.toEqual(expect.any(AuthenticationError));
    await expect(session.getStatus()).resolves.toEqual({ status: 'FAILED', errorMessage: 'Nope' });
  });

  it("getCredentials reads a connected connector's credentials, via a session or not", async () => {
    const client = simClient();
    const session = await client.initialize({ connectorId: 'slack', tenantId: 't2' });
    sim.approve(session.id);

    const direct = await client.getCredentials({ connectorId: 'slack', tenantId: 't2' });
    const viaSession = await session.getCredentials();

    expect(direct.accessToken).toEqual(expect.any(String));
    expect(viaSession.accessToken).toBe(direct.accessToken);
  });

  it('resume is synchronous: it returns a session, or throws for a bad state', () => {
    const client = simClient();

    expect(client.resume(STATE).toJSON()).toEqual(STATE);
    expect(() => client.resume({ ...STATE, id: '' })).toThrow(
      expect.objectContaining({ field: 'state.id' }),
    );
  });

  it('hides the API key from JSON and util.inspect', () => {
    const client = simClient();

    expect(JSON.stringify(client)).not.toContain(sim.apiKey);
    expect(inspect(client, { showHidden: true })).not.toContain(sim.apiKey);
  });

  describe('bad arguments', () => {
    it('reject rather than throw, and send no request', async () => {
      const client = simClient();
      const session = client.resume(STATE);
      const before = sim.requestCount();

      const calls = [
        () => client.initialize(null as never),
        () => client.getCredentials({ connectorId: 'x', extra: 1 } as never),
        () => client.initialize({ connectorId: 'x' }, { signal: 'stop' as never }),
        () => session.waitForCompletion({ timeoutMs: -5 }),
        () => session.waitForCompletion(null as never),
        () => session.getStatus({ signal: {} as never }),
      ];
      const outcomes = await Promise.allSettled(calls.map((call) => call()));

      expect(outcomes.map((outcome) => outcome.status)).toEqual(calls.map(() => 'rejected'));
      expect(outcomes.map((outcome) => (outcome as PromiseRejectedResult).reason.field)).toEqual([
        'params',
        'extra',
        'signal',
        'timeoutMs',
        'options',
        'signal',
      ]);
      expect(sim.requestCount()).toBe(before);
    });
  });

  describe('cancellation', () => {
    it('an already-aborted signal rejects with AbortedError and sends no request', async () => {
      const client = simClient();
      const session = client.resume(STATE);
      const before = sim.requestCount();
      const signal = abortedSignal();

      const outcomes = await Promise.allSettled([
        client.initialize({ connectorId: 'x' }, { signal }),
        client.getCredentials({ connectorId: 'x' }, { signal }),
        session.waitForCompletion({ signal }),
        session.getStatus({ signal }),
        session.getCredentials({ signal }),
      ]);

      for (const outcome of outcomes) {
        expect(outcome).toEqual({ status: 'rejected', reason: expect.any(AbortedError) });
      }
      expect(sim.requestCount()).toBe(before);
    });

    it.each([
      ['initialize', '/api/ucl/connectorAuth/initialize'],
      ['waitForCompletion', '/api/ucl/connectorAuth/status'],
      ['getCredentials', '/api/ucl/connectorAuth'],
    ] as const)(
      'aborting %s mid-flight rejects and closes the connection',
      async (method, path) => {
        const client = hangingClient();
        const controller = new AbortController();
        const { signal } = controller;
        const received = hanging.nextRequest(path);

        const call =
          method === 'initialize'
            ? client.initialize({ connectorId: 'x' }, { signal })
            : method === 'getCredentials'
              ? client.getCredentials({ connectorId: 'x' }, { signal })
              : client.resume(STATE).waitForCompletion({ signal });
        const request = await received;
        controller.abort();

        await expect(call).rejects.toMatchObject({ name: 'AbortedError', code: 'ABORTED' });
        await expect(request.clientClosed).resolves.toBeUndefined();
        expect(getEventListeners(signal, 'abort')).toHaveLength(0);
      },
    );

    it('leaves no abort listener behind on a signal shared by many calls', async () => {
      const client = simClient();
      const { signal } = new AbortController();
      const session = await client.initialize({ connectorId: 'google-sheets' }, { signal });
      sim.approve(session.id);

      await session.getStatus({ signal });
      await session.waitForCompletion({ signal });
      await session.getCredentials({ signal });
      await client.getCredentials({ connectorId: 'nothing-here' }, { signal }).catch(() => null);

      expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    });
  });

  it('a rejected promise nobody awaits raises no unhandledRejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);

    try {
      const client = simClient();
      void client.initialize({ connectorId: '' });
      void client.getCredentials({ connectorId: 'x' }, { signal: abortedSignal() });
      void client.resume(STATE).waitForCompletion({ intervalMs: 0 });
      // Awaited last, after the others were left to reject on their own.
      await expect(client.getCredentials({ connectorId: 'not-connected' })).rejects.toMatchObject({
        statusCode: 404,
      });
      await nextMacrotask();
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }

    expect(unhandled).toEqual([]);
  });
});
