import { getEventListeners } from 'node:events';

import { FastnAuth as RxFastnAuth, type FastnAuthOptions } from '../../lib';
import { FastnAuth } from '../../lib/promise';
import {
  json,
  startLoopbackServer,
  type LoopbackServer,
  type RecordedRequest,
} from '../support/loopbackServer';

/**
 * A thousand cancelled streams and calls must leave nothing behind: no socket, no timer, no
 * abort listener. Each test takes its baseline before it starts its own loopback server and
 * compares after closing it, because the client's keep-alive sockets to that server are
 * legitimate handles while it runs; closing the server ends them, and whatever is still open
 * after that was leaked by the SDK.
 */
const CYCLES = 1000;

/**
 * Cycles that wait for a real request to arrive cost about 20 ms of CPU each (axios, the
 * loopback server, the aborts), so those run a hundred times; cycles that need no answer run a
 * thousand times.
 */
const CYCLES_WITH_REQUEST = 100;

/** Cycles run this many at a time. */
const BATCH = 50;

/** Runs `cycle` `total` times, BATCH of them side by side. */
async function inBatches(
  cycle: (index: number) => Promise<void>,
  total = CYCLES_WITH_REQUEST,
): Promise<void> {
  for (let start = 0; start < total; start += BATCH) {
    await Promise.all(Array.from({ length: BATCH }, (_, offset) => cycle(start + offset)));
  }
}

const STATE = {
  version: 1,
  id: 's1',
  stateKey: 'k1',
  redirectUrl: 'https://consent.example/s1',
  connectorId: 'google-sheets',
  orgId: 'community',
} as const;

interface Resources {
  readonly handles: number;
  readonly timers: number;
}

/** Fewer is fine (a handle of the runner's may have closed meanwhile); more is a leak. */
function expectNoMoreThan(now: Resources, baseline: Resources): void {
  expect(now.handles).toBeLessThanOrEqual(baseline.handles);
  expect(now.timers).toBeLessThanOrEqual(baseline.timers);
}

function activeResources(): Resources {
  const info = process.getActiveResourcesInfo();
  return { handles: info.length, timers: info.filter((kind) => kind === 'Timeout').length };
}

/**
 * Closes the server and lets the event loop run until the resources are back to the baseline,
 * or a bounded number of turns has passed; a socket needs a few turns to report its close.
 */
async function closeAndSettle(server: LoopbackServer, baseline: Resources): Promise<Resources> {
  await server.close();
  for (let turn = 0; turn < 200; turn += 1) {
    const now = activeResources();
    if (now.handles <= baseline.handles && now.timers <= baseline.timers) return now;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return activeResources();
}

/** The request that names this session or connector, once it has arrived. */
async function waitForSession(server: LoopbackServer, id: string): Promise<RecordedRequest> {
  for (;;) {
    // Checked before waiting, with no await between: a request arriving meanwhile is not missed.
    const found = server.requests.find((request) => request.body.includes(`"${id}"`));
    if (found !== undefined) return found;
    await server.nextRequest();
  }
}

function options(server: LoopbackServer, intervalMs = 60_000): FastnAuthOptions {
  return {
    spaceId: 'space-1',
    apiKey: 'key-1',
    baseUrl: server.url,
    polling: { intervalMs, timeoutMs: 600_000 },
  };
}

describe('after many cancellations nothing is left behind', () => {
  it('status$ unsubscribed while its request is in flight: every request aborted', async () => {
    const baseline = activeResources();
    const server = await startLoopbackServer();
    server.route('/ucl/connectorAuth/status', () => undefined);
    const client = new RxFastnAuth(options(server));

    await inBatches(async (index) => {
      const state = { ...STATE, id: `s${index}` };
      const arrived = waitForSession(server, state.id);
      const subscription = client.resume(state).status$.subscribe();
      const request = await arrived;
      subscription.unsubscribe();
      // The server sees the connection close: the SDK's own abort reached the socket.
      await request.clientClosed;
    });

    expect(server.requests).toHaveLength(CYCLES_WITH_REQUEST);
    expectNoMoreThan(await closeAndSettle(server, baseline), baseline);
  });

  it('status$ unsubscribed between two polls: the interval timer is cleared', async () => {
    const baseline = activeResources();
    const server = await startLoopbackServer();
    server.route('/ucl/connectorAuth/status', json(200, { status: 'INACTIVE' }));
    const client = new RxFastnAuth(options(server));

    await inBatches(async (index) => {
      // One session per cycle: subscribers of one session would share a single poll loop.
      const session = client.resume({ ...STATE, id: `s${index}` });
      await new Promise<void>((resolve) => {
        const subscription = session.status$.subscribe(() => {
          // The first answer is in; the loop now waits a minute for the next poll.
          queueMicrotask(() => {
            subscription.unsubscribe();
            resolve();
          });
        });
      });
    });

    expect(server.requests).toHaveLength(CYCLES_WITH_REQUEST);
    expectNoMoreThan(await closeAndSettle(server, baseline), baseline);
  });

  it('promise calls aborted mid-flight (100) or before (1,000): nothing remains', async () => {
    const baseline = activeResources();
    const server = await startLoopbackServer();
    server.route('/ucl/connectorAuth/status', () => undefined);
    server.route('/ucl/connectorAuth/initialize', () => undefined);
    const client = new FastnAuth(options(server, 5));
    const session = client.resume(STATE);
    const alreadyAborted = AbortSignal.abort();
    let listenersLeft = 0;

    await inBatches(async (index) => {
      const controller = new AbortController();
      const state = { ...STATE, id: `s${index}` };
      const arrived = waitForSession(server, state.id);
      const call =
        index % 2 === 0
          ? client.resume(state).waitForCompletion({ signal: controller.signal })
          : client.initialize({ connectorId: state.id }, { signal: controller.signal });
      const settled = call.catch((error: unknown) => error);
      const request = await arrived;
      controller.abort();

      expect(await settled).toMatchObject({ code: 'ABORTED' });
      await request.clientClosed;
      listenersLeft += getEventListeners(controller.signal, 'abort').length;
    });
    const requestsMidFlight = server.requests.length;

    await inBatches(async () => {
      const error = await session
        .waitForCompletion({ signal: alreadyAborted })
        .catch((failure: unknown) => failure);
      expect(error).toMatchObject({ code: 'ABORTED' });
    }, CYCLES);

    expect(listenersLeft).toBe(0);
    expect(getEventListeners(alreadyAborted, 'abort')).toHaveLength(0);
    // An already-aborted signal sends nothing at all.
    expect(server.requests).toHaveLength(requestsMidFlight);
    expectNoMoreThan(await closeAndSettle(server, baseline), baseline);
  });

  it('a long-lived signal shared by a hundred completed calls collects no listener', async () => {
    const baseline = activeResources();
    const server = await startLoopbackServer();
    server.route('/ucl/connectorAuth/status', json(200, { status: 'INACTIVE' }));
    const session = new FastnAuth(options(server)).resume(STATE);
    const shared = new AbortController().signal;

    await inBatches(async () => {
      await session.getStatus({ signal: shared });
    });

    expect(getEventListeners(shared, 'abort')).toHaveLength(0);
    expectNoMoreThan(await closeAndSettle(server, baseline), baseline);
  });
});
