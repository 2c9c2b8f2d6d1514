import { Command } from 'commander';

import { connectionConfig } from '../../lib/cli/config';
import { addConnectionOptions } from '../../lib/cli/options';
import { InvalidArgumentError } from '../../lib/errors';

const NAMES = ['FASTN_SPACE_ID', 'FASTN_API_KEY', 'FASTN_AUTH_TOKEN', 'FASTN_BASE_URL'];

/** Parses flags with the given environment, as commander reads it from process.env. */
function configFor(flags: string[], env: Record<string, string>) {
  const saved = NAMES.map((name) => [name, process.env[name]] as const);
  for (const name of NAMES) delete process.env[name];
  Object.assign(process.env, env);
  try {
    const command = addConnectionOptions(new Command('test').exitOverride());
    command.parse(flags, { from: 'user' });
    return connectionConfig(command);
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

describe('connectionConfig', () => {
  it('reads every setting from the environment', () => {
    const env = { FASTN_SPACE_ID: 's', FASTN_API_KEY: 'k', FASTN_BASE_URL: 'http://127.0.0.1/api' };

    expect(configFor([], env)).toEqual({
      spaceId: 's',
      apiKey: 'k',
      baseUrl: 'http://127.0.0.1/api',
    });
  });

  it('lets flags win over the environment', () => {
    const env = { FASTN_SPACE_ID: 'env-space', FASTN_API_KEY: 'env-key' };

    expect(configFor(['--space-id', 'flag-space', '--api-key', 'flag-key'], env)).toEqual({
      spaceId: 'flag-space',
      apiKey: 'flag-key',
    });
  });

  it('uses a token given as a flag over an API key from the environment', () => {
    const env = { FASTN_SPACE_ID: 's', FASTN_API_KEY: 'env-key' };

    expect(configFor(['--auth-token', 't'], env)).toEqual({ spaceId: 's', authToken: 't' });
  });

  it('refuses an API key and a token from the same place', () => {
    const env = { FASTN_SPACE_ID: 's', FASTN_API_KEY: 'k', FASTN_AUTH_TOKEN: 't' };

    expect(() => configFor([], env)).toThrow(/both FASTN_API_KEY and FASTN_AUTH_TOKEN are set/);
    expect(() =>
      configFor(['--api-key', 'k', '--auth-token', 't'], { FASTN_SPACE_ID: 's' }),
    ).toThrow(/only one of --api-key and --auth-token/);
  });

  it('names every missing variable and its flag in one message', () => {
    const missing = () => configFor([], {});

    expect(missing).toThrow(InvalidArgumentError);
    expect(missing).toThrow(/^missing configuration: set FASTN_SPACE_ID \(or --space-id\) and /);
    expect(missing).toThrow(/ and FASTN_API_KEY \(or --api-key/);
  });

  it('treats an empty variable as unset', () => {
    expect(() => configFor([], { FASTN_SPACE_ID: 's', FASTN_API_KEY: '' })).toThrow(
      /^missing configuration: set FASTN_API_KEY/,
    );
  });
});
