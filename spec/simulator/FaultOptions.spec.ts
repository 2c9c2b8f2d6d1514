import { validateFaults } from '../../lib/simulator/FaultOptions';

describe('validateFaults', () => {
  it('returns a frozen copy without undefined fields', () => {
    const faults = validateFaults({ latencyMs: [1, 2], dropConnectionRate: 0, paths: undefined });

    expect(faults).toEqual({ latencyMs: [1, 2], dropConnectionRate: 0 });
    expect(Object.isFrozen(faults)).toBe(true);
    expect(Object.isFrozen(faults.latencyMs)).toBe(true);
  });

  it.each([
    [
      { transientErrorRate: 1.5 },
      'faults.transientErrorRate: expected a number from 0 to 1, got 1.5',
    ],
    [{ rateLimitRate: Number.NaN }, 'faults.rateLimitRate: expected a number from 0 to 1, got NaN'],
    [
      { malformedBodyRate: '0.1' },
      'faults.malformedBodyRate: expected a number from 0 to 1, got "0.1"',
    ],
    [{ latencyMs: -1 }, 'faults.latencyMs: expected an integer from 0 to 2147483647, got -1'],
    [{ latencyMs: [5] }, 'faults.latencyMs: expected a number or a [min, max] pair, got an array'],
    [{ latencyMs: [5, 1] }, 'faults.latencyMs[1]: expected an integer from 5 to 2147483647, got 1'],
    [{ retryAfterSeconds: 1.5 }, 'faults.retryAfterSeconds: expected an integer from 0 to 86400'],
    [{ paths: '/ucl/connectorAuth' }, 'faults.paths: expected an array of endpoint paths'],
    [{ paths: ['/ucl/nope'] }, 'faults.paths[0]: expected one of /ucl/connectorAuth/initialize'],
    [{ errorRate: 0.1 }, 'faults.errorRate: expected no such option'],
  ])('rejects %p naming the field', (faults, message) => {
    expect(() => validateFaults(faults)).toThrow(`Invalid simulator option ${message}`);
  });

  it('rejects something that is not an object', () => {
    expect(() => validateFaults(null)).toThrow(
      'Invalid simulator option faults: expected an object, got null',
    );
  });
});
