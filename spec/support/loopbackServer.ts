import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A fake HTTP server on 127.0.0.1, on a free port, for tests that need real requests.
 *
 * Routes are matched by path alone (any method, query ignored); a path with no route answers
 * 404 `{"error":"no route for <path>"}`. Every request is recorded, with its body, before its
 * handler runs.
 *
 * @example
 * ```ts
 * const server = await startLoopbackServer();
 * afterAll(() => server.close());
 *
 * server.route('/status', json(200, { status: 'ACTIVE' }));
 * // ... send a request to `${server.url}/status` ...
 * expect(server.requests[0]?.json()).toEqual({ input: { sessionId: 's1' } });
 * ```
 */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  /** Every request received so far, in order of arrival. */
  readonly requests: readonly RecordedRequest[];
  /** How many TCP connections clients have opened, requests or not. */
  readonly connectionCount: number;
  /** Sets (or replaces) the handler for one path. */
  route(path: string, handler: RouteHandler): void;
  /** Resolves with the next request to arrive (on `path`, when given), once its body is read. */
  nextRequest(path?: string): Promise<RecordedRequest>;
  /** Closes the server and every open connection, including those a handler left hanging. */
  close(): Promise<void>;
}

/** One request as the server received it. */
export interface RecordedRequest {
  readonly method: string;
  /** The path, without the query. */
  readonly path: string;
  /** Header names are lower case, as Node gives them. */
  readonly headers: IncomingHttpHeaders;
  /** The raw body. */
  readonly body: string;
  /** The body parsed as JSON; throws if it is not JSON. */
  json(): unknown;
  /**
   * Resolves when the client closes the connection before the response was completely sent,
   * such as when it aborts a request the handler never answers. Stays pending otherwise.
   */
  readonly clientClosed: Promise<void>;
}

/** Answers one request. It may also never answer, or destroy `response.socket`. */
export type RouteHandler = (request: RecordedRequest, response: ServerResponse) => void;

/**
 * A handler that answers with a JSON body (or a raw string body, sent as given).
 *
 * @param statusCode - The HTTP status.
 * @param body - Serialized with `JSON.stringify` unless it is a string.
 * @param headers - Extra response headers, such as `retry-after` or `location`.
 * @returns The handler.
 */
export function json(
  statusCode: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): RouteHandler {
  return (_request, response) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    response.writeHead(statusCode, { 'content-type': 'application/json', ...headers });
    response.end(text);
  };
}

/**
 * Starts a {@link LoopbackServer} on 127.0.0.1 and a free port.
 *
 * @returns The running server; close it in `afterAll`.
 */
export async function startLoopbackServer(): Promise<LoopbackServer> {
  const routes = new Map<string, RouteHandler>();
  const requests: RecordedRequest[] = [];
  const waiters: { path?: string; resolve: (request: RecordedRequest) => void }[] = [];
  const sockets = new Set<Socket>();
  let connectionCount = 0;

  const server = createServer((incoming, response) => {
    const path = new URL(incoming.url ?? '/', 'http://127.0.0.1').pathname;

    // Listen from arrival: a client may hang up while the body is still being read.
    const clientClosed = new Promise<void>((resolve) => {
      response.once('close', () => {
        if (!response.writableFinished) resolve();
      });
    });

    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: incoming.method ?? '',
        path,
        headers: incoming.headers,
        body,
        json: () => JSON.parse(body) as unknown,
        clientClosed,
      };
      requests.push(recorded);

      for (const waiter of waiters.filter((w) => w.path === undefined || w.path === path)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(recorded);
      }

      const handler = routes.get(path) ?? json(404, { error: `no route for ${path}` });
      handler(recorded, response);
    });
  });

  // Counted and tracked so that tests can prove no connection was made, and close can end all.
  server.on('connection', (socket: Socket) => {
    connectionCount += 1;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get connectionCount() {
      return connectionCount;
    },
    route: (path, handler) => {
      routes.set(path, handler);
    },
    nextRequest: (path) => new Promise((resolve) => waiters.push({ path, resolve })),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        for (const socket of sockets) socket.destroy();
      }),
  };
}
