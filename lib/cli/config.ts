import type { Command } from 'commander';

import { InvalidArgumentError } from '../errors';
import type { ConnectionFlags } from './options';

/** Where the client connects and how it proves who it is, from flags or the environment. */
export interface ConnectionConfig {
  readonly spaceId: string;
  readonly apiKey?: string;
  readonly authToken?: string;
  readonly baseUrl?: string;
}

/**
 * Reads the connection settings of a command whose options came from `addConnectionOptions`.
 *
 * Flags win over env variables (commander records where each value came from). An API key and a
 * token from the same place is ambiguous and refused; one from a flag beats the other from the
 * environment. Empty values count as absent, so `FASTN_API_KEY=` unsets a key.
 *
 * @param command - The parsed command.
 * @returns The settings for the client; exactly one of `apiKey` and `authToken` is set.
 * @throws {@link InvalidArgumentError} naming the env variable and flag to set when the space id or
 *   both secrets are missing, or when both secrets come from the same place.
 */
export function connectionConfig(command: Command): ConnectionConfig {
  const flags = command.opts<ConnectionFlags>();
  const spaceId = present(flags.spaceId);
  const baseUrl = present(flags.baseUrl);
  let apiKey = present(flags.apiKey);
  let authToken = present(flags.authToken);

  const missing = [
    ...(spaceId === undefined ? ['FASTN_SPACE_ID (or --space-id)'] : []),
    ...(apiKey === undefined && authToken === undefined
      ? ['FASTN_API_KEY (or --api-key; FASTN_AUTH_TOKEN / --auth-token for a bearer token)']
      : []),
  ];
  if (spaceId === undefined || missing.length > 0) {
    throw new InvalidArgumentError(
      spaceId === undefined ? 'spaceId' : 'apiKey',
      `missing configuration: set ${missing.join(' and ')}`,
    );
  }

  if (apiKey !== undefined && authToken !== undefined) {
    const keySource = command.getOptionValueSource('apiKey');
    const tokenSource = command.getOptionValueSource('authToken');
    if (keySource === tokenSource) {
      throw new InvalidArgumentError(
        'apiKey',
        keySource === 'env'
          ? 'both FASTN_API_KEY and FASTN_AUTH_TOKEN are set: unset one of them'
          : 'give only one of --api-key and --auth-token',
      );
    }
    if (keySource === 'cli') authToken = undefined;
    else apiKey = undefined;
  }

  return {
    spaceId,
    ...(apiKey !== undefined && { apiKey }),
    ...(authToken !== undefined && { authToken }),
    ...(baseUrl !== undefined && { baseUrl }),
  };
}

function present(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
