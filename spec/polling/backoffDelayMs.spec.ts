import fc from 'fast-check';

import { backoffDelayMs } from '../../lib/polling/backoffDelayMs';
import type { RetryPolicy } from '../../lib/polling/backoffDelayMs';

const policy = (random: number, overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  random: () => random,
  ...overrides,
});

describe('backoffDelayMs', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('gives the values of its documented example', () => {
    const example = { baseDelayMs: 500, maxDelayMs: 30_000, random: () => 0.5 };

    expect(backoffDelayMs(1, example)).toBe(375);
    expect(backoffDelayMs(3, example)).toBe(1500);
    expect(backoffDelayMs(1, example, 5_000)).toBe(5000);
  });

  it('doubles the ceiling with each retry, starting from baseDelayMs', () => {
    const delays = [1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, policy(0.999_999)));

    expect(delays).toEqual([100, 200, 400, 800]);
  });

  it('spreads the wait with equal jitter between half the ceiling and the ceiling', () => {
    expect(backoffDelayMs(3, policy(0))).toBe(200);
    expect(backoffDelayMs(3, policy(0.5))).toBe(300);
    expect(backoffDelayMs(3, policy(0.25))).toBe(250);
  });

  it('caps the ceiling at maxDelayMs', () => {
    expect(backoffDelayMs(5, policy(0.5))).toBe(750);
    expect(backoffDelayMs(40, policy(0.999_999))).toBe(1_000);
  });

  it('stays finite for an attempt so large that 2^n overflows', () => {
    expect(backoffDelayMs(1_000_000, policy(0.5))).toBe(750);
  });

  it('treats attempt 0 or below as the first retry', () => {
    expect(backoffDelayMs(0, policy(0.5))).toBe(75);
    expect(backoffDelayMs(-3, policy(0.5))).toBe(75);
  });

  it('waits at least the Retry-After when it is longer than the backoff', () => {
    expect(backoffDelayMs(1, policy(0.5), 600)).toBe(600);
  });

  it('keeps the backoff when the Retry-After is shorter', () => {
    expect(backoffDelayMs(4, policy(0.5), 10)).toBe(600);
  });

  it('caps the Retry-After at maxDelayMs', () => {
    expect(backoffDelayMs(1, policy(0.5), 3_600_000)).toBe(1_000);
  });

  it.each([-5, Number.NaN, Number.POSITIVE_INFINITY])('ignores a Retry-After of %p', (value) => {
    expect(backoffDelayMs(1, policy(0.5), value)).toBe(75);
  });

  it('draws from Math.random when the policy has no random', () => {
    const random = jest.spyOn(Math, 'random').mockReturnValue(0);

    expect(backoffDelayMs(2, { baseDelayMs: 100, maxDelayMs: 1_000 })).toBe(100);
    expect(random).toHaveBeenCalledTimes(1);
  });

  it('keeps the wait within its ceiling when random strays out of [0, 1)', () => {
    expect(backoffDelayMs(1, policy(7))).toBe(100);
    expect(backoffDelayMs(1, policy(-7))).toBe(50);
    expect(backoffDelayMs(1, policy(Number.NaN))).toBe(50);
  });

  it('always returns a whole number of ms between the Retry-After floor and maxDelayMs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 200 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: 120_000 }), { nil: undefined }),
        (attempt, baseDelayMs, extraMs, random, retryAfterMs) => {
          const maxDelayMs = baseDelayMs + extraMs;
          const delay = backoffDelayMs(
            attempt,
            { baseDelayMs, maxDelayMs, random: () => random },
            retryAfterMs,
          );

          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(Math.min(retryAfterMs ?? 0, maxDelayMs));
          expect(delay).toBeLessThanOrEqual(maxDelayMs);
        },
      ),
    );
  });
});
