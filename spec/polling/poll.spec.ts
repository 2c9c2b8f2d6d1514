import type { Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';

import { silentLogger } from '../../lib/logger';
import { poll } from '../../lib/polling/poll';
import type { PollConfig, PollTimeoutInfo } from '../../lib/polling/poll';
import { isTransient, Permanent, retryAfterMs, Transient } from './failures';

/** What the tests' `onTimeout` returns; its info is kept in `timeouts`. */
const deadlineError = new Error('deadline reached');

describe('poll', () => {
  let testScheduler: TestScheduler;

  beforeEach(() => {
    testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  /**
   * A poll over statuses 'I' (pending), 'A' (active) and 'F' (failed) whose requests are the
   * given cold observables, handed out in order. Unless overridden: the next request 3 frames
   * after an answer, a deadline far away, and retry waits of 3, 6, 12 ... frames (baseDelayMs 4,
   * random 0.5, equal jitter) capped at 30.
   */
  function pollOf(requests: Observable<string>[], overrides: Partial<PollConfig<string>> = {}) {
    let sent = 0;
    const timeouts: PollTimeoutInfo<string>[] = [];

    const poll$ = poll<string>({
      request: () => {
        const next = requests[sent];
        sent += 1;
        if (!next) throw new Error(`unexpected request ${sent}`);
        return next;
      },
      isDone: (status) => status !== 'I',
      intervalMs: 3,
      deadlineMs: 1_000,
      startedAtMs: 0,
      retry: { baseDelayMs: 4, maxDelayMs: 30, random: () => 0.5 },
      isTransient,
      retryAfterMs,
      onTimeout: (info) => {
        timeouts.push(info);
        return deadlineError;
      },
      scheduler: testScheduler,
      logger: silentLogger,
      ...overrides,
    });

    return { poll$, sent: () => sent, timeouts };
  }

  describe('pacing', () => {
    it('sends nothing until subscribed', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const first = cold('-A|');
        const { poll$ } = pollOf([first]);

        expectObservable(poll$, '-----^').toBe('------(A|)');
        expectSubscriptions(first.subscriptions).toBe('-----^!');
      });
    });

    it('sends the first request at frame 0, the next intervalMs after the answer', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions, time }) => {
        const first = cold('--I|');
        const second = cold('--A|');
        const { poll$ } = pollOf([first, second], { intervalMs: time('----------|') });

        expectObservable(poll$).toBe('--I------------(A|)');
        expectSubscriptions(first.subscriptions).toBe('^--!');
        expectSubscriptions(second.subscriptions).toBe('-------------^-!');
      });
    });

    it.each(['A', 'F'])('emits each status, then %s, and completes after it', (terminal) => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const first = cold('-I|');
        const second = cold('-I|');
        const third = cold('-T|', { T: terminal });
        const { poll$ } = pollOf([first, second, third]);

        expectObservable(poll$).toBe('-I----I----(T|)', { I: 'I', T: terminal });
        expectSubscriptions(first.subscriptions).toBe('^-!');
        expectSubscriptions(second.subscriptions).toBe('-----^-!');
        expectSubscriptions(third.subscriptions).toBe('----------^!');
      });
    });

    it('hears an answer slower than the interval, and never overlaps requests', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions, time }) => {
        // Answers take three times the interval: 6 frames against 2.
        const first = cold('------(I|)');
        const second = cold('------(I|)');
        const third = cold('------(A|)');
        const { poll$ } = pollOf([first, second, third], { intervalMs: time('--|') });

        expectObservable(poll$).toBe('------I-------I-------(A|)');
        expectSubscriptions(first.subscriptions).toBe('^-----!');
        expectSubscriptions(second.subscriptions).toBe('--------^-----!');
        expectSubscriptions(third.subscriptions).toBe('----------------^-----!');
        testScheduler.flush();

        const spans = [first, second, third].flatMap((request) => request.subscriptions);
        for (let i = 1; i < spans.length; i += 1) {
          expect(spans[i]!.subscribedFrame).toBeGreaterThan(spans[i - 1]!.unsubscribedFrame);
        }
      });
    });
  });

  describe('deadline', () => {
    it('errors at the deadline with the attempts, elapsed time and last status', () => {
      testScheduler.run(({ cold, expectObservable, time }) => {
        const { poll$, sent, timeouts } = pollOf([cold('-I|'), cold('-I|'), cold('-I|')], {
          deadlineMs: time('--------|'),
        });

        expectObservable(poll$).toBe('-I----I-#', undefined, deadlineError);
        testScheduler.flush();

        expect(timeouts).toEqual([{ attempts: 2, elapsedMs: 8, lastValue: 'I' }]);
        expect(sent()).toBe(2);
      });
    });

    it('errors at the deadline while a request is in flight, and cancels it', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions, time }) => {
        const slow = cold('--------I|');
        const { poll$, timeouts } = pollOf([slow], { deadlineMs: time('----|') });

        expectObservable(poll$).toBe('----#', undefined, deadlineError);
        expectSubscriptions(slow.subscriptions).toBe('^---!');
        testScheduler.flush();

        expect(timeouts).toEqual([{ attempts: 1, elapsedMs: 4 }]);
      });
    });

    it('counts elapsedMs from startedAtMs, so a resumed wait reports its whole length', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const { poll$, timeouts } = pollOf([cold('--------I|')], {
          startedAtMs: -6,
          deadlineMs: 4,
        });

        expectObservable(poll$).toBe('----#', undefined, deadlineError);
        testScheduler.flush();

        expect(timeouts).toEqual([{ attempts: 1, elapsedMs: 10 }]);
      });
    });

    it.each([0, -5])(
      'errors at once with no request when the deadline (%p) has passed',
      (deadlineMs) => {
        testScheduler.run(({ cold, expectObservable }) => {
          const { poll$, sent, timeouts } = pollOf([cold('-A|')], { deadlineMs, startedAtMs: -10 });

          expectObservable(poll$).toBe('#', undefined, deadlineError);
          testScheduler.flush();

          expect(sent()).toBe(0);
          expect(timeouts).toEqual([{ attempts: 0, elapsedMs: 10 }]);
        });
      },
    );
  });

  describe('retries', () => {
    it('retries transient failures 3, 6 and 12 frames after each one', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const error = new Transient();
        const first = cold('-#', undefined, error);
        const second = cold('-#', undefined, error);
        const third = cold('-#', undefined, error);
        const fourth = cold('-A|');
        const { poll$ } = pollOf([first, second, third, fourth]);

        expectObservable(poll$).toBe('-------------------------(A|)');
        expectSubscriptions(first.subscriptions).toBe('^!');
        expectSubscriptions(second.subscriptions).toBe('----^!');
        expectSubscriptions(third.subscriptions).toBe('-----------^!');
        expectSubscriptions(fourth.subscriptions).toBe('------------------------^!');
      });
    });

    it('waits the Retry-After when longer than the backoff, capped at maxDelayMs', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const second = cold('-#', undefined, new Transient(3_600_000));
        const third = cold('-A|');
        const { poll$ } = pollOf([cold('-#', undefined, new Transient(20)), second, third]);

        // Failure at 1 + Retry-After 20 = 21; failure at 22 + an hour capped at 30 = 52.
        expectObservable(poll$).toBe('53ms (A|)');
        expectSubscriptions(second.subscriptions).toBe('21ms ^!');
        expectSubscriptions(third.subscriptions).toBe('52ms ^!');
      });
    });

    it('ends at once with a permanent error, without retrying', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const error = new Permanent('forbidden');
        const { poll$, sent } = pollOf([cold('-I|'), cold('-#', undefined, error), cold('-I|')]);

        expectObservable(poll$).toBe('-I----#', undefined, error);
        testScheduler.flush();

        expect(sent()).toBe(2);
      });
    });

    it('starts the backoff again from the base delay after an answer', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const error = new Transient();
        const fourth = cold('-#', undefined, error);
        const fifth = cold('-A|');
        const requests = [cold('-#', undefined, error), cold('-#', undefined, error)];
        const { poll$ } = pollOf([...requests, cold('-I|'), fourth, fifth]);

        // Retries at 4 and 11; 'I' at 12; next request at 16 fails at 17 and waits 3, not 12.
        expectObservable(poll$).toBe('------------I--------(A|)');
        expectSubscriptions(fourth.subscriptions).toBe('----------------^!');
        expectSubscriptions(fifth.subscriptions).toBe('--------------------^!');
      });
    });

    it('never retries past the deadline: the deadline error wins, with the last failure', () => {
      testScheduler.run(({ cold, expectObservable, time }) => {
        const error = new Transient();
        const { poll$, sent, timeouts } = pollOf(
          [cold('-#', undefined, error), cold('-#', undefined, error), cold('-A|')],
          { deadlineMs: time('---------|') },
        );

        // The second failure, at 5, would retry at 11: the deadline at 9 comes first.
        expectObservable(poll$).toBe('---------#', undefined, deadlineError);
        testScheduler.flush();

        expect(sent()).toBe(2);
        expect(timeouts).toEqual([{ attempts: 2, elapsedMs: 9, lastError: error }]);
      });
    });

    it('does not wait out a Retry-After longer than the time left', () => {
      testScheduler.run(({ cold, expectObservable, time }) => {
        const error = new Transient(20);
        const { poll$, sent, timeouts } = pollOf([cold('-I|'), cold('-#', undefined, error)], {
          deadlineMs: time('---------|'),
        });

        expectObservable(poll$).toBe('-I-------#', undefined, deadlineError);
        testScheduler.flush();

        expect(sent()).toBe(2);
        expect(timeouts).toEqual([{ attempts: 2, elapsedMs: 9, lastValue: 'I', lastError: error }]);
      });
    });

    it('does not blame an earlier failure once an answer came', () => {
      testScheduler.run(({ cold, expectObservable, time }) => {
        const { poll$, timeouts } = pollOf([cold('-#', undefined, new Transient()), cold('-I|')], {
          deadlineMs: time('--------|'),
        });

        expectObservable(poll$).toBe('-----I--#', undefined, deadlineError);
        testScheduler.flush();

        expect(timeouts).toEqual([{ attempts: 2, elapsedMs: 8, lastValue: 'I' }]);
        expect(timeouts[0]).not.toHaveProperty('lastError');
      });
    });
  });

  describe('teardown', () => {
    it('cancels the request in flight when unsubscribed, leaving nothing scheduled', () => {
      testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const second = cold('-----I|');
        const { poll$, sent } = pollOf([cold('-I|'), second, cold('-A|')]);
        let pendingAfterUnsubscribe: unknown[] | undefined;

        expectObservable(poll$, '^------!').toBe('-I------');
        expectSubscriptions(second.subscriptions).toBe('-----^-!');
        testScheduler.schedule(() => {
          pendingAfterUnsubscribe = [...testScheduler.actions];
        }, 7);
        testScheduler.flush();

        expect(pendingAfterUnsubscribe).toEqual([]);
        expect(sent()).toBe(2);
      });
    });

    it.each([
      ['for the next request', '-I|', '-I-'],
      ['to retry a transient failure', '-#', '---'],
    ])('leaves nothing scheduled when unsubscribed while waiting %s', (_, first, expected) => {
      testScheduler.run(({ cold, expectObservable }) => {
        const { poll$, sent } = pollOf([cold(first, undefined, new Transient()), cold('-A|')]);
        let pendingAfterUnsubscribe: unknown[] | undefined;

        expectObservable(poll$, '^--!').toBe(expected);
        testScheduler.schedule(() => {
          pendingAfterUnsubscribe = [...testScheduler.actions];
        }, 3);
        testScheduler.flush();

        expect(pendingAfterUnsubscribe).toEqual([]);
        expect(sent()).toBe(1);
      });
    });
  });

  describe('logging', () => {
    it('logs each attempt, each answer and each retry delay on [poll] lines', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const debug = jest.fn();
        const { poll$ } = pollOf(
          [cold('-#', undefined, new Transient()), cold('-I|'), cold('-A|')],
          {
            logger: { debug },
            describe: (status) => `status ${status}`,
          },
        );

        expectObservable(poll$).toBe('-----I----(A|)');
        testScheduler.flush();

        expect(debug.mock.calls.map(([line]) => line)).toEqual([
          '[poll] attempt 1',
          '[poll] Transient; retry 1 in 3 ms',
          '[poll] attempt 2',
          '[poll] attempt 2 answered: status I',
          '[poll] attempt 3',
          '[poll] attempt 3 answered: status A',
        ]);
      });
    });

    it('logs the deadline with the number of attempts', () => {
      testScheduler.run(({ cold, expectObservable }) => {
        const debug = jest.fn();
        const { poll$ } = pollOf([cold('------I|')], { logger: { debug }, deadlineMs: 2 });

        expectObservable(poll$).toBe('--#', undefined, deadlineError);
        testScheduler.flush();

        expect(debug).toHaveBeenLastCalledWith('[poll] deadline reached (attempts: 1)', {
          attempts: 1,
        });
      });
    });
  });
});
