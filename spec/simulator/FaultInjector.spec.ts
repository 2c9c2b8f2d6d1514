import { FaultInjector } from '../../lib/simulator/FaultInjector';

/** A random source that answers `values` in turn and records how many it gave. */
function sequence(...values: number[]) {
  const random = jest.fn(() => {
    const next = values.shift();
    if (next === undefined) throw new Error('drew more numbers than the test planned');
    return next;
  });
  return random;
}

describe('FaultInjector', () => {
  it('decides nothing and draws nothing when no fault is on', () => {
    const random = sequence();
    const faults = new FaultInjector({}, random);

    expect(faults.decide()).toEqual({ kind: 'none' });
    expect(faults.corruptsBody()).toBe(false);
    expect(faults.latencyMs()).toBe(0);
    expect(random).not.toHaveBeenCalled();
  });

  it('strikes when the draw is below the rate and not when it equals it', () => {
    const faults = new FaultInjector({ dropConnectionRate: 0.3 }, sequence(0.29, 0.3));

    expect(faults.decide()).toEqual({ kind: 'drop' });
    expect(faults.decide()).toEqual({ kind: 'none' });
  });

  it('rate limits with the configured Retry-After, or 1 second', () => {
    const configured = new FaultInjector({ rateLimitRate: 1, retryAfterSeconds: 7 }, sequence(0));
    const defaulted = new FaultInjector({ rateLimitRate: 1 }, sequence(0));

    expect(configured.decide()).toEqual({ kind: 'rateLimit', retryAfterSeconds: 7 });
    expect(defaulted.decide()).toEqual({ kind: 'rateLimit', retryAfterSeconds: 1 });
  });

  it('draws the latency uniformly between min and max, rounded to a millisecond', () => {
    const faults = new FaultInjector({ latencyMs: [100, 300] }, sequence(0, 0.9999, 0.25));

    expect([faults.latencyMs(), faults.latencyMs(), faults.latencyMs()]).toEqual([100, 300, 150]);
  });

  it('applies to every endpoint unless paths narrows it', () => {
    const everywhere = new FaultInjector({}, sequence());
    const narrowed = new FaultInjector({ paths: ['/ucl/connectorAuth'] }, sequence());

    expect(everywhere.appliesTo('/ucl/connectorAuth/status')).toBe(true);
    expect(narrowed.appliesTo('/ucl/connectorAuth/status')).toBe(false);
    expect(narrowed.appliesTo('/ucl/connectorAuth')).toBe(true);
  });

  it('merges updates into the current faults, and undefined turns a field back off', () => {
    const faults = new FaultInjector({ rateLimitRate: 0.5, latencyMs: 10 }, sequence());

    faults.update({ transientErrorRate: 0.2, latencyMs: undefined });

    expect(faults.current).toEqual({ rateLimitRate: 0.5, transientErrorRate: 0.2 });
  });

  it('keeps its faults when an update is invalid', () => {
    const faults = new FaultInjector({ rateLimitRate: 0.5 }, sequence());

    expect(() => faults.update({ paths: ['/nope'] })).toThrow('setFaults.paths[0]');
    expect(faults.current).toEqual({ rateLimitRate: 0.5 });
  });
});
