import type { Command } from 'commander';

import type { CliContext } from '../CliContext';
import { connectionConfig } from '../config';
import { createClient } from '../createClient';
import {
  addConnectionOptions,
  addConnectorOptions,
  addJsonOption,
  connectorParams,
  parseNonNegativeInteger,
  type ConnectionFlags,
  type ConnectorFlags,
} from '../options';
import { printCredentials } from '../output';
import { runAction } from '../runAction';

interface CredentialsFlags extends ConnectionFlags, ConnectorFlags {
  readonly timeoutMs?: number;
  readonly json?: boolean;
  readonly showSecrets?: boolean;
}

/**
 * Adds `credentials <connectorId>`: read the credentials of a connector that is already
 * connected and print them on stdout.
 *
 * @param program - The `fastn-auth` program.
 * @param context - The process's streams, environment and interrupt signal.
 */
export function registerCredentials(program: Command, context: CliContext): void {
  const command = program
    .command('credentials')
    .description('print the credentials of a connector that is already connected')
    .argument('<connectorId>', 'the connector, such as google-sheets');
  addConnectorOptions(command).option(
    '--timeout-ms <n>',
    'how long to keep retrying transient failures (default 300000)',
    parseNonNegativeInteger,
  );
  addJsonOption(command).option(
    '--show-secrets',
    'print tokens and secret values instead of redacting them',
  );
  addConnectionOptions(command).action((connectorId: string, flags: CredentialsFlags) =>
    runAction(
      context,
      () => ({ json: flags.json === true, secrets: [flags.apiKey, flags.authToken] }),
      async () => {
        const client = createClient(context, connectionConfig(command), flags);
        const credentials = await client.getCredentials(connectorParams(connectorId, flags), {
          signal: context.signal,
        });
        printCredentials(context.stdout, {
          connectorId,
          // The API only serves credentials of a connector whose authorization is active.
          status: 'ACTIVE',
          credentials,
          json: flags.json === true,
          showSecrets: flags.showSecrets === true,
        });
      },
    ),
  );
}
