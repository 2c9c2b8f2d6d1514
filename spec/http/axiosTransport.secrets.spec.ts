import { inspect } from 'node:util';
import type { Observable } from 'rxjs';
import { NetworkError } from '../../lib/errors';
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

/** Every way an error can be shown: none may reveal the API key or the token. */
function expectNoSecret(texts: readonly string[]): void {
  for (const text of texts) {
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(BEARER_TOKEN);
  }
}

function renderings(error: unknown): string[] {
  return [
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
    inspect(error, { depth: 10, showHidden: true }),
    String(error),
    (error as Error).stack ?? '',
  ];
}

describe.each(ADAPTERS)('createAxiosTransport keeps credentials safe (%s adapter)', (adapter) => {
  const h = useTransportHarness(adapter);

  describe('never follows a redirect', () => {
    it.each([301, 302, 303, 307, 308])(
      'delivers a permanent NetworkError for %i and sends nothing to the Location host',
      async (status) => {
        const location = `${h.otherServer.url}/steal?from=${status}`;
        h.server.route('/api/redirect', json(status, {}, { location }));

        const error = await failureOf(h.transport()(post('/redirect')));

        expect(error).toBeInstanceOf(NetworkError);
        expect(error).toMatchObject({ statusCode: status, transient: false, path: '/redirect' });
        expect((error as Error).message).toBe(
          `POST /redirect failed with ${status}: redirect refused ` +
            '(redirects are never followed, so credentials never reach another host)',
        );
        expect(h.otherServer.connectionCount).toBe(0);
        expect(h.otherServer.requests).toHaveLength(0);
      },
    );

    it('appends an absolute URL given as the path to the base URL, not going there', async () => {
      const absolute = `${h.otherServer.url}/elsewhere`;
      h.server.route(`/api/${absolute}`, json(200, { stayed: true }));

      const outcome = await run(h.transport()(post(absolute)));

      expect(outcome.values).toEqual([{ stayed: true }]);
      expect(h.otherServer.connectionCount).toBe(0);
    });
  });

  describe('never reveals the API key or the token', () => {
    const scenarios: [string, () => Observable<unknown>][] = [
      ['a refused connection', () => h.transport({ baseUrl: h.refusedUrl })(post('/x'))],
      ['a 401', () => h.transport()(post('/secret-401'))],
      ['a 500', () => h.transport()(post('/secret-500'))],
      ['a redirect', () => h.transport()(post('/secret-302'))],
      ['a timeout', () => h.transport({ requestTimeoutMs: 100 })(post('/secret-never'))],
      ['a body past the limit', () => h.transport({ maxResponseBytes: 16 })(post('/secret-large'))],
      ['a body that is not JSON', () => h.transport()(post('/secret-html'))],
    ];

    beforeAll(() => {
      h.server.route('/api/secret-401', json(401, { error: `bad key ${API_KEY}` }));
      h.server.route('/api/secret-500', json(500, { message: `token ${BEARER_TOKEN}` }));
      h.server.route('/api/secret-302', json(302, {}, { location: `${h.otherServer.url}/?k=1` }));
      h.server.route('/api/secret-never', () => undefined);
      h.server.route('/api/secret-large', json(200, { pad: 'x'.repeat(100) }));
      h.server.route('/api/secret-html', json(200, `<html>${API_KEY}</html>`));
    });

    it.each(scenarios)('in the error or the log line for %s', async (_name, start) => {
      const error = await failureOf(start());

      expect(error).toBeInstanceOf(Error);
      expect((error as Error).cause).toBeUndefined();
      expectNoSecret([...renderings(error), ...h.lines]);
    });

    it('in the log line for an abort', async () => {
      h.server.route('/api/secret-abort', () => undefined);
      const arrived = h.server.nextRequest('/api/secret-abort');

      const subscription = h
        .transport()(post('/secret-abort'))
        .subscribe({ error: () => undefined });
      const request = await arrived;
      subscription.unsubscribe();
      await request.clientClosed;

      expect(h.lines).toHaveLength(1);
      expectNoSecret(h.lines);
    });
  });

  describe('when the server echoes a secret', () => {
    it('hides the API key and the token when the server echoes them', async () => {
      h.server.route(
        '/api/echo-key',
        json(401, { error: `key ${API_KEY} / ${BEARER_TOKEN} denied` }),
      );

      const error = await failureOf(h.transport()(post('/echo-key')));

      expect((error as Error).message).toBe(
        'POST /echo-key failed with 401: key [redacted] / [redacted] denied',
      );
    });
  });
});
