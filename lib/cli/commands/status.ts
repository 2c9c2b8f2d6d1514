import type { Command } from 'commander';

import type { CliContext } from '../CliContext';
import { connectionConfig } from '../config';
import { createClient } from '../createClient';
import {
  addConnectionOptions,
  addJsonOption,
  type ConnectionFlags,
  type ConnectorFlags,
} from '../options';
import { writeJsonLine } from '../output';
import { runAction } from '../runAction';

interface StatusFlags extends ConnectionFlags, Pick<ConnectorFlags, 'tenant' | 'connection'> {
  readonly session: string;
  readonly stateKey: string;
  readonly json?: boolean;
}

/**
 * The parts of a saved session state that a single status request does not read. `resume()`
 * wants a whole state, while this command is given only the id and the state key; these stand
 * in for the rest and never reach the wire.
 */
const UNUSED_STATE = {
  version: 1,
  redirectUrl: 'http://127.0.0.1/',
  connectorId: 'unknown',
  orgId: 'community',
} as const;

/**
 * Adds `status --session <id> --state-key <key>`: ask for an authorization's status once and
 * print it (`status` and, when the server gave one, `errorMessage`).
 *
 * The exit code is 0 whatever the status: the request succeeded. Scripts read the status from
 * the output (`--json`).
 *
 * @param program - The `fastn-auth` program.
 * @param context - The process's streams, environment and interrupt signal.
 */
export function registerStatus(program: Command, context: CliContext): void {
  const command = program
    .command('status')
    .description("ask once for an authorization's status")
    .requiredOption('--session <id>', 'the session id that connect printed')
    .requiredOption('--state-key <key>', 'the state key that connect printed')
    .option('--tenant <id>', 'tenant the connection belongs to')
    .option('--connection <id>', 'connection id, when a tenant has several');
  addJsonOption(command);
  addConnectionOptions(command).action((flags: StatusFlags) =>
    runAction(
      context,
      () => ({ json: flags.json === true, secrets: [flags.apiKey, flags.authToken] }),
      async () => {
        const client = createClient(context, connectionConfig(command));
        const session = client.resume({
          ...UNUSED_STATE,
          id: flags.session,
          stateKey: flags.stateKey,
          ...(flags.tenant !== undefined && { tenantId: flags.tenant }),
          ...(flags.connection !== undefined && { connectionId: flags.connection }),
        });
        const status = await session.getStatus({ signal: context.signal });

        if (flags.json === true) {
          writeJsonLine(context.stdout, status);
          return;
        }
        context.stdout.write(`status        ${status.status}\n`);
        if (status.errorMessage !== undefined) {
          context.stdout.write(`errorMessage  ${status.errorMessage}\n`);
        }
      },
    ),
  );
}
