import { firstValueFrom } from 'rxjs';

import {
  DEFAULT_ENDPOINTS,
  FastnAuth,
  InvalidResponseError,
  NetworkError,
  TimeoutError,
  type FastnAuthOptions,
} from '../../lib';
import { FastnAuth as PromiseFastnAuth } from '../../lib/promise';
import { json, startLoopbackServer, type LoopbackServer } from '../support/loopbackServer';
import {
  NOT_AN_OBJECT,
  OPTION_CASES,
  PARAM_CASES,
  POLL_OPTION_CASES,
  applyPatch,
} from './support/badInputCases';
import {
  expectArgumentError,
  promptRejection,
  synchronousError,
  thrown,
} from './support/badInputExpect';
import { RESPONSE_CASES, VALID_BODIES, type ResponseCase } from './support/badInputResponses';

const STATE = {
  version: 1,
  id: 's1',
  stateKey: 'k1',
  redirectUrl: 'https://consent.example/s1',
  connectorId: 'google-sheets',
  orgId: 'community',
};

/** Polling fast enough that a retried call ends within a test. */
const QUICK_POLLING = { intervalMs: 5, timeoutMs: 300, retryBaseDelayMs: 5, retryMaxDelayMs: 20 };

let server: LoopbackServer;

beforeAll(async () => {
  server = await startLoopbackServer();
});

afterAll(() => server.close());

function validOptions(): Record<string, unknown> {
  return { spaceId: 'space-1', apiKey: 'key-1', baseUrl: server.url };
}

/**
 * Proves that no request left: one real request goes out afterwards, and by the time its answer
 * is back it must be the only request the server received since `before`. Any request a failed
 * call had started would have been sent earlier on the same event loop.
 */
async function expectNoRequestSince(before: number): Promise<void> {
  server.route(DEFAULT_ENDPOINTS.credentials, json(200, VALID_BODIES.getCredentials));
  const client = new FastnAuth(validOptions() as unknown as FastnAuthOptions);
  await firstValueFrom(client.getCredentials({ connectorId: 'sentinel' }));

  const sinceBefore = server.requests.slice(before);
  expect(sinceBefore.map((request) => request.json())).toEqual([
    expect.objectContaining({ input: expect.objectContaining({ connectorId: 'sentinel' }) }),
  ]);
}

describe('bad options are refused by the constructor, naming the field', () => {
  // Both entry points, the RxJS one and fastn-auth/promise, build their client the same way.
  const constructors = [
    (options: unknown) => new FastnAuth(options as FastnAuthOptions),
    (options: unknown) => new PromiseFastnAuth(options as FastnAuthOptions),
  ];

  it.each(NOT_AN_OBJECT)('options %s → InvalidArgumentError on options', (_title, options) => {
    for (const construct of constructors) {
      expectArgumentError(
        thrown(() => construct(options)),
        'options',
      );
    }
  });

  it.each(OPTION_CASES)('$title → InvalidArgumentError on $field', ({ patch, field }) => {
    for (const construct of constructors) {
      expectArgumentError(
        thrown(() => construct(applyPatch(validOptions(), patch))),
        field,
      );
    }
  });

  it('accepts the valid base the cases are made from', () => {
    for (const construct of constructors) {
      expect(construct(validOptions()).toJSON()).toEqual({
        spaceId: 'space-1',
        baseUrl: server.url,
        stage: 'LIVE',
      });
    }
  });

  it('opened no connection while refusing them', () => {
    expect(server.connectionCount).toBe(0);
  });
});

describe('bad call arguments are refused before any request', () => {
  const rx = () => new FastnAuth(validOptions() as unknown as FastnAuthOptions);
  const promised = () => new PromiseFastnAuth(validOptions() as unknown as FastnAuthOptions);
  const connector = { connectorId: 'google-sheets' };

  it.each([...NOT_AN_OBJECT.map(([title, value]) => ({ title, value }))])(
    'initialize / getCredentials with params $title → InvalidArgumentError on params',
    async ({ value }) => {
      const before = server.requests.length;
      const params = value as typeof connector;

      expectArgumentError(synchronousError(rx().initialize(params)), 'params');
      expectArgumentError(synchronousError(rx().getCredentials(params)), 'params');
      expectArgumentError(await promptRejection(promised().initialize(params)), 'params');
      expectArgumentError(await promptRejection(promised().getCredentials(params)), 'params');
      await expectNoRequestSince(before);
    },
  );

  it.each(PARAM_CASES)(
    'initialize / getCredentials with $title → InvalidArgumentError on $field',
    async ({ patch, field }) => {
      const before = server.requests.length;
      const params = applyPatch(connector, patch) as typeof connector;

      expectArgumentError(synchronousError(rx().initialize(params)), field);
      expectArgumentError(synchronousError(rx().getCredentials(params)), field);
      expectArgumentError(await promptRejection(promised().initialize(params)), field);
      expectArgumentError(await promptRejection(promised().getCredentials(params)), field);
      await expectNoRequestSince(before);
    },
  );

  it.each([
    { title: 'a string', value: 'fast', field: 'options' },
    { title: 'null', value: null, field: 'options' },
    { title: 'an array', value: [1000], field: 'options' },
    ...POLL_OPTION_CASES.map(({ title, patch, field }) => ({ title, value: patch, field })),
  ])('waitForCompletion with $title → InvalidArgumentError on $field', async ({ value, field }) => {
    const before = server.requests.length;
    const options = value as Record<string, never>;

    expectArgumentError(synchronousError(rx().resume(STATE).waitForCompletion(options)), field);
    expectArgumentError(
      await promptRejection(promised().resume(STATE).waitForCompletion(options)),
      field,
    );
    await expectNoRequestSince(before);
  });
});

/** Runs one call against the route and returns its value or error, in both flavours. */
async function outcomesOf(testCase: ResponseCase): Promise<unknown[]> {
  const options = { ...validOptions(), polling: QUICK_POLLING, ...testCase.options };
  const rx = new FastnAuth(options as unknown as FastnAuthOptions);
  const promised = new PromiseFastnAuth(options as unknown as FastnAuthOptions);
  const connector = { connectorId: 'google-sheets' };

  const settle = (promise: Promise<unknown>) => promise.catch((error: unknown) => error);
  const calls: Record<ResponseCase['call'], () => Promise<unknown>[]> = {
    initialize: () => [firstValueFrom(rx.initialize(connector)), promised.initialize(connector)],
    getStatus: () => [
      firstValueFrom(rx.resume(STATE).getStatus()),
      promised.resume(STATE).getStatus(),
    ],
    getCredentials: () => [
      firstValueFrom(rx.getCredentials(connector)),
      promised.getCredentials(connector),
    ],
  };
  return Promise.all(calls[testCase.call]().map(settle));
}

const ROUTE_OF = {
  initialize: DEFAULT_ENDPOINTS.initialize,
  getStatus: DEFAULT_ENDPOINTS.status,
  getCredentials: DEFAULT_ENDPOINTS.credentials,
} as const;

describe('bad answers from the server end the call with the documented error', () => {
  it.each(RESPONSE_CASES)('$call answered with $title', async (testCase) => {
    server.route(ROUTE_OF[testCase.call], testCase.handler);

    for (const outcome of await outcomesOf(testCase)) {
      if ('accepted' in testCase.outcome) {
        expect(outcome).not.toBeInstanceOf(Error);
        continue;
      }
      const { name, ...data } = testCase.outcome;
      expect(outcome).toBeInstanceOf(name === 'NetworkError' ? NetworkError : InvalidResponseError);
      expect(outcome).toMatchObject({ name, ...data });
      if (name === 'InvalidResponseError' && data.fieldPath === undefined) {
        expect(outcome).toHaveProperty('fieldPath', undefined);
      }
    }
  });
});

/** A client whose retries are quick, and whose logged retry delays are collected. */
function retryingClient(timeoutMs: number) {
  const delaysMs: number[] = [];
  const client = new FastnAuth({
    spaceId: 'space-1',
    apiKey: 'key-1',
    baseUrl: server.url,
    polling: { intervalMs: 5, timeoutMs, retryBaseDelayMs: 10, retryMaxDelayMs: 40 },
    logger: {
      debug: (_line, data) => {
        if (typeof data?.delayMs === 'number') delaysMs.push(data.delayMs);
      },
    },
  });
  return { client, delaysMs };
}

/** Answers 503 with the header to the first `failures` requests, then ACTIVE. */
function unavailable(retryAfter: string, failures = Infinity) {
  let served = 0;
  server.route(DEFAULT_ENDPOINTS.credentials, json(200, VALID_BODIES.getCredentials));
  server.route(DEFAULT_ENDPOINTS.status, (request, response) => {
    served += 1;
    const handler =
      served <= failures
        ? json(503, { error: 'busy' }, { 'retry-after': retryAfter })
        : json(200, { status: 'ACTIVE' });
    handler(request, response);
  });
}

describe('Retry-After is honoured within reason, and the deadline always wins', () => {
  it.each([
    { title: 'garbage', header: 'soon', retryAfterMs: undefined },
    { title: 'zero', header: '0', retryAfterMs: 0 },
    { title: 'negative', header: '-5', retryAfterMs: undefined },
  ])('$title: retried after the ordinary backoff, then recovers', async (testCase) => {
    unavailable(testCase.header, 3);
    const { client, delaysMs } = retryingClient(5000);
    const session = client.resume(STATE);

    const first = await firstValueFrom(session.getStatus()).catch((error: unknown) => error);
    const result = await firstValueFrom(session.waitForCompletion());

    expect(first).toBeInstanceOf(NetworkError);
    expect(first).toMatchObject({ statusCode: 503, transient: true });
    expect((first as NetworkError).retryAfterMs).toBe(testCase.retryAfterMs);
    expect(result.status).toBe('ACTIVE');
    // Retry n waits between half and all of min(40, 10 * 2^(n-1)): the header adds nothing.
    expect(delaysMs).toHaveLength(2);
    expect(delaysMs[0]).toBeGreaterThanOrEqual(5);
    expect(delaysMs[0]).toBeLessThanOrEqual(10);
    expect(delaysMs[1]).toBeGreaterThanOrEqual(10);
    expect(delaysMs[1]).toBeLessThanOrEqual(20);
  });

  it.each([
    { title: 'a day in seconds', header: '86400' },
    { title: 'an HTTP date decades away', header: 'Fri, 01 Jan 2100 00:00:00 GMT' },
  ])(
    '$title: each wait capped at retryMaxDelayMs, TimeoutError at the deadline',
    async ({ header }) => {
      unavailable(header);
      const { client, delaysMs } = retryingClient(150);
      const startedAt = Date.now();

      const error = await firstValueFrom(client.resume(STATE).waitForCompletion()).catch(
        (failure: unknown) => failure,
      );

      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ code: 'TIMEOUT', timeoutMs: 150 });
      expect((error as TimeoutError).cause).toBeInstanceOf(NetworkError);
      expect((error as TimeoutError).cause).toMatchObject({ statusCode: 503, transient: true });
      expect(((error as TimeoutError).cause as NetworkError).retryAfterMs).toBeGreaterThan(
        86_400_000 - 1,
      );
      expect(delaysMs.length).toBeGreaterThan(0);
      expect(new Set(delaysMs)).toEqual(new Set([40]));
      // Generous for a loaded machine, and still nothing like the day the server asked for.
      expect(Date.now() - startedAt).toBeLessThan(5000);
    },
  );
});
