import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import fc from 'fast-check';

import {
  AbortedError,
  InvalidArgumentError,
  InvalidResponseError,
  NetworkError,
  TimeoutError,
  FastnAuth as RxFastnAuth,
  type FastnAuthOptions,
} from '../../lib';
import { FastnAuth } from '../../lib/promise';
import { json, startLoopbackServer, type LoopbackServer } from '../support/loopbackServer';

/**
 * Random API keys and tokens driven through every error path: none may show up in an error (in
 * any rendering), a log line, a saved session or an inspected client. The secrets are printable
 * ASCII without quotes or backslashes, so that JSON and util.inspect would show them verbatim
 * if they leaked, and start with a marker no message could hold by chance.
 */
const MARKER = 'Zq7sEcReT';
const PRINTABLE = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) =>
  String.fromCharCode(0x21 + i),
).filter((char) => !`"'\`\\`.includes(char));
const secrets = fc
  .string({ minLength: 8, maxLength: 64, unit: fc.constantFrom(...PRINTABLE) })
  .map((random) => `${MARKER}${random}`);
const kinds = fc.constantFrom('apiKey' as const, 'authToken' as const);

/** Few runs: each one sends real requests, and the file must stay quick. */
const RUNS = { numRuns: 25 };

const PATHS = {
  ok: '/ok',
  unauthorized: '/unauthorized',
  serverError: '/server-error',
  redirect: '/redirect',
  invalid: '/invalid',
  hang: '/hang',
  echoIntoFields: '/echo-into-fields',
};

let server: LoopbackServer;
let refusedUrl: string;

beforeAll(async () => {
  server = await startLoopbackServer();
  refusedUrl = await closedPortUrl();

  // Each failing route echoes the credential it received, as a careless server would.
  const echoed = (headers: Record<string, unknown>) =>
    String(headers['x-fastn-api-key'] ?? headers.authorization ?? '');
  server.route(
    PATHS.ok,
    json(200, { sessionId: 's1', stateKey: 'k1', redirectUrl: 'https://c.example/s1' }),
  );
  server.route(PATHS.unauthorized, (request, response) =>
    json(401, { error: `bad credential ${echoed(request.headers)}` })(request, response),
  );
  server.route(PATHS.serverError, (request, response) =>
    json(500, { message: `crashed on\n${echoed(request.headers)}` })(request, response),
  );
  server.route(PATHS.redirect, (request, response) =>
    json(
      302,
      {},
      { location: `${server.url}/stolen?key=${encodeURIComponent(echoed(request.headers))}` },
    )(request, response),
  );
  server.route(PATHS.invalid, (request, response) => {
    response.writeHead(200, { 'content-type': `text/plain; key=${echoed(request.headers)}` });
    response.end('not json');
  });
  server.route(PATHS.hang, () => undefined);
  // A 2xx answer with the bare secret in the field the call reads, in a shape that fails to
  // decode: initialize's redirectUrl, status's status word, credentials' auth.
  server.route(PATHS.echoIntoFields, (request, response) => {
    const secret = echoed(request.headers).replace(/^Bearer\s+/, '');
    json(200, {
      sessionId: 's1',
      stateKey: 'k1',
      redirectUrl: `not a url ${secret}`,
      status: `DONE-${secret}`,
      auth: `token ${secret}`,
    })(request, response);
  });
});

afterAll(() => server.close());

/** A port nothing listens on: bound once, then closed. */
async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** Every way an error is commonly shown or shipped. */
function renderings(error: unknown): string[] {
  const failure = error as Error;
  return [
    failure.message,
    String(failure),
    failure.stack ?? '',
    JSON.stringify(failure),
    inspect(failure, { depth: 10, showHidden: true }),
  ];
}

function expectHidden(secret: string, texts: readonly string[]): void {
  for (const text of texts) expect(text).not.toContain(secret);
}

/** A client with the secret, a logger keeping every line and its data, and quick limits. */
function clientWith(secret: string, kind: 'apiKey' | 'authToken', overrides: object = {}) {
  const logged: string[] = [];
  const options = {
    spaceId: 'space-1',
    [kind]: secret,
    baseUrl: server.url,
    http: { requestTimeoutMs: 2000 },
    polling: { intervalMs: 5, timeoutMs: 40, retryBaseDelayMs: 5, retryMaxDelayMs: 10 },
    logger: {
      debug: (line: string, data?: object) => logged.push(line, JSON.stringify(data) ?? ''),
    },
    ...overrides,
  } as unknown as FastnAuthOptions;
  return { client: new FastnAuth(options), logged };
}

const endpointsAt = (path: string) => ({
  endpoints: { initialize: path, status: path, credentials: path },
});
/** Initialize is bounded by `polling.timeoutMs`: room for its request and retries. */
const ROOMY_POLLING = { intervalMs: 5, timeoutMs: 5000, retryBaseDelayMs: 5, retryMaxDelayMs: 10 };
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('no API key or token ever shows', () => {
  it('in the errors of bad options', () => {
    fc.assert(
      fc.property(secrets, kinds, (secret, kind) => {
        const other = kind === 'apiKey' ? 'authToken' : 'apiKey';
        const attempts: Record<string, unknown>[] = [
          { baseUrl: 'ftp://files.example.com/api' },
          { baseUrl: `https://user:${secret}@example.com/api` },
          { [kind]: `${secret}\n` },
          { [kind]: `${secret.slice(0, 4)}\u0000${secret.slice(4)}` },
          { [kind]: secret.padEnd(5000, secret) },
          { [other]: `${secret}-other` },
          { [kind.toLowerCase()]: secret },
          { polling: { retryBaseDelayMs: 10, retryMaxDelayMs: 5 } },
        ];

        for (const attempt of attempts) {
          const options = { spaceId: 'space-1', [kind]: secret, ...attempt };
          let error: unknown;
          try {
            new RxFastnAuth(options as unknown as FastnAuthOptions);
          } catch (thrown) {
            error = thrown;
          }
          expect(error).toBeInstanceOf(InvalidArgumentError);
          expectHidden(secret, renderings(error));
        }
      }),
      RUNS,
    );
  });

  it('in the errors and log lines of failed requests, even when the server echoes it', async () => {
    await fc.assert(
      fc.asyncProperty(secrets, kinds, async (secret, kind) => {
        const calls = [
          {
            overrides: endpointsAt(PATHS.unauthorized),
            expected: NetworkError,
            statusCode: 401,
            echoed: true,
          },
          {
            overrides: endpointsAt(PATHS.serverError),
            expected: NetworkError,
            statusCode: 500,
            echoed: true,
          },
          { overrides: endpointsAt(PATHS.redirect), expected: NetworkError, statusCode: 302 },
          { overrides: endpointsAt(PATHS.invalid), expected: InvalidResponseError },
          { overrides: { baseUrl: refusedUrl }, expected: NetworkError },
          {
            // A short deadline: each retry of a hung request would cost another 30 ms.
            overrides: {
              ...endpointsAt(PATHS.hang),
              http: { requestTimeoutMs: 30 },
              polling: { ...ROOMY_POLLING, timeoutMs: 60 },
            },
            expected: NetworkError,
          },
        ];

        for (const { overrides, expected, statusCode, echoed } of calls) {
          const { client, logged } = clientWith(secret, kind, {
            polling: ROOMY_POLLING,
            ...overrides,
          });
          const error = await failureOf(client.initialize({ connectorId: 'google-sheets' }));

          expect(error).toBeInstanceOf(expected);
          if (statusCode !== undefined) expect(error).toHaveProperty('statusCode', statusCode);
          // The server did send the secret back: the redaction is what keeps it out.
          if (echoed === true) expect((error as Error).message).toContain('[redacted]');
          expectHidden(secret, [...renderings(error), ...logged]);
        }
      }),
      RUNS,
    );

    // The redirect was refused, not followed: its target never heard the secret.
    expect(server.requests.some((request) => request.path === '/stolen')).toBe(false);
  });

  it('in the message of a 2xx answer echoing it into a field that fails to decode', async () => {
    await fc.assert(
      fc.asyncProperty(secrets, kinds, async (secret, kind) => {
        const { client, logged } = clientWith(secret, kind, {
          ...endpointsAt(PATHS.echoIntoFields),
          polling: ROOMY_POLLING,
        });
        const session = client.resume({
          version: 1,
          id: 's1',
          stateKey: 'k1',
          redirectUrl: 'https://c.example/s1',
          connectorId: 'google-sheets',
          orgId: 'community',
        });
        const calls = [
          { fieldPath: 'redirectUrl', call: client.initialize({ connectorId: 'google-sheets' }) },
          { fieldPath: 'status', call: session.getStatus() },
          { fieldPath: 'auth', call: client.getCredentials({ connectorId: 'google-sheets' }) },
        ];

        for (const { fieldPath, call } of calls) {
          const error = await failureOf(call);

          expect(error).toBeInstanceOf(InvalidResponseError);
          expect(error).toHaveProperty('fieldPath', fieldPath);
          // The value is quoted in the message: the redaction is what keeps the secret out.
          if (fieldPath !== 'auth') expect((error as Error).message).toContain('[redacted]');
          expectHidden(secret, [...renderings(error), ...logged]);
        }
      }),
      RUNS,
    );
  });

  it('in timeouts, aborts, saved sessions and inspected clients', async () => {
    await fc.assert(
      fc.asyncProperty(secrets, kinds, async (secret, kind) => {
        // Roomy polling, so the aborted initialize is not cut short by its own deadline first.
        const { client, logged } = clientWith(secret, kind, {
          ...endpointsAt(PATHS.hang),
          polling: ROOMY_POLLING,
        });
        const session = client.resume({
          version: 1,
          id: 's1',
          stateKey: 'k1',
          redirectUrl: 'https://c.example/s1',
          connectorId: 'google-sheets',
          orgId: 'community',
        });

        const timedOut = await failureOf(session.waitForCompletion({ timeoutMs: 40 }));
        const controller = new AbortController();
        const arrived = server.nextRequest(PATHS.hang);
        const pending = failureOf(
          client.initialize({ connectorId: 'c' }, { signal: controller.signal }),
        );
        await arrived;
        controller.abort();
        const aborted = await pending;
        const { client: working } = clientWith(secret, kind, endpointsAt(PATHS.ok));
        const started = await working.initialize({ connectorId: 'google-sheets' });

        expect(timedOut).toBeInstanceOf(TimeoutError);
        expect(aborted).toBeInstanceOf(AbortedError);
        expectHidden(secret, [
          ...renderings(timedOut),
          ...renderings(aborted),
          ...logged,
          JSON.stringify(session),
          JSON.stringify(session.toJSON()),
          JSON.stringify(started.toJSON()),
          inspect(session, { depth: 10, showHidden: true }),
          inspect(started.observable, { depth: 10, showHidden: true }),
          inspect(client, { depth: 10, showHidden: true }),
          JSON.stringify(client),
          String(client),
        ]);
      }),
      RUNS,
    );
  });
});
