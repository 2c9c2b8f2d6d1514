import { inspect } from 'node:util';
import { catchError, lastValueFrom, map, of, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';

import { FastnAuth } from '../../lib/client/FastnAuth';
import { InvalidArgumentError, NetworkError } from '../../lib/errors';
import {
  API_KEY,
  STATE,
  httpError,
  scriptedTransport,
  summary,
  virtualClient,
} from '../session/scriptedTransport';
import { json, startLoopbackServer, type LoopbackServer } from '../support/loopbackServer';

const INITIALIZE_WIRE = {
  sessionId: 'sess-9',
  stateKey: 'state-9',
  redirectUrl: 'https://auth.example.com/consent?state=state-9',
  status: 'INACTIVE',
  expiresAt: '2030-01-01T00:00:00Z',
};

const CREDENTIALS_WIRE = { auth: { access_token: 'ya29.token', token_type: 'Bearer', team: 'T1' } };
const CREDENTIALS = { accessToken: 'ya29.token', tokenType: 'Bearer', extra: { team: 'T1' } };

function errorAsValue<T>(source: Observable<T>): Observable<T | Record<string, unknown>> {
  return source.pipe(catchError((error: unknown) => of(summary(error))));
}

/** Resolves with the error a stream ends with; fails the test if it emits or completes. */
function failureOf(source: Observable<unknown>): Promise<unknown> {
  return lastValueFrom(source).then(
    (value) => Promise.reject(new Error(`expected an error, got ${JSON.stringify(value)}`)),
    (error: unknown) => error,
  );
}

describe('FastnAuth', () => {
  describe('construction', () => {
    it('throws an InvalidArgumentError at once for bad options', () => {
      expect(() => new FastnAuth({ spaceId: '', apiKey: API_KEY })).toThrow(InvalidArgumentError);
      expect(() => new FastnAuth({ spaceId: 's', apiKey: API_KEY, authToken: 'tok' })).toThrow(
        InvalidArgumentError,
      );
    });

    it('shows only spaceId, baseUrl and stage in JSON and util.inspect', () => {
      const client = new FastnAuth({ spaceId: 'space-1', apiKey: API_KEY });
      const shown = { spaceId: 'space-1', baseUrl: 'https://live.fastn.ai/api', stage: 'LIVE' };

      expect(JSON.parse(JSON.stringify(client))).toEqual(shown);
      for (const text of [
        JSON.stringify(client),
        inspect(client, { depth: 10, showHidden: true }),
        String(client),
      ]) {
        expect(text).not.toContain(API_KEY);
      }
      expect(inspect(client)).toContain('spaceId');
    });
  });

  describe('with an injected transport, in virtual time', () => {
    let testScheduler: TestScheduler;

    beforeEach(() => {
      testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
      jest.spyOn(Math, 'random').mockReturnValue(0.5);
    });

    afterEach(() => jest.restoreAllMocks());

    it('initialize sends nothing until subscribed, then emits the session and completes', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const answer = cold('--i|', { i: INITIALIZE_WIRE });
        const { transport } = scriptedTransport({ initialize: [answer] });
        const client = virtualClient(testScheduler, transport);

        const session$ = client.initialize({ connectorId: 'google-sheets', tenantId: 'acme' });

        expectObservable(session$.pipe(map((session) => session.toJSON())), '---^').toBe(
          '-----s|',
          {
            s: {
              version: 1,
              id: 'sess-9',
              stateKey: 'state-9',
              redirectUrl: INITIALIZE_WIRE.redirectUrl,
              connectorId: 'google-sheets',
              orgId: 'community',
              tenantId: 'acme',
              expiresAt: '2030-01-01T00:00:00.000Z',
            },
          },
        );
        expectSubscriptions(answer.subscriptions).toBe('---^--!');
      });
    });

    it('initialize delivers bad params on subscribe and sends no request', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const { transport, count } = scriptedTransport({ initialize: [cold('-i|')] });
        const client = virtualClient(testScheduler, transport);

        const session$ = client.initialize({ connectorId: ' ' });

        expectObservable(errorAsValue(session$)).toBe('(E|)', {
          E: expect.objectContaining({ name: 'InvalidArgumentError', field: 'connectorId' }),
        });
        testScheduler.schedule(() => expect(count('initialize')).toBe(0), 5);
      });
    });

    it('initialize refuses a redirect URL that is not http(s)', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const evil = { ...INITIALIZE_WIRE, redirectUrl: 'javascript:alert(1)' };
        const { transport } = scriptedTransport({ initialize: [cold('-i|', { i: evil })] });
        const client = virtualClient(testScheduler, transport);

        expectObservable(errorAsValue(client.initialize({ connectorId: 'x' }))).toBe('-(E|)', {
          E: expect.objectContaining({ name: 'InvalidResponseError' }),
        });
      });
    });

    it('getCredentials retries a transient failure after the backoff delay', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const unavailable = cold('-#', undefined, httpError(502));
        const answer = cold('-c|', { c: CREDENTIALS_WIRE });
        const { transport, sent } = scriptedTransport({ credentials: [unavailable, answer] });
        const client = virtualClient(testScheduler, transport);

        expectObservable(client.getCredentials({ connectorId: 'slack' })).toBe('-----c|', {
          c: CREDENTIALS,
        });
        expectSubscriptions(answer.subscriptions).toBe('----^-!');
        testScheduler.schedule(() => {
          expect(sent[0]?.body).toEqual({
            input: { connectorId: 'slack', orgId: 'community', refresh: false },
          });
        }, 10);
      });
    });

    it('getCredentials gives up with the last failure when a retry would pass its budget', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const unavailable = cold('-#', undefined, httpError(503));
        const { transport } = scriptedTransport({ credentials: [unavailable] });
        const client = virtualClient(testScheduler, transport, {
          polling: { timeoutMs: 11, retryBaseDelayMs: 4, retryMaxDelayMs: 30 },
        });

        // Attempts at 0 and 4; the wait after the second failure (6 frames) would reach frame 11.
        expectObservable(errorAsValue(client.getCredentials({ connectorId: 'slack' }))).toBe(
          '-----(E|)',
          { E: expect.objectContaining({ name: 'NetworkError', statusCode: 503 }) },
        );
      });
    });

    it('getCredentials ends at once on a 404 (connector not connected)', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const missing = cold('-#', undefined, httpError(404));
        const { transport } = scriptedTransport({ credentials: [missing] });
        const client = virtualClient(testScheduler, transport);

        expectObservable(errorAsValue(client.getCredentials({ connectorId: 'slack' }))).toBe(
          '-(E|)',
          { E: expect.objectContaining({ name: 'NetworkError', statusCode: 404 }) },
        );
        expectSubscriptions(missing.subscriptions).toBe('^!');
      });
    });

    it('getCredentials delivers bad params on subscribe and sends no request', () => {
      const { transport, count } = scriptedTransport({});
      const client = virtualClient(testScheduler, transport);

      const credentials$ = client.getCredentials({ connectorId: 'x', orgid: 'typo' } as never);

      return failureOf(credentials$).then((error) => {
        expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'orgid' });
        expect(count('credentials')).toBe(0);
      });
    });

    it('resume returns a session at once, with no request', () => {
      const { transport, sent } = scriptedTransport({});
      const client = virtualClient(testScheduler, transport);

      const session = client.resume(STATE);

      expect(session.id).toBe('sess-1');
      expect(session.toJSON()).toEqual(STATE);
      expect(sent).toEqual([]);
    });

    it('resume throws an InvalidArgumentError naming the bad field', () => {
      const client = virtualClient(testScheduler, scriptedTransport({}).transport);

      expect(() => client.resume({ ...STATE, stateKey: 42 })).toThrow(
        expect.objectContaining({ field: 'state.stateKey' }),
      );
    });
  });

  describe('over HTTP, against a loopback server', () => {
    let server: LoopbackServer;
    let elsewhere: LoopbackServer;

    beforeAll(async () => {
      server = await startLoopbackServer();
      elsewhere = await startLoopbackServer();
    });

    afterAll(async () => {
      await server.close();
      await elsewhere.close();
    });

    function httpClient(): FastnAuth {
      return new FastnAuth({ spaceId: 'space-1', apiKey: API_KEY, baseUrl: `${server.url}/api` });
    }

    it('initialize POSTs the contract headers and body, and maps the answer', async () => {
      server.route('/api/ucl/connectorAuth/initialize', json(200, { data: INITIALIZE_WIRE }));
      const received = server.nextRequest('/api/ucl/connectorAuth/initialize');

      const session = await lastValueFrom(
        httpClient().initialize({ connectorId: 'google-sheets', tenantId: 'acme' }),
      );
      const request = await received;

      expect(request.method).toBe('POST');
      expect(request.headers).toMatchObject({
        'content-type': 'application/json',
        accept: 'application/json',
        'x-fastn-space-id': 'space-1',
        'x-fastn-api-key': API_KEY,
        stage: 'LIVE',
        'x-fastn-space-tenantid': 'acme',
      });
      expect(request.json()).toEqual({
        input: { connectorId: 'google-sheets', orgId: 'community', tenantId: 'acme' },
      });
      expect(session.id).toBe('sess-9');
      expect(session.redirectUrl).toBe(INITIALIZE_WIRE.redirectUrl);
    });

    it('getCredentials maps the auth object to Credentials', async () => {
      server.route('/api/ucl/connectorAuth', json(200, CREDENTIALS_WIRE));

      const credentials = await lastValueFrom(httpClient().getCredentials({ connectorId: 'x' }));

      expect(credentials).toEqual(CREDENTIALS);
    });

    it('aborts the status request in flight when status$ is unsubscribed', async () => {
      // Never answered: only the client can end this request.
      server.route('/api/ucl/connectorAuth/status', () => undefined);
      const received = server.nextRequest('/api/ucl/connectorAuth/status');

      const subscription = httpClient().resume(STATE).status$.subscribe();
      const request = await received;
      subscription.unsubscribe();

      await expect(request.clientClosed).resolves.toBeUndefined();
    });

    it('refuses a redirect, so the key never reaches a second server', async () => {
      server.route(
        '/api/ucl/connectorAuth',
        json(307, {}, { location: `${elsewhere.url}/api/ucl/connectorAuth` }),
      );

      const error = await failureOf(httpClient().getCredentials({ connectorId: 'x' }));

      expect(error).toBeInstanceOf(NetworkError);
      expect(elsewhere.connectionCount).toBe(0);
      expect(JSON.stringify(error)).not.toContain(API_KEY);
    });

    it('sends nothing for bad arguments', async () => {
      const before = server.requests.length;
      const client = httpClient();

      const errors = await Promise.all([
        failureOf(client.initialize({ connectorId: '' })),
        failureOf(client.getCredentials({ connectorId: 'x', tenantId: 7 } as never)),
        failureOf(client.resume(STATE).waitForCompletion({ timeoutMs: 0 })),
      ]);

      expect(errors.map((error) => (error as InvalidArgumentError).field)).toEqual([
        'connectorId',
        'tenantId',
        'timeoutMs',
      ]);
      expect(server.requests.length).toBe(before);
    });
  });
});
