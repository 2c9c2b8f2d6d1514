import { inspect } from 'node:util';
import { catchError, of, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';

import { isTimeoutError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import type { SessionState } from '../../lib/session/SessionState';
import {
  API_KEY,
  STATE,
  STATUS,
  WIRE,
  httpError,
  scriptedTransport,
  summary,
  virtualClient,
  type Script,
} from './scriptedTransport';

/** Ends a stream with a summary of its error as a value, so marbles can compare its fields. */
function errorAsValue<T>(source: Observable<T>): Observable<T | Record<string, unknown>> {
  return source.pipe(catchError((error: unknown) => of(summary(error))));
}

const CREDENTIALS_WIRE = {
  auth: {
    access_token: 'ya29.access',
    refresh_token: '1//refresh',
    token_type: 'Bearer',
    expires_at: '2030-01-01T00:00:00Z',
    scope: 'sheets',
  },
};

const CREDENTIALS = {
  accessToken: 'ya29.access',
  refreshToken: '1//refresh',
  tokenType: 'Bearer',
  expiresAt: '2030-01-01T00:00:00.000Z',
  extra: { scope: 'sheets' },
};

describe('AuthSession', () => {
  let testScheduler: TestScheduler;

  beforeEach(() => {
    testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    // Equal jitter with random 0.5 makes each retry wait three quarters of its ceiling.
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
  });

  afterEach(() => jest.restoreAllMocks());

  /** A resumed session whose calls answer from the script. */
  function sessionWith(script: Script, state: SessionState = STATE, logger?: Logger) {
    const scripted = scriptedTransport(script);
    const client = virtualClient(testScheduler, scripted.transport, logger ? { logger } : {});
    return { session: client.resume(state), client, ...scripted };
  }

  describe('status$', () => {
    it('sends the first request at once, emits each status and completes after ACTIVE', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const inactive = cold('-I|', WIRE);
        const active = cold('-A|', WIRE);
        const { session } = sessionWith({ status: [inactive, inactive, active] });

        expectObservable(session.status$).toBe('-I----I----(A|)', STATUS);
        expectSubscriptions(inactive.subscriptions).toBe(['^-!', '-----^-!']);
        expectSubscriptions(active.subscriptions).toBe('----------^!');
      });
    });

    it('emits FAILED with its message as a value and completes after it', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const { session } = sessionWith({ status: [cold('-I|', WIRE), cold('-F|', WIRE)] });

        expectObservable(session.status$).toBe('-I----(F|)', STATUS);
      });
    });

    it('fails with a TimeoutError at the deadline, with attempts, elapsedMs and lastStatus', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const { session } = sessionWith({ status: [cold('-I|', WIRE)] });
        const status$ = session.status$;

        // The client's timeout is 100 frames; the deadline wins a tie with the next request.
        expectObservable(errorAsValue(status$)).toBe(`-I${'----I'.repeat(19)}---(E|)`, {
          ...STATUS,
          E: {
            name: 'TimeoutError',
            code: 'TIMEOUT',
            attempts: 20,
            elapsedMs: 100,
            timeoutMs: 100,
            lastStatus: STATUS.I,
          },
        });
      });
    });

    it('hears a server slower than the interval and never overlaps requests', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const slowInactive = cold('3000ms (I|)', WIRE);
        const slowActive = cold('3000ms (A|)', WIRE);
        const scripted = scriptedTransport({ status: [slowInactive, slowInactive, slowActive] });
        const client = virtualClient(testScheduler, scripted.transport, {
          polling: { intervalMs: 1_000, timeoutMs: 60_000 },
        });

        expectObservable(client.resume(STATE).status$).toBe(
          '3000ms I 3999ms I 3999ms (A|)',
          STATUS,
        );
        expectSubscriptions(slowInactive.subscriptions).toBe(['^ 2999ms !', '4000ms ^ 2999ms !']);
        expectSubscriptions(slowActive.subscriptions).toBe('8000ms ^ 2999ms !');
      });
    });

    it('retries transient failures after exact backoff delays (3, then 6 frames)', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const unavailable = cold('-#', undefined, httpError(503));
        const active = cold('-A|', WIRE);
        const { session } = sessionWith({ status: [unavailable, unavailable, active] });

        expectObservable(session.status$).toBe('------------(A|)', STATUS);
        expectSubscriptions(unavailable.subscriptions).toBe(['^!', '----^!']);
        expectSubscriptions(active.subscriptions).toBe('-----------^!');
      });
    });

    it("waits as long as the server's Retry-After asks before retrying", () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const busy = cold('-#', undefined, httpError(429, 20));
        const active = cold('-A|', WIRE);
        const { session } = sessionWith({ status: [busy, active] });

        expectObservable(session.status$).toBe('----------------------(A|)', STATUS);
        expectSubscriptions(active.subscriptions).toBe('---------------------^!');
      });
    });

    it.each([400, 401, 403, 404])('ends at once with a NetworkError on HTTP %i', (statusCode) => {
      testScheduler.run(({ cold, expectObservable }) => {
        const refused = cold('-#', undefined, httpError(statusCode));
        const { session } = sessionWith({ status: [refused] });

        expectObservable(errorAsValue(session.status$)).toBe('-(E|)', {
          E: expect.objectContaining({ name: 'NetworkError', statusCode, transient: false }),
        });
      });
    });

    it('ends with an InvalidResponseError on an unknown status word, without polling on', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const weird = cold('-w|', { w: { status: 'SOMETIMES' } });
        const { session } = sessionWith({ status: [weird] });

        expectObservable(errorAsValue(session.status$)).toBe('-(E|)', {
          E: expect.objectContaining({ name: 'InvalidResponseError', code: 'INVALID_RESPONSE' }),
        });
        expectSubscriptions(weird.subscriptions).toBe('^!');
      });
    });

    it('shares one poll loop between two subscribers', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const inactive = cold('-I|', WIRE);
        const { session, count } = sessionWith({ status: [inactive, inactive, cold('-A|', WIRE)] });

        expectObservable(session.status$).toBe('-I----I----(A|)', STATUS);
        expectObservable(session.status$).toBe('-I----I----(A|)', STATUS);
        testScheduler.schedule(() => expect(count('status')).toBe(3), 50);
      });
    });

    it('gives a late subscriber the latest status at once, then the rest', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const inactive = cold('-I|', WIRE);
        const { session, count } = sessionWith({ status: [inactive, inactive, cold('-A|', WIRE)] });

        expectObservable(session.status$).toBe('-I----I----(A|)', STATUS);
        expectObservable(session.status$, '---^').toBe('---I--I----(A|)', STATUS);
        expectObservable(session.status$, '20ms ^').toBe('20ms (A|)', STATUS);
        testScheduler.schedule(() => expect(count('status')).toBe(3), 50);
      });
    });

    it('stops the loop and aborts the request in flight when the last subscriber leaves', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const slow = cold('-----I|', WIRE);
        const { session, count } = sessionWith({ status: [slow] });

        expectObservable(session.status$, '^-!').toBe('---');
        expectObservable(session.status$, '^---!').toBe('-----');
        expectSubscriptions(slow.subscriptions).toBe('^---!');
        testScheduler.schedule(() => expect(count('status')).toBe(1), 50);
      });
    });

    it('starts a fresh loop for a subscriber that comes after the last one left', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const slow = cold('-----I|', WIRE);
        const { session } = sessionWith({ status: [slow] });

        expectObservable(session.status$, '^-!').toBe('---');
        expectObservable(session.status$, '----^-!').toBe('-------');
        expectSubscriptions(slow.subscriptions).toBe(['^-!', '----^-!']);
      });
    });

    it('starts a fresh loop for a subscriber that comes after an error', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const { session } = sessionWith({
          status: [cold('-#', undefined, httpError(404)), cold('-A|', WIRE)],
        });

        expectObservable(errorAsValue(session.status$)).toBe('-(E|)', {
          E: expect.objectContaining({ name: 'NetworkError', statusCode: 404 }),
        });
        expectObservable(session.status$, '-----^').toBe('------(A|)', STATUS);
      });
    });
  });

  describe('waitForCompletion', () => {
    it('emits ACTIVE with the credentials read after it, then completes', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const credentials = cold('-c|', { c: CREDENTIALS_WIRE });
        const { session } = sessionWith({
          status: [cold('-I|', WIRE), cold('-A|', WIRE)],
          credentials: [credentials],
        });

        expectObservable(session.waitForCompletion()).toBe('-------R|', {
          R: { status: 'ACTIVE', credentials: CREDENTIALS },
        });
        expectSubscriptions(credentials.subscriptions).toBe('------^-!');
      });
    });

    it('asks for the credentials with the session id, connector and tenant', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const { session, sent } = sessionWith({
          status: [cold('-A|', WIRE)],
          credentials: [cold('-c|', { c: CREDENTIALS_WIRE })],
        });

        expectObservable(session.waitForCompletion()).toBe('--R|', { R: expect.anything() });
        testScheduler.schedule(() => {
          const request = sent.find((r) => r.path === '/ucl/connectorAuth');
          expect(request?.body).toEqual({
            input: {
              connectorId: 'google-sheets',
              orgId: 'community',
              tenantId: 'acme',
              sessionId: 'sess-1',
              refresh: false,
            },
          });
          expect(request?.headers['x-fastn-space-tenantid']).toBe('acme');
        }, 10);
      });
    });

    it('retries a transient credentials failure within the deadline', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const unavailable = cold('-#', undefined, httpError(503));
        const credentials = cold('-c|', { c: CREDENTIALS_WIRE });
        const { session } = sessionWith({
          status: [cold('-A|', WIRE)],
          credentials: [unavailable, credentials],
        });

        expectObservable(session.waitForCompletion()).toBe('------R|', {
          R: { status: 'ACTIVE', credentials: CREDENTIALS },
        });
        expectSubscriptions(credentials.subscriptions).toBe('-----^-!');
      });
    });

    it('fails with an AuthenticationError carrying the server message when FAILED', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const { session, count } = sessionWith({ status: [cold('-I|', WIRE), cold('-F|', WIRE)] });

        expectObservable(errorAsValue(session.waitForCompletion())).toBe('------(E|)', {
          E: {
            name: 'AuthenticationError',
            code: 'AUTH_FAILED',
            serverMessage: 'User denied access',
          },
        });
        testScheduler.schedule(() => expect(count('credentials')).toBe(0), 20);
      });
    });

    it('fails with a TimeoutError at its own deadline, counted from subscription', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const { session } = sessionWith({ status: [cold('-I|', WIRE)] });

        expectObservable(errorAsValue(session.waitForCompletion({ timeoutMs: 20 })), '---^').toBe(
          '23ms (E|)',
          {
            ...STATUS,
            E: {
              name: 'TimeoutError',
              code: 'TIMEOUT',
              attempts: 4,
              elapsedMs: 20,
              timeoutMs: 20,
              lastStatus: STATUS.I,
            },
          },
        );
      });
    });

    it('ends with a TimeoutError caused by the last failure when credentials keep failing', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const { session } = sessionWith({
          status: [cold('-A|', WIRE)],
          credentials: [cold('-#', undefined, httpError(503))],
        });
        const wait$ = session.waitForCompletion({ timeoutMs: 12 });

        // Retries at 5 (after 3 frames); the next wait (6 frames) would reach the deadline.
        expectObservable(
          wait$.pipe(
            catchError((error: unknown) =>
              of({ ...summary(error), cause: isTimeoutError(error) && summary(error.cause) }),
            ),
          ),
        ).toBe('------(E|)', {
          E: expect.objectContaining({
            name: 'TimeoutError',
            attempts: 1,
            lastStatus: STATUS.A,
            cause: expect.objectContaining({ name: 'NetworkError', statusCode: 503 }),
          }),
        });
      });
    });

    it('ends a credentials request that hangs at the deadline', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const hanging = cold('-');
        const { session } = sessionWith({ status: [cold('-A|', WIRE)], credentials: [hanging] });

        expectObservable(errorAsValue(session.waitForCompletion({ timeoutMs: 10 }))).toBe(
          '----------(E|)',
          { E: expect.objectContaining({ name: 'TimeoutError', lastStatus: STATUS.A }) },
        );
        expectSubscriptions(hanging.subscriptions).toBe('-^--------!');
      });
    });

    it('delivers bad options on subscribe, before any request', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const { session, count } = sessionWith({ status: [cold('-A|', WIRE)] });

        expectObservable(errorAsValue(session.waitForCompletion({ intervalMs: -1 }))).toBe('(E|)', {
          E: expect.objectContaining({ name: 'InvalidArgumentError', field: 'intervalMs' }),
        });
        testScheduler.schedule(() => expect(count('status')).toBe(0), 10);
      });
    });

    it('records its absolute deadline in toJSON() while it runs, and forgets it after', () => {
      const seen: SessionState[] = [];
      testScheduler.run(({ cold, expectObservable }) => {
        const { session } = sessionWith({
          status: [cold('-I|', WIRE), cold('-A|', WIRE)],
          credentials: [cold('-c|', { c: CREDENTIALS_WIRE })],
        });

        expectObservable(session.waitForCompletion({ timeoutMs: 20 }), '----^').toBe(
          '-----------R|',
          { R: expect.anything() },
        );
        for (const frame of [2, 6, 30])
          testScheduler.schedule(() => seen.push(session.toJSON()), frame);
      });

      expect(seen.map((state) => state.deadlineAt)).toEqual([undefined, 24, undefined]);
    });

    it('keeps what was left of the deadline recorded in a resumed state', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const { session } = sessionWith(
          { status: [cold('-I|', WIRE)] },
          { ...STATE, deadlineAt: 15 },
        );

        expectObservable(errorAsValue(session.waitForCompletion({ timeoutMs: 1_000 }))).toBe(
          '15ms (E|)',
          {
            ...STATUS,
            E: expect.objectContaining({ name: 'TimeoutError', attempts: 3, timeoutMs: 15 }),
          },
        );
      });
    });

    it('times out at once, with no request, when the recorded deadline has passed', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const { session, count } = sessionWith(
          { status: [cold('-A|', WIRE)] },
          { ...STATE, deadlineAt: 3 },
        );

        expectObservable(errorAsValue(session.waitForCompletion()), '-----^').toBe('-----(E|)', {
          E: expect.objectContaining({ name: 'TimeoutError', attempts: 0 }),
        });
        testScheduler.schedule(() => expect(count('status')).toBe(0), 10);
      });
    });

    it('logs each status with its class, method and attempt, and never the API key', () => {
      const lines: string[] = [];
      const logger: Logger = {
        debug: (line, data) => lines.push(`${line} ${JSON.stringify(data)}`),
      };
      testScheduler.run(({ cold, expectObservable }) => {
        const { session } = sessionWith(
          {
            status: [cold('-I|', WIRE), cold('-A|', WIRE)],
            credentials: [cold('-c|', { c: CREDENTIALS_WIRE })],
          },
          STATE,
          logger,
        );

        expectObservable(session.waitForCompletion()).toBe('-------R|', { R: expect.anything() });
      });

      expect(lines).toEqual(
        expect.arrayContaining([
          expect.stringContaining('[AuthSession.waitForCompletion] status INACTIVE (attempt 1)'),
          expect.stringContaining('[AuthSession.waitForCompletion] status ACTIVE (attempt 2)'),
        ]),
      );
      for (const line of lines) {
        expect(line).not.toContain(API_KEY);
        expect(line).not.toContain('ya29.access');
      }
    });
  });

  describe('waitForCompletion with onStatus', () => {
    it('calls onStatus with every status heard, INACTIVE included, before the result', () => {
      const heard: [number, unknown][] = [];
      testScheduler.run(({ cold, expectObservable }) => {
        const { session, count } = sessionWith({
          status: [cold('-I|', WIRE), cold('-I|', WIRE), cold('-A|', WIRE)],
          credentials: [cold('-c|', { c: CREDENTIALS_WIRE })],
        });
        const onStatus = (status: unknown): void => {
          heard.push([testScheduler.now(), status]);
        };

        expectObservable(session.waitForCompletion({ onStatus })).toBe('------------R|', {
          R: { status: 'ACTIVE', credentials: CREDENTIALS },
        });
        testScheduler.schedule(() => expect(count('status')).toBe(3), 20);
      });

      expect(heard).toEqual([
        [1, STATUS.I],
        [6, STATUS.I],
        [11, STATUS.A],
      ]);
    });

    it('calls onStatus with FAILED before the AuthenticationError', () => {
      const heard: unknown[] = [];
      testScheduler.run(({ cold, expectObservable }) => {
        const { session } = sessionWith({ status: [cold('-F|', WIRE)] });

        const wait$ = session.waitForCompletion({ onStatus: (status) => heard.push(status) });
        expectObservable(errorAsValue(wait$)).toBe('-(E|)', {
          E: expect.objectContaining({ name: 'AuthenticationError' }),
        });
      });

      expect(heard).toEqual([STATUS.F]);
    });

    it('ends the wait with the error onStatus throws', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const { session } = sessionWith({ status: [cold('-I|', WIRE)] });
        const broken = new Error('display failed');

        const wait$ = session.waitForCompletion({
          onStatus: () => {
            throw broken;
          },
        });
        expectObservable(wait$).toBe('-#', undefined, broken);
      });
    });

    it('delivers an onStatus that is not a function on subscribe, before any request', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const { session, count } = sessionWith({ status: [cold('-A|', WIRE)] });

        const wait$ = session.waitForCompletion({ onStatus: 'log' } as never);
        expectObservable(errorAsValue(wait$)).toBe('(E|)', {
          E: expect.objectContaining({ name: 'InvalidArgumentError', field: 'onStatus' }),
        });
        testScheduler.schedule(() => expect(count('status')).toBe(0), 10);
      });
    });
  });

  describe('getStatus and getCredentials', () => {
    it('getStatus sends one request and does not retry', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const unavailable = cold('-#', undefined, httpError(503));
        const { session } = sessionWith({ status: [unavailable] });

        expectObservable(errorAsValue(session.getStatus())).toBe('-(E|)', {
          E: expect.objectContaining({ name: 'NetworkError', statusCode: 503 }),
        });
        expectSubscriptions(unavailable.subscriptions).toBe('^!');
      });
    });

    it('getStatus emits the status and completes', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const { session } = sessionWith({ status: [cold('--F|', WIRE)] });

        expectObservable(session.getStatus()).toBe('--F|', STATUS);
      });
    });

    it('getCredentials reads the credentials through the session id', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const { session, sent } = sessionWith({
          credentials: [cold('-c|', { c: CREDENTIALS_WIRE })],
        });

        expectObservable(session.getCredentials()).toBe('-c|', { c: CREDENTIALS });
        testScheduler.schedule(() => {
          expect(sent[0]?.body).toMatchObject({ input: { sessionId: 'sess-1' } });
        }, 5);
      });
    });
  });

  describe('toJSON', () => {
    it('holds the session identity and no secret', () => {
      const { session } = sessionWith({});

      expect(session.toJSON()).toEqual(STATE);
      expect(JSON.stringify(session)).not.toContain(API_KEY);
      expect(inspect(session, { depth: 10, showHidden: true })).not.toContain(API_KEY);
    });

    it('round-trips through JSON and client.resume()', () => {
      const { session, client } = sessionWith(
        {},
        { ...STATE, connectionId: 'c-1', expiresAt: 'x' },
      );

      const again = client.resume(JSON.parse(JSON.stringify(session)));

      expect(again.toJSON()).toEqual(session.toJSON());
      expect(again.connectionId).toBe('c-1');
    });
  });
});
