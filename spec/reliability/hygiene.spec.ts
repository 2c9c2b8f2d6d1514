import { getEventListeners } from 'node:events';

import type { Subscription } from 'rxjs';

import { FastnAuth as RxFastnAuth, NetworkError, type FastnAuthOptions } from '../../lib';
import { FastnAuth } from '../../lib/promise';
import {
  json,
  startLoopbackServer,
  type LoopbackServer,
  type RecordedRequest,
} from '../support/loopbackServer';
import {
  countingScheduler,
  probeTransport,
  type CountingScheduler,
  type ProbeTransport,
} from './support/probeTransport';

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
  /** The kind of each resource, sorted: shown when a count is over. */
  readonly kinds: readonly string[];
}

/**
 * No socket, server or other handle beyond the baseline. Timers are left to the counting
 * scheduler, which sees exactly the SDK's own.
 */
function expectNoHandlesLeft(now: Resources, baseline: Resources): void {
  expect(now.handles - now.timers).toBeLessThanOrEqual(baseline.handles - baseline.timers);
}

/** Fewer is fine (a handle of the runner's may have closed meanwhile); more is a leak. */
function expectNoMoreThan(now: Resources, baseline: Resources): void {
  if (now.handles > baseline.handles) expect(now.kinds).toEqual(baseline.kinds);
  expect(now.handles).toBeLessThanOrEqual(baseline.handles);
  expect(now.timers).toBeLessThanOrEqual(baseline.timers);
}

function activeResources(): Resources {
  const info = process.getActiveResourcesInfo();
  return {
    handles: info.length,
    timers: info.filter((kind) => kind === 'Timeout').length,
    kinds: [...info].sort(),
  };
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

/** One turn of the event loop: callbacks already queued (an abort's, a close's) run first. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Options for a client on an injected transport with the real `asyncScheduler`: every poll
 * interval, deadline and backoff is a real timer, and all of them are far away, so each one is
 * still pending when its cycle unsubscribes and only the unsubscription can clear it.
 */
function probeOptions(
  probe: ProbeTransport,
  scheduler: CountingScheduler,
  lines: string[] = [],
): FastnAuthOptions {
  return {
    spaceId: 'space-1',
    apiKey: 'key-1',
    transport: probe.transport,
    scheduler,
    polling: {
      intervalMs: 60_000,
      timeoutMs: 600_000,
      retryBaseDelayMs: 60_000,
      retryMaxDelayMs: 120_000,
    },
    logger: { debug: (line) => lines.push(line) },
  };
}

/**
 * The resources once they are back to the baseline, or after a bounded number of turns. With an
 * injected transport the SDK holds no socket, and its timers are cleared synchronously on
 * unsubscribe; the turns are for the runner's own handles (a reporter's write in progress).
 */
async function settle(baseline: Resources): Promise<Resources> {
  for (let turn = 0; turn < 200; turn += 1) {
    const now = activeResources();
    if (now.handles <= baseline.handles && now.timers <= baseline.timers) return now;
    await nextTurn();
  }
  return activeResources();
}

/** Every request was torn down and no signal of the transport kept its listener. */
function expectAllTornDown(probe: ProbeTransport, requests: number): void {
  expect(probe.subscribed()).toBe(requests);
  expect(probe.tornDown()).toBe(requests);
  expect(probe.signals).toHaveLength(requests);
  expect(probe.signals.filter((signal) => getEventListeners(signal, 'abort').length > 0)).toEqual(
    [],
  );
}

/**
 * The batch's timers are armed: exactly `expected` more than before it.
 */
function expectPending(addedTimers: number, expected: number): void {
  expect(addedTimers).toBe(expected);
}

/**
 * Runs CYCLES cycles in BATCH-sized groups: `start` begins one cycle and returns its
 * subscription; after a turn of the event loop (so the cycles are truly pending, not merely
 * built) `check` sees the batch in that state, then every subscription is cancelled.
 */
async function cyclesAcrossTurns(
  scheduler: CountingScheduler,
  start: (index: number) => Subscription,
  check: (batch: number, addedTimers: number) => void,
): Promise<void> {
  for (let first = 0; first < CYCLES; first += BATCH) {
    const before = scheduler.armed();
    const subscriptions = Array.from({ length: BATCH }, (_, offset) => start(first + offset));
    await nextTurn();
    check(first / BATCH + 1, scheduler.armed() - before);
    for (const subscription of subscriptions) subscription.unsubscribe();
  }
}

describe('after a thousand cancellations on an injected transport nothing is left behind', () => {
  it('status$ unsubscribed in the turn it was subscribed, its request in flight', async () => {
    const baseline = activeResources();
    const scheduler = countingScheduler();
    const probe = probeTransport();
    const client = new RxFastnAuth(probeOptions(probe, scheduler));
    let inFlight = 0;

    for (let index = 0; index < CYCLES; index += 1) {
      const subscription = client.resume({ ...STATE, id: `s${index}` }).status$.subscribe();
      inFlight += probe.subscribed() - probe.tornDown();
      subscription.unsubscribe();
    }

    expect(inFlight).toBe(CYCLES);
    expectAllTornDown(probe, CYCLES);
    // Clearing a timer is synchronous: none waits for a later turn to go.
    expect(scheduler.armed()).toBe(0);
    expectNoHandlesLeft(await settle(baseline), baseline);
  });

  it('status$ unsubscribed after its first answer, the next poll pending', async () => {
    const baseline = activeResources();
    const scheduler = countingScheduler();
    const probe = probeTransport((subscriber) => {
      subscriber.next({ status: 'INACTIVE' });
      subscriber.complete();
    });
    const client = new RxFastnAuth(probeOptions(probe, scheduler));
    const heard: string[] = [];

    await cyclesAcrossTurns(
      scheduler,
      (index) =>
        client
          .resume({ ...STATE, id: `s${index}` })
          .status$.subscribe(({ status }) => heard.push(status)),
      (_batch, addedTimers) => {
        // Answered: no request in flight, only the interval and the deadline are pending.
        expect(probe.subscribed()).toBe(probe.tornDown());
        expectPending(addedTimers, 2 * BATCH);
      },
    );

    expect(heard).toEqual(Array.from({ length: CYCLES }, () => 'INACTIVE'));
    expectAllTornDown(probe, CYCLES);
    expect(scheduler.armed()).toBe(0);
    expectNoHandlesLeft(await settle(baseline), baseline);
  });

  it('waitForCompletion unsubscribed while it backs off after a transient failure', async () => {
    const baseline = activeResources();
    // One error for every attempt: the retries see the same transient failure each time.
    const reset = new NetworkError('connection reset', { transient: true });
    const scheduler = countingScheduler();
    const probe = probeTransport((subscriber) => subscriber.error(reset));
    const lines: string[] = [];
    const client = new RxFastnAuth(probeOptions(probe, scheduler, lines));
    const errors: unknown[] = [];
    const backingOff = () => lines.filter((line) => line.includes('; retry 1 in ')).length;

    await cyclesAcrossTurns(
      scheduler,
      (index) =>
        client
          .resume({ ...STATE, id: `s${index}` })
          .waitForCompletion()
          .subscribe({ error: (error: unknown) => errors.push(error) }),
      (batch, addedTimers) => {
        // One failed attempt each, and each one waiting out its backoff beside its deadline.
        expect(probe.subscribed()).toBe(batch * BATCH);
        expect(backingOff()).toBe(batch * BATCH);
        expectPending(addedTimers, 2 * BATCH);
      },
    );

    expect(errors).toEqual([]);
    expectAllTornDown(probe, CYCLES);
    expect(scheduler.armed()).toBe(0);
    expectNoHandlesLeft(await settle(baseline), baseline);
  });

  it('promise waitForCompletion aborted mid-flight: no listener on any signal', async () => {
    const baseline = activeResources();
    const scheduler = countingScheduler();
    const probe = probeTransport();
    const client = new FastnAuth(probeOptions(probe, scheduler));
    const signals: AbortSignal[] = [];

    for (let first = 0; first < CYCLES; first += BATCH) {
      const controllers = Array.from({ length: BATCH }, () => new AbortController());
      const calls = controllers.map((controller, offset) =>
        client
          .resume({ ...STATE, id: `s${first + offset}` })
          .waitForCompletion({ signal: controller.signal })
          .catch((error: unknown) => error),
      );
      await nextTurn();
      expect(probe.subscribed() - probe.tornDown()).toBe(BATCH);

      for (const controller of controllers) controller.abort();

      for (const error of await Promise.all(calls))
        expect(error).toMatchObject({ code: 'ABORTED' });
      signals.push(...controllers.map((controller) => controller.signal));
    }

    expect(signals.filter((signal) => getEventListeners(signal, 'abort').length > 0)).toEqual([]);
    expectAllTornDown(probe, CYCLES);
    expect(scheduler.armed()).toBe(0);
    expectNoHandlesLeft(await settle(baseline), baseline);
  });
});
