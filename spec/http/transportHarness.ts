import type { Observable } from 'rxjs';
import { createAxiosTransport, type AxiosTransportOptions } from '../../lib/http/axiosTransport';
import type { HttpRequest, Transport } from '../../lib/http/Transport';
import { startLoopbackServer, type LoopbackServer } from '../support/loopbackServer';

/** The secrets every request carries; no error, log line or rendering may show them. */
export const API_KEY = 'sk_test_9f8e7d6c5b4a3210';
export const BEARER_TOKEN = 'tok_bearer_1a2b3c4d5e6f';

/** Node's own client, and the fetch client browsers use. */
export const ADAPTERS = ['http', 'fetch'] as const;

const HEADERS = {
  'Content-Type': 'application/json',
  Accept: 'application/json',
  'x-fastn-space-id': 'space-1',
  'x-fastn-api-key': API_KEY,
  Authorization: `Bearer ${BEARER_TOKEN}`,
  stage: 'LIVE',
};

/** A request carrying both secrets. */
export function post(path: string, body: unknown = { input: { sessionId: 's1' } }): HttpRequest {
  return { path, headers: HEADERS, body };
}

/** Everything one subscription delivered. */
export interface Outcome {
  values: unknown[];
  error?: unknown;
  completed: boolean;
}

/** Subscribes and resolves when the stream ends, with everything it delivered. */
export function run(source: Observable<unknown>): Promise<Outcome> {
  return new Promise((resolve) => {
    const outcome: Outcome = { values: [], completed: false };
    source.subscribe({
      next: (value) => outcome.values.push(value),
      error: (error: unknown) => resolve({ ...outcome, error }),
      complete: () => resolve({ ...outcome, completed: true }),
    });
  });
}

/** Subscribes, checks that nothing was emitted, and resolves with the error delivered. */
export async function failureOf(source: Observable<unknown>): Promise<unknown> {
  const outcome = await run(source);
  expect(outcome.values).toEqual([]);
  expect(outcome.completed).toBe(false);
  return outcome.error;
}

/** Two loopback servers, a refused port, a recording logger and a transport factory. */
export interface TransportHarness {
  /** Where the transport's base URL points (`${server.url}/api`). */
  readonly server: LoopbackServer;
  /** A second host, for redirects that must never reach it. */
  readonly otherServer: LoopbackServer;
  /** A base URL whose port refuses connections. */
  readonly refusedUrl: string;
  /** The debug lines logged since the current test began. */
  readonly lines: string[];
  /** A transport on `server` with the given adapter, a 5 s timeout and a 4 KiB limit. */
  transport(overrides?: Partial<AxiosTransportOptions>): Transport;
}

/**
 * Starts the servers before the suite, closes them after it, and clears the log before each test.
 *
 * @param adapter - The axios adapter every transport of the suite uses.
 * @returns The harness; its servers exist once `beforeAll` has run.
 */
export function useTransportHarness(adapter: AxiosTransportOptions['adapter']): TransportHarness {
  let server: LoopbackServer | undefined;
  let otherServer: LoopbackServer | undefined;
  let refusedUrl = '';
  const lines: string[] = [];

  beforeAll(async () => {
    server = await startLoopbackServer();
    otherServer = await startLoopbackServer();

    // A port that was just listening and no longer is: connecting to it is refused.
    const closed = await startLoopbackServer();
    refusedUrl = closed.url;
    await closed.close();
  });

  afterAll(async () => {
    await server?.close();
    await otherServer?.close();
  });

  beforeEach(() => {
    lines.length = 0;
  });

  const started = (value: LoopbackServer | undefined): LoopbackServer => {
    if (value === undefined) throw new Error('the servers start in beforeAll');
    return value;
  };

  return {
    get server() {
      return started(server);
    },
    get otherServer() {
      return started(otherServer);
    },
    get refusedUrl() {
      return refusedUrl;
    },
    lines,
    transport: (overrides = {}) =>
      createAxiosTransport({
        baseUrl: `${started(server).url}/api`,
        requestTimeoutMs: 5_000,
        maxResponseBytes: 4_096,
        logger: { debug: (line) => lines.push(line) },
        adapter,
        ...overrides,
      }),
  };
}
