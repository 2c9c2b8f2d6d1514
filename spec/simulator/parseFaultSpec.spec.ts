import { parseFaultSpec } from '../../lib/simulator';

describe('parseFaultSpec', () => {
  it('parses every part of a full spec', () => {
    expect(
      parseFaultSpec(
        'latency=100-300,error=0.1,ratelimit=0.05,drop=0.05,malformed=0.01,retry-after=2',
      ),
    ).toEqual({
      latencyMs: [100, 300],
      transientErrorRate: 0.1,
      rateLimitRate: 0.05,
      dropConnectionRate: 0.05,
      malformedBodyRate: 0.01,
      retryAfterSeconds: 2,
    });
  });

  it('reads a single latency as a fixed delay', () => {
    expect(parseFaultSpec('latency=250')).toEqual({ latencyMs: 250 });
  });

  it('ignores spaces, case of names and empty parts', () => {
    expect(parseFaultSpec(' Error = .5 , ,drop=1 ')).toEqual({
      transientErrorRate: 0.5,
      dropConnectionRate: 1,
    });
  });

  it('reads an empty spec as no faults', () => {
    expect(parseFaultSpec('')).toEqual({});
  });

  it.each([
    ['error=2', 'expected a rate from 0 to 1'],
    ['error=-0.1', 'expected a rate from 0 to 1'],
    ['drop=abc', 'expected a rate from 0 to 1'],
    ['latency=300-100', 'expected milliseconds, or min-max with min <= max'],
    ['latency=fast', 'expected milliseconds, or min-max with min <= max'],
    ['retry-after=1.5', 'expected whole seconds from 0 to 86400'],
    ['jitter=5', 'expected name=value with a name among latency, error, ratelimit'],
    ['error', 'expected name=value with a name among'],
  ])('rejects %p naming the part', (part, expected) => {
    expect(() => parseFaultSpec(`ratelimit=0.1,${part}`)).toThrow(
      `Invalid fault spec part ${JSON.stringify(part)}: ${expected}`,
    );
  });

  it('rejects a name given twice', () => {
    expect(() => parseFaultSpec('error=0.1,error=0.2')).toThrow(
      'Invalid fault spec part "error=0.2": error is given more than once',
    );
  });
});
