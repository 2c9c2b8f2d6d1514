import { resolveSimulatorOptions } from '../../lib/simulator/SimulatorOptions';

describe('resolveSimulatorOptions', () => {
  it('fills in every default', () => {
    const resolved = resolveSimulatorOptions();

    expect(resolved).toEqual({
      port: 0,
      spaceId: 'sim-space',
      apiKey: 'sim-api-key',
      authToken: 'sim-auth-token',
      basePath: '/api',
      sessionTtlMs: 600_000,
      credentialTtlMs: 3_600_000,
      responseStyle: 'canonical',
      faults: {},
      random: Math.random,
      now: Date.now,
      timers: expect.objectContaining({ setTimeout: expect.any(Function) }),
      logger: expect.any(Function),
    });
    expect(resolved.approveAfterMs).toBeUndefined();
  });

  it('keeps the values it is given', () => {
    const now = () => 0;

    const resolved = resolveSimulatorOptions({
      port: 8080,
      basePath: '',
      approveAfterMs: 0,
      responseStyle: 'wrapped',
      now,
    });

    expect(resolved).toMatchObject({
      port: 8080,
      basePath: '',
      approveAfterMs: 0,
      responseStyle: 'wrapped',
      now,
    });
  });

  it.each([
    [{ port: 70_000 }, 'port: expected an integer from 0 to 65535, got 70000'],
    [{ port: '80' }, 'port: expected an integer from 0 to 65535, got "80"'],
    [{ spaceId: '' }, 'spaceId: expected a trimmed, non-blank string of at most 512 characters'],
    [{ spaceId: 'a\nb' }, 'spaceId: expected a trimmed, non-blank string'],
    [{ basePath: 'api' }, "basePath: expected '' or '/' followed by path segments"],
    [{ basePath: '/api/' }, "basePath: expected '' or '/' followed by path segments"],
    [{ sessionTtlMs: 0 }, 'sessionTtlMs: expected an integer from 1 to 2147483647, got 0'],
    [{ credentialTtlMs: 1.5 }, 'credentialTtlMs: expected an integer from 1 to 2147483647'],
    [{ approveAfterMs: -1 }, 'approveAfterMs: expected an integer from 0 to 2147483647, got -1'],
    [{ responseStyle: 'camel' }, 'responseStyle: expected one of canonical, snake, wrapped'],
    [{ faults: { drop: 1 } }, 'faults.drop: expected no such option'],
    [{ random: 0.5 }, 'random: expected a function, got 0.5'],
    [{ now: 'now' }, 'now: expected a function, got "now"'],
    [{ timers: {} }, 'timers.setTimeout: expected a function, got undefined'],
    [{ logger: console }, 'logger: expected a function, got a object'],
    [{ prot: 80 }, 'prot: expected no such option'],
  ])('rejects %p naming the field', (options, message) => {
    expect(() => resolveSimulatorOptions(options)).toThrow(`Invalid simulator option ${message}`);
  });

  it('never shows a bad API key or token in its message', () => {
    expect(() => resolveSimulatorOptions({ apiKey: ' secret-key ' })).toThrow(
      'Invalid simulator option apiKey: expected a trimmed, non-blank string of at most 512 ' +
        'characters, got a string',
    );
    expect(() => resolveSimulatorOptions({ authToken: 'secret\n' })).toThrow(/got a string$/);
  });

  it('rejects options that are not an object', () => {
    expect(() => resolveSimulatorOptions(42)).toThrow(
      'Invalid simulator option options: expected an object, got 42',
    );
  });
});
