import { Command, InvalidArgumentError as CommanderArgumentError, Option } from 'commander';

import type { ConnectorParams } from '../types';

/** The flags every command that talks to the API accepts; each falls back to its env variable. */
export interface ConnectionFlags {
  readonly spaceId?: string;
  readonly apiKey?: string;
  readonly authToken?: string;
  readonly baseUrl?: string;
}

/** The flags that say which connector, and for whom. */
export interface ConnectorFlags {
  readonly org?: string;
  readonly tenant?: string;
  readonly connection?: string;
}

/**
 * Parses a flag's value as a whole number of milliseconds (or a port), refusing anything else
 * with a message commander prints as a usage error.
 *
 * @param value - The flag's text.
 * @returns The number, an integer `>= 0`.
 * @throws commander's `InvalidArgumentError` for text that is not a non-negative integer.
 */
export function parseNonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new CommanderArgumentError('expected a whole number >= 0.');
  }
  return Number(value);
}

/**
 * Adds `--space-id`, `--api-key`, `--auth-token` and `--base-url`, read from `FASTN_SPACE_ID`,
 * `FASTN_API_KEY`, `FASTN_AUTH_TOKEN` and `FASTN_BASE_URL` when the flag is absent.
 *
 * @param command - The command to extend.
 * @returns The same command, for chaining.
 */
export function addConnectionOptions(command: Command): Command {
  return command
    .addOption(new Option('--space-id <id>', 'Fastn space (workspace) id').env('FASTN_SPACE_ID'))
    .addOption(
      new Option('--api-key <key>', 'API key (prefer the env variable: flags show up in ps)').env(
        'FASTN_API_KEY',
      ),
    )
    .addOption(
      new Option('--auth-token <token>', 'bearer token, instead of an API key').env(
        'FASTN_AUTH_TOKEN',
      ),
    )
    .addOption(
      new Option('--base-url <url>', 'API root (default https://live.fastn.ai/api)').env(
        'FASTN_BASE_URL',
      ),
    );
}

/**
 * Adds `--org`, `--tenant` and `--connection`.
 *
 * @param command - The command to extend.
 * @returns The same command, for chaining.
 */
export function addConnectorOptions(command: Command): Command {
  return command
    .option('--org <id>', "connector's org id (default community)")
    .option('--tenant <id>', 'tenant the connection belongs to')
    .option('--connection <id>', 'connection id, when a tenant has several');
}

/**
 * Adds `--json`: the result as exactly one JSON object on stdout.
 *
 * @param command - The command to extend.
 * @returns The same command, for chaining.
 */
export function addJsonOption(command: Command): Command {
  return command.option('--json', 'print the result as one JSON object on stdout');
}

/**
 * The SDK's connector parameters from a command's argument and `--org`, `--tenant`,
 * `--connection`; absent flags stay absent so the SDK's defaults apply.
 *
 * @param connectorId - The command's `<connectorId>` argument.
 * @param flags - The parsed flags.
 * @returns Parameters for `initialize` or `getCredentials`.
 */
export function connectorParams(connectorId: string, flags: ConnectorFlags): ConnectorParams {
  return {
    connectorId,
    ...(flags.org !== undefined && { orgId: flags.org }),
    ...(flags.tenant !== undefined && { tenantId: flags.tenant }),
    ...(flags.connection !== undefined && { connectionId: flags.connection }),
  };
}
