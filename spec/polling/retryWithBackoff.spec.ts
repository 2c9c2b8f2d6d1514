import { defer } from 'rxjs';
import type { Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';

import { retryWithBackoff } from '../../lib/polling/retryWithBackoff';
import type { RetryWithBackoffOptions } from '../../lib/polling/retryWithBackoff';
import { isTransient, Permanent, retryAfterMs, Transient } from './failures';

/** Hands out the given attempts in order, one per subscription. */
function attemptsOf<T>(attempts: Observable<T>[]): { source: Observable<T>; sent: () => number } {
  let sent = 0;
  const source = defer(() => {
    const next = attempts[sent];
    sent += 1;
    if (!next) throw new Error(`unexpected attempt ${sent}`);
    return next;
  });
  return { source, sent: () => sent };
}

describe('retryWithBackoff', () => {
  let testScheduler: TestScheduler;

  // baseDelayMs 4 with random 0.5 gives waits of 3, 6, 12 ... frames (equal jitter: 3/4 ceiling).
  const options = (overrides: Partial<RetryWithBackoffOptions> = {}): RetryWithBackoffOptions => ({
    policy: { baseDelayMs: 4, maxDelayMs: 30, random: () => 0.5 },
    isTransient,
    retryAfterMs,
    scheduler: testScheduler,
    ...overrides,
  });

  beforeEach(() => {
    testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('retries transient failures after 3, 6 and 12 frames, then mirrors the answer', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const error = new Transient();
      const first = cold('-#', undefined, error);
      const second = cold('-#', undefined, error);
      const third = cold('-#', undefined, error);
      const fourth = cold('-(a|)');
      const { source } = attemptsOf([first, second, third, fourth]);

      expectObservable(source.pipe(retryWithBackoff(options()))).toBe(
        '-------------------------(a|)',
      );
      expectSubscriptions(first.subscriptions).toBe('^!');
      expectSubscriptions(second.subscriptions).toBe('----^!');
      expectSubscriptions(third.subscriptions).toBe('-----------^!');
      expectSubscriptions(fourth.subscriptions).toBe('------------------------^!');
    });
  });

  it('delivers a permanent error at once, without retrying', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const error = new Permanent('denied');
      const { source, sent } = attemptsOf([cold('--#', undefined, error)]);

      expectObservable(source.pipe(retryWithBackoff(options()))).toBe('--#', undefined, error);
      testScheduler.flush();
      expect(sent()).toBe(1);
    });
  });

  it('waits the Retry-After when it is longer than the backoff, capped at maxDelayMs', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const first = cold('-#', undefined, new Transient(20));
      const second = cold('-#', undefined, new Transient(3_600_000));
      const third = cold('-(a|)');
      const { source } = attemptsOf([first, second, third]);

      // 1 + 20 (Retry-After) = 21; 22 + 30 (an hour, capped at maxDelayMs) = 52.
      expectObservable(source.pipe(retryWithBackoff(options()))).toBe('53ms (a|)');
      expectSubscriptions(second.subscriptions).toBe('21ms ^!');
      expectSubscriptions(third.subscriptions).toBe('52ms ^!');
    });
  });

  it('starts again from the base delay after the source emits a value', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const error = new Transient();
      const first = cold('-#', undefined, error);
      const second = cold('-a#', undefined, error);
      const third = cold('-(b|)');
      const { source } = attemptsOf([first, second, third]);

      // 1 + 3 = 4; the value at 5 resets the count, so the failure at 6 waits 3 again, not 6.
      expectObservable(source.pipe(retryWithBackoff(options()))).toBe('-----a----(b|)');
      expectSubscriptions(third.subscriptions).toBe('---------^!');
    });
  });

  it('gives up with the last transient error once maxAttempts attempts have failed', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const last = new Transient(1);
      const { source, sent } = attemptsOf([
        cold('-#', undefined, new Transient()),
        cold('-#', undefined, new Transient()),
        cold('-#', undefined, last),
        cold('-(a|)'),
      ]);

      expectObservable(source.pipe(retryWithBackoff(options({ maxAttempts: 3 })))).toBe(
        '------------#',
        undefined,
        last,
      );
      testScheduler.flush();
      expect(sent()).toBe(3);
    });
  });

  it('gives up at once when the next wait would reach the deadline', () => {
    testScheduler.run(({ cold, expectObservable, time }) => {
      const last = new Transient();
      const { source, sent } = attemptsOf([
        cold('-#', undefined, new Transient()),
        cold('-#', undefined, last),
        cold('-(a|)'),
      ]);
      // The second failure, at 5, would wait 6 frames: 11 reaches the deadline.
      const deadlineMs = time('-----------|');

      expectObservable(source.pipe(retryWithBackoff(options({ deadlineMs })))).toBe(
        '-----#',
        undefined,
        last,
      );
      testScheduler.flush();
      expect(sent()).toBe(2);
    });
  });

  it('retries when the wait ends just before the deadline', () => {
    testScheduler.run(({ cold, expectObservable, time }) => {
      const { source } = attemptsOf([cold('-#', undefined, new Transient()), cold('-(a|)')]);
      const deadlineMs = time('-----|');

      expectObservable(source.pipe(retryWithBackoff(options({ deadlineMs })))).toBe('-----(a|)');
    });
  });

  it('leaves no timer behind when unsubscribed during a wait', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const { source, sent } = attemptsOf([cold('-#', undefined, new Transient()), cold('-(a|)')]);
      let pendingAfterUnsubscribe: unknown[] | undefined;

      expectObservable(source.pipe(retryWithBackoff(options())), '^-!').toBe('---');
      testScheduler.schedule(() => {
        pendingAfterUnsubscribe = [...testScheduler.actions];
      }, 2);
      testScheduler.flush();

      expect(pendingAfterUnsubscribe).toEqual([]);
      expect(sent()).toBe(1);
    });
  });

  it('logs each retry and its delay under the given prefix, without error messages', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const debug = jest.fn();
      const { source } = attemptsOf([
        cold('-#', undefined, new Transient()),
        cold('-#', undefined, new Permanent('secret-looking message')),
      ]);

      const logged = source.pipe(
        retryWithBackoff(options({ logger: { debug }, logPrefix: '[credentials]' })),
      );
      expectObservable(logged).toBe('-----#', undefined, expect.any(Permanent));
      testScheduler.flush();

      expect(debug.mock.calls.map(([line]) => line)).toEqual([
        '[credentials] Transient; retry 1 in 3 ms',
        '[credentials] Permanent NOPE is permanent; not retried',
      ]);
      expect(JSON.stringify(debug.mock.calls)).not.toContain('secret-looking');
    });
  });
});
