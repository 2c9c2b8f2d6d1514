import { catchError, map, of, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';

import type { AuthSession } from '../../lib/session/AuthSession';
import {
  STATE,
  httpError,
  scriptedTransport,
  summary,
  virtualClient,
} from '../session/scriptedTransport';

const INITIALIZE_WIRE = {
  sessionId: 'sess-9',
  stateKey: 'state-9',
  redirectUrl: 'https://auth.example.com/consent?state=state-9',
};

function errorAsValue<T>(source: Observable<T>): Observable<T | Record<string, unknown>> {
  return source.pipe(catchError((error: unknown) => of(summary(error))));
}

function sessionId(source: Observable<AuthSession>): Observable<string> {
  return errorAsValue(source.pipe(map((session) => session.id))) as Observable<string>;
}

describe('FastnAuth retries and deadlines, in virtual time', () => {
  let testScheduler: TestScheduler;

  beforeEach(() => {
    testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    // Equal jitter with random 0.5: retry waits of 3, 6, 12 frames (see virtualClient).
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
  });

  afterEach(() => jest.restoreAllMocks());

  describe('initialize', () => {
    it('retries a 503 after the backoff delay and emits the session', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const unavailable = cold('-#', undefined, httpError(503));
        const answer = cold('-(i|)', { i: INITIALIZE_WIRE });
        const { transport } = scriptedTransport({ initialize: [unavailable, answer] });
        const client = virtualClient(testScheduler, transport);

        expectObservable(sessionId(client.initialize({ connectorId: 'x' }))).toBe('-----(s|)', {
          s: 'sess-9',
        });
        expectSubscriptions(unavailable.subscriptions).toBe('^!');
        expectSubscriptions(answer.subscriptions).toBe('----^!');
      });
    });

    it("waits as long as a 429's Retry-After asks before retrying", () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const limited = cold('-#', undefined, httpError(429, 10));
        const answer = cold('-(i|)', { i: INITIALIZE_WIRE });
        const { transport } = scriptedTransport({ initialize: [limited, answer] });
        const client = virtualClient(testScheduler, transport);

        expectObservable(sessionId(client.initialize({ connectorId: 'x' }))).toBe('12ms (s|)', {
          s: 'sess-9',
        });
        expectSubscriptions(answer.subscriptions).toBe('11ms ^!');
      });
    });

    it('does not retry a permanent 401', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const denied = cold('-#', undefined, httpError(401));
        const { transport } = scriptedTransport({ initialize: [denied] });
        const client = virtualClient(testScheduler, transport);

        expectObservable(sessionId(client.initialize({ connectorId: 'x' }))).toBe('-(E|)', {
          E: expect.objectContaining({ name: 'NetworkError', statusCode: 401 }),
        });
        expectSubscriptions(denied.subscriptions).toBe('^!');
      });
    });

    it('gives up after 4 attempts in all, with the last failure', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const failures = [502, 503, 504, 500].map((code) => cold('-#', undefined, httpError(code)));
        const { transport, count } = scriptedTransport({ initialize: failures });
        const client = virtualClient(testScheduler, transport);

        // Attempts at 0, 4 (after 3), 11 (after 6) and 24 (after 12); the fourth failure ends it.
        expectObservable(sessionId(client.initialize({ connectorId: 'x' }))).toBe('25ms (E|)', {
          E: expect.objectContaining({ name: 'NetworkError', statusCode: 500 }),
        });
        testScheduler.schedule(() => expect(count('initialize')).toBe(4), 60);
      });
    });

    it('ends at polling.timeoutMs with the last failure when a retry is still in flight', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const unavailable = cold('-#', undefined, httpError(503));
        const hanging = cold('-');
        const { transport } = scriptedTransport({ initialize: [unavailable, hanging] });
        const client = virtualClient(testScheduler, transport, {
          polling: { timeoutMs: 10, retryBaseDelayMs: 4, retryMaxDelayMs: 30 },
        });

        expectObservable(sessionId(client.initialize({ connectorId: 'x' }))).toBe('10ms (E|)', {
          E: expect.objectContaining({ name: 'NetworkError', statusCode: 503 }),
        });
        expectSubscriptions(hanging.subscriptions).toBe('----^-----!');
      });
    });
  });

  describe.each([
    ['client.getCredentials', 'FastnAuth'],
    ['session.getCredentials', 'AuthSession'],
  ])('%s', (_name, through) => {
    function credentials$(client: ReturnType<typeof virtualClient>) {
      return through === 'FastnAuth'
        ? client.getCredentials({ connectorId: 'google-sheets' })
        : client.resume(STATE).getCredentials();
    }

    it('delivers the last transient failure at the deadline, not after the retry in flight', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        // The first attempt times out at 15 (a transport limit); the retry would take as long.
        const slowFailure = cold('15ms #', undefined, httpError(504));
        const { transport } = scriptedTransport({ credentials: [slowFailure] });
        const client = virtualClient(testScheduler, transport, {
          polling: { timeoutMs: 20, retryBaseDelayMs: 4, retryMaxDelayMs: 30 },
        });

        expectObservable(errorAsValue(credentials$(client))).toBe('20ms (E|)', {
          E: expect.objectContaining({ name: 'NetworkError', statusCode: 504 }),
        });
        expectSubscriptions(slowFailure.subscriptions).toBe(['^--------------!', '18ms ^-!']);
      });
    });

    it('delivers a transient NetworkError at the deadline when no answer came at all', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const hanging = cold('-');
        const { transport } = scriptedTransport({ credentials: [hanging] });
        const client = virtualClient(testScheduler, transport, {
          polling: { timeoutMs: 20, retryBaseDelayMs: 4, retryMaxDelayMs: 30 },
        });

        expectObservable(errorAsValue(credentials$(client))).toBe('20ms (E|)', {
          E: {
            name: 'NetworkError',
            code: 'NETWORK_ERROR',
            transient: true,
            path: '/ucl/connectorAuth',
          },
        });
        expectSubscriptions(hanging.subscriptions).toBe('^-------------------!');
      });
    });
  });
});
