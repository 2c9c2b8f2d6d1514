import type { SimulatorHandle, SimulatorTimers } from '../../lib/simulator';

/** One answer of the simulator, read in full. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  readonly body: unknown;
}

/** The headers the contract sends on every call, for the simulator's own space and key. */
export function contractHeaders(sim: SimulatorHandle): Record<string, string> {
  return {
    'content-type': 'application/json',
    accept: 'application/json',
    'x-fastn-space-id': sim.spaceId,
    'x-fastn-api-key': sim.apiKey,
    stage: 'LIVE',
  };
}

/**
 * Posts `{"input": input}` to an API path with the contract's headers; `headers` entries replace
 * them, and an entry set to `undefined` removes one.
 */
export async function post(
  sim: SimulatorHandle,
  path: string,
  input: unknown,
  headers: Record<string, string | undefined> = {},
  body: string = JSON.stringify({ input }),
): Promise<Answer> {
  const merged = { ...contractHeaders(sim), ...headers };
  const sent = Object.fromEntries(
    Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return read(await fetch(`${sim.url}${path}`, { method: 'POST', headers: sent, body }));
}

/** Starts a session and returns what initialize answered (canonical style). */
export async function initialize(
  sim: SimulatorHandle,
  input: Record<string, unknown> = { connectorId: 'google-sheets' },
  headers: Record<string, string | undefined> = {},
): Promise<{ sessionId: string; stateKey: string; redirectUrl: string }> {
  const answer = await post(sim, '/ucl/connectorAuth/initialize', input, headers);
  if (answer.status !== 200) throw new Error(`initialize answered ${answer.status}`);
  return answer.body as { sessionId: string; stateKey: string; redirectUrl: string };
}

/** Reads a fetch response in full. */
export async function read(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** A clock a test moves by hand. */
export class ManualClock {
  constructor(public nowMs = Date.parse('2030-01-01T00:00:00.000Z')) {}

  readonly now = (): number => this.nowMs;

  advance(ms: number): void {
    this.nowMs += ms;
  }
}

interface ManualTimer {
  readonly callback: () => void;
  readonly delayMs: number;
  state: 'pending' | 'fired' | 'cleared';
}

/** Timers that fire only when the test says so. */
export class ManualTimers implements SimulatorTimers {
  readonly all: ManualTimer[] = [];

  readonly setTimeout = (callback: () => void, delayMs: number): unknown => {
    const timer: ManualTimer = { callback, delayMs, state: 'pending' };
    this.all.push(timer);
    return timer;
  };

  readonly clearTimeout = (handle: unknown): void => {
    const timer = handle as ManualTimer;
    if (timer.state === 'pending') timer.state = 'cleared';
  };

  get pending(): ManualTimer[] {
    return this.all.filter((timer) => timer.state === 'pending');
  }

  /** Fires every pending timer, in the order they were set. */
  fireAll(): void {
    for (const timer of this.pending) {
      timer.state = 'fired';
      timer.callback();
    }
  }
}

/**
 * Lets the event loop turn until `condition` holds: for waiting on a request to reach the server,
 * with no timer involved.
 */
export async function until(condition: () => boolean, turns = 5_000): Promise<void> {
  for (let turn = 0; turn < turns; turn += 1) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('The condition never held');
}
