import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidResponseError, NetworkError } from '../../lib/errors';
import { json } from '../support/loopbackServer';
import {
  ADAPTERS,
  API_KEY,
  BEARER_TOKEN,
  failureOf,
  post,
  run,
  useTransportHarness,
} from './transportHarness';

describe.each(ADAPTERS)('createAxiosTransport (%s adapter)', (adapter) => {
  const h = useTransportHarness(adapter);

  describe('on a 2xx answer', () => {
    it('emits the parsed JSON body once and completes', async () => {
      h.server.route('/api/ok', json(200, { status: 'ACTIVE', errorMessage: null }));

      const outcome = await run(h.transport()(post('/ok')));

      expect(outcome).toEqual({
        values: [{ status: 'ACTIVE', errorMessage: null }],
        completed: true,
      });
    });

    it('sends a POST to baseUrl + path with the headers and JSON body as given', async () => {
      h.server.route('/api/echo', json(200, {}));
      const arrived = h.server.nextRequest('/api/echo');

      await run(h.transport()(post('/echo', { input: { connectorId: 'c', orgId: 'community' } })));
      const request = await arrived;

      expect(request.method).toBe('POST');
      expect(request.json()).toEqual({ input: { connectorId: 'c', orgId: 'community' } });
      expect(request.headers).toMatchObject({
        'content-type': 'application/json',
        accept: 'application/json',
        'x-fastn-space-id': 'space-1',
        'x-fastn-api-key': API_KEY,
        authorization: `Bearer ${BEARER_TOKEN}`,
        stage: 'LIVE',
      });
    });

    it('emits a JSON body that reports an error, leaving it to the decoders', async () => {
      h.server.route('/api/error-body', json(200, { error: 'not connected' }));

      const outcome = await run(h.transport()(post('/error-body')));

      expect(outcome.values).toEqual([{ error: 'not connected' }]);
      expect(outcome.completed).toBe(true);
    });

    it('accepts a body of exactly maxResponseBytes', async () => {
      const body = JSON.stringify({ pad: 'x'.repeat(100) });
      h.server.route('/api/exact', json(200, body));

      const outcome = await run(h.transport({ maxResponseBytes: body.length })(post('/exact')));

      expect(outcome.completed).toBe(true);
    });

    it('logs one line with the path, status and duration, and no header or body', async () => {
      h.server.route('/api/logged', json(200, { secret: 'body-value' }));

      await run(h.transport()(post('/logged')));

      expect(h.lines).toHaveLength(1);
      expect(h.lines[0]).toMatch(/^\[axiosTransport\] POST \/logged -> 200 in \d+ ms$/);
    });
  });

  describe('is cold', () => {
    it('sends nothing until subscribed, and one request per subscription', async () => {
      h.server.route('/api/cold', json(200, { n: 1 }));
      h.server.route('/api/warm', json(200, { n: 2 }));
      const cold = h.transport()(post('/cold'));

      // A round trip on the same server: had creating the Observable sent, it would be seen.
      await run(h.transport()(post('/warm')));
      expect(h.server.requests.filter((r) => r.path === '/api/cold')).toHaveLength(0);

      await run(cold);
      await run(cold);
      expect(h.server.requests.filter((r) => r.path === '/api/cold')).toHaveLength(2);
    });
  });

  describe('on a non-2xx answer', () => {
    it.each([
      [400, false],
      [401, false],
      [403, false],
      [404, false],
      [408, true],
      [409, false],
      [429, true],
      [500, true],
      [501, false],
      [502, true],
      [503, true],
      [504, true],
    ])('delivers a NetworkError for %i with transient %s', async (status, transient) => {
      h.server.route(`/api/status-${status}`, json(status, { code: 'SOME_CODE' }));

      const error = await failureOf(h.transport()(post(`/status-${status}`)));

      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toMatchObject({
        code: 'NETWORK_ERROR',
        statusCode: status,
        transient,
        path: `/status-${status}`,
      });
      expect(h.lines).toEqual([expect.stringMatching(`POST /status-${status} -> ${status} in`)]);
    });

    it.each([
      ['error', { error: 'bad key', message: 'm', code: 'C' }, 'bad key'],
      ['message', { error: 42, message: 'space not found', code: 'C' }, 'space not found'],
      ['code', { code: 'INVALID_STAGE', statusCode: 400 }, 'INVALID_STAGE'],
    ])('takes the message from the body field %s first', async (_field, body, expected) => {
      h.server.route('/api/message', json(400, body));

      const error = await failureOf(h.transport()(post('/message')));

      expect((error as Error).message).toBe(`POST /message failed with 400: ${expected}`);
    });

    it('takes the message from the status text when the body has none', async () => {
      h.server.route('/api/status-text', json(503, '<html>busy</html>'));

      const error = await failureOf(h.transport()(post('/status-text')));

      expect((error as Error).message).toBe(
        'POST /status-text failed with 503: Service Unavailable',
      );
    });

    it('keeps the server message to one line of at most 200 characters', async () => {
      h.server.route('/api/long', json(500, { error: `line one\nline two ${'z'.repeat(500)}` }));

      const error = await failureOf(h.transport()(post('/long')));
      const reason = (error as Error).message.replace('POST /long failed with 500: ', '');

      expect(reason).toMatch(/^line one line two z+…$/);
      expect(reason).toHaveLength(200);
    });

    it('reads Retry-After given in seconds', async () => {
      h.server.route(
        '/api/retry-seconds',
        json(429, { error: 'slow down' }, { 'retry-after': '3' }),
      );

      const error = await failureOf(h.transport()(post('/retry-seconds')));

      expect(error).toMatchObject({ statusCode: 429, transient: true, retryAfterMs: 3_000 });
    });

    it('reads Retry-After given as an HTTP date, against the injected clock', async () => {
      const nowMs = Date.UTC(2030, 0, 1, 12, 0, 0);
      const retryAt = new Date(nowMs + 7_000).toUTCString();
      h.server.route('/api/retry-date', json(503, {}, { 'retry-after': retryAt }));

      const error = await failureOf(h.transport({ nowMs: () => nowMs })(post('/retry-date')));

      expect(error).toMatchObject({ statusCode: 503, retryAfterMs: 7_000 });
    });

    it('leaves retryAfterMs undefined when Retry-After is garbage', async () => {
      h.server.route('/api/retry-garbage', json(503, {}, { 'retry-after': 'soon' }));

      const error = await failureOf(h.transport()(post('/retry-garbage')));

      expect(error).toBeInstanceOf(NetworkError);
      expect((error as NetworkError).retryAfterMs).toBeUndefined();
    });
  });

  describe('rejects a body it cannot use', () => {
    it('rejects a body over maxResponseBytes: InvalidResponseError names the cap', async () => {
      h.server.route('/api/large', json(200, { pad: 'x'.repeat(10_000) }));

      const error = await failureOf(h.transport({ maxResponseBytes: 1_024 })(post('/large')));

      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as Error).message).toBe(
        'POST /large answered with a body larger than the 1024-byte limit (http.maxResponseBytes)',
      );
    });

    it('delivers InvalidResponseError for a body past the cap, no Content-Length', async () => {
      h.server.route('/api/large-chunked', (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write(`{"pad":"${'x'.repeat(2_000)}`);
        response.end(`${'y'.repeat(2_000)}"}`);
      });

      const error = await failureOf(
        h.transport({ maxResponseBytes: 1_024 })(post('/large-chunked')),
      );

      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as Error).message).toContain('larger than the 1024-byte limit');
    });

    it('delivers an InvalidResponseError for an HTML page with status 200', async () => {
      h.server.route('/api/html', (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<!doctype html><html><body>Sign in</body></html>');
      });

      const error = await failureOf(h.transport()(post('/html')));

      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as Error).message).toBe(
        'POST /html answered with an HTML page instead of JSON (content-type text/html)',
      );
    });

    it('delivers an InvalidResponseError for a 200 body that is not JSON', async () => {
      h.server.route('/api/text', (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end('hello');
      });

      const error = await failureOf(h.transport()(post('/text')));

      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as Error).message).toBe(
        'POST /text answered with a body that is not JSON (content-type text/plain)',
      );
    });

    it('delivers an InvalidResponseError for complete but cut-short JSON', async () => {
      h.server.route('/api/cut', json(200, '{"status": "ACT'));

      const error = await failureOf(h.transport()(post('/cut')));

      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as Error).message).toBe(
        'POST /cut answered with JSON that is cut short or malformed ' +
          '(content-type application/json)',
      );
    });

    it.each([200, 204])('delivers an InvalidResponseError for an empty %i body', async (status) => {
      h.server.route('/api/empty', (_request, response) => {
        response.writeHead(status);
        response.end();
      });

      const error = await failureOf(h.transport()(post('/empty')));

      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as Error).message).toBe(
        'POST /empty answered with an empty body where JSON was expected',
      );
    });
  });

  describe('when no complete response arrives', () => {
    it('delivers a transient NetworkError on a connection dropped mid-body', async () => {
      h.server.route('/api/truncated', (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        response.write('{"status":', () => response.socket?.destroy());
      });

      const error = await failureOf(h.transport()(post('/truncated')));

      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toMatchObject({ statusCode: undefined, transient: true, path: '/truncated' });
      expect((error as Error).message).toMatch(/^POST \/truncated failed: connection closed/);
    });

    it('delivers a transient NetworkError saying the connection was refused', async () => {
      const error = await failureOf(h.transport({ baseUrl: h.refusedUrl })(post('/refused')));

      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toMatchObject({ statusCode: undefined, transient: true, path: '/refused' });
      expect((error as Error).message).toBe(
        'POST /refused failed: connection refused (ECONNREFUSED)',
      );
      expect(h.lines).toEqual([
        expect.stringMatching(
          /^\[axiosTransport\] POST \/refused -> connection refused \(ECONNREFUSED\) in \d+ ms$/,
        ),
      ]);
    });

    it('times out with a transient NetworkError; the connection closes', async () => {
      h.server.route('/api/never', () => undefined);
      const arrived = h.server.nextRequest('/api/never');

      const error = await failureOf(h.transport({ requestTimeoutMs: 200 })(post('/never')));

      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toMatchObject({ statusCode: undefined, transient: true, path: '/never' });
      expect((error as Error).message).toBe('POST /never failed: timed out after 200 ms');
      await (
        await arrived
      ).clientClosed;
    });
  });

  describe('when unsubscribed before the answer', () => {
    it('aborts the request: the server sees the close and nothing is delivered', async () => {
      h.server.route('/api/slow', () => undefined);
      const arrived = h.server.nextRequest('/api/slow');
      const delivered: string[] = [];

      const subscription = h
        .transport()(post('/slow'))
        .subscribe({
          next: () => delivered.push('next'),
          error: () => delivered.push('error'),
          complete: () => delivered.push('complete'),
        });
      const request = await arrived;
      subscription.unsubscribe();
      await request.clientClosed;

      expect(delivered).toEqual([]);
      expect(h.lines).toEqual([
        expect.stringMatching(/^\[axiosTransport\] POST \/slow -> aborted in \d+ ms$/),
      ]);
    });
  });
});

describe('lib/http', () => {
  it('imports no node: module, since browsers load it too', () => {
    const folder = join(__dirname, '../../lib/http');
    const sources = readdirSync(folder).filter((name) => name.endsWith('.ts'));

    expect(sources).toContain('axiosTransport.ts');
    for (const name of sources) {
      expect(readFileSync(join(folder, name), 'utf8')).not.toMatch(
        /from ['"](node:|http|https|net)['"/]/,
      );
    }
  });
});
