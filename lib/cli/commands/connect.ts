import type { Command } from 'commander';
import open from 'open';

import { InvalidArgumentError } from '../../errors';
import type { AuthSession } from '../../promise';
import type { AuthResult } from '../../types';
import type { CliContext } from '../CliContext';
import { connectionConfig } from '../config';
import { createClient, type PollingFlags } from '../createClient';
import { startLocalApi, type LocalApi } from '../localApi';
import {
  addConnectionOptions,
  addConnectorOptions,
  addJsonOption,
  connectorParams,
  parseNonNegativeInteger,
  type ConnectionFlags,
  type ConnectorFlags,
} from '../options';
import { printCredentials, writeJsonLine } from '../output';
import { canAnimate, createProgress } from '../progress';
import { runAction } from '../runAction';

/** The simulated user's delay when nobody is at the keyboard (CI, pipes), in milliseconds. */
const UNATTENDED_APPROVE_AFTER_MS = 1_500;

/** The simulated user's delay when a person could click Approve themselves, in milliseconds. */
const INTERACTIVE_APPROVE_AFTER_MS = 20_000;

interface ConnectFlags extends ConnectionFlags, ConnectorFlags, PollingFlags {
  readonly open?: boolean;
  readonly json?: boolean;
  readonly showSecrets?: boolean;
  readonly local?: boolean;
  readonly approveAfterMs?: number;
  readonly deny?: boolean;
}

/**
 * Adds `connect <connectorId>`: start an authorization, show where to approve it, wait for it
 * with progress on stderr, then print the connector's credentials on stdout.
 *
 * @param program - The `fastn-auth` program.
 * @param context - The process's streams, environment and interrupt signal.
 */
export function registerConnect(program: Command, context: CliContext): void {
  const command = program
    .command('connect')
    .description('start an authorization, wait until it is approved, print the credentials')
    .argument('<connectorId>', 'the connector to authorize, such as google-sheets');
  addConnectorOptions(command)
    .option(
      '--interval-ms <n>',
      'time between status requests (default 2000)',
      parseNonNegativeInteger,
    )
    .option(
      '--timeout-ms <n>',
      'how long to wait; also bounds the retries of the start (default 300000)',
      parseNonNegativeInteger,
    )
    .option('--open', 'open the consent URL in the default browser');
  addJsonOption(command)
    .option('--show-secrets', 'print tokens and secret values instead of redacting them')
    .option('--local', 'run against an embedded simulator, no account needed')
    .option(
      '--approve-after-ms <n>',
      'with --local: when the simulated user decides; 0 at once (default ' +
        `${UNATTENDED_APPROVE_AFTER_MS}, or ${INTERACTIVE_APPROVE_AFTER_MS} at a terminal)`,
      parseNonNegativeInteger,
    )
    .option('--deny', 'with --local: the simulated user denies instead');
  addConnectionOptions(command).action((connectorId: string, flags: ConnectFlags) =>
    runAction(
      context,
      () => ({ json: flags.json === true, secrets: [flags.apiKey, flags.authToken] }),
      () => connect(context, command, connectorId, flags),
    ),
  );
}

async function connect(
  context: CliContext,
  command: Command,
  connectorId: string,
  flags: ConnectFlags,
): Promise<void> {
  checkLocalOnlyFlags(flags);
  const local = flags.local === true ? await startLocalApi() : undefined;

  // Whatever happens below, the embedded simulator must stop, or the process would not exit.
  try {
    // The flags also bound initialize, whose transient failures are retried within the timeout.
    const client = createClient(context, local?.config ?? connectionConfig(command), flags);
    const session = await client.initialize(connectorParams(connectorId, flags), {
      signal: context.signal,
    });

    announce(context, session, flags.json === true);
    if (local !== undefined) startSimulatedUser(context, local, session.id, flags);
    if (flags.open === true) await openInBrowser(context, session.redirectUrl);

    const result = await waitWithProgress(context, session, flags);
    printCredentials(context.stdout, {
      connectorId,
      status: result.status,
      credentials: result.credentials,
      json: flags.json === true,
      showSecrets: flags.showSecrets === true,
    });
  } finally {
    await local?.close();
  }
}

function checkLocalOnlyFlags(flags: ConnectFlags): void {
  if (flags.local === true) return;
  if (flags.deny === true) throw new InvalidArgumentError('deny', '--deny needs --local');
  if (flags.approveAfterMs !== undefined) {
    throw new InvalidArgumentError('approveAfterMs', '--approve-after-ms needs --local');
  }
}

function announce(context: CliContext, session: AuthSession, json: boolean): void {
  if (json) {
    writeJsonLine(context.stderr, {
      event: 'initialized',
      sessionId: session.id,
      stateKey: session.stateKey,
      redirectUrl: session.redirectUrl,
    });
  } else {
    context.stderr.write(`Open this URL to authorize: ${session.redirectUrl}\n`);
  }
}

function startSimulatedUser(
  context: CliContext,
  local: LocalApi,
  sessionId: string,
  flags: ConnectFlags,
): void {
  const delayMs =
    flags.approveAfterMs ??
    (context.stdinIsTTY ? INTERACTIVE_APPROVE_AFTER_MS : UNATTENDED_APPROVE_AFTER_MS);
  const decision = flags.deny === true ? 'deny' : 'approve';
  local.decideLater(sessionId, decision, delayMs);

  if (flags.json !== true) {
    const invitation = context.stdinIsTTY
      ? '; open the URL to approve or deny it yourself first'
      : '';
    context.stderr.write(
      `Local simulator: a simulated user will ${decision} in ${delayMs / 1000} s${invitation}.\n`,
    );
  }
}

async function openInBrowser(context: CliContext, url: string): Promise<void> {
  // Not being able to open a browser (no display, no xdg-open) must not end the command: the
  // URL is printed already and the user can open it by hand.
  try {
    const child = await open(url);
    child.on('error', () => undefined);
  } catch {
    context.stderr.write('fastn-auth: could not open a browser; open the URL above by hand\n');
  }
}

async function waitWithProgress(
  context: CliContext,
  session: AuthSession,
  flags: ConnectFlags,
): Promise<AuthResult> {
  const progress = createProgress({
    stream: context.stderr,
    interactive: canAnimate(context.stdout, context.stderr, context.env),
    json: flags.json === true,
  });

  // Every status the wait hears reaches the display, INACTIVE included, so it follows the
  // session live. The interval and the timeout are the client's (--interval-ms, --timeout-ms).
  try {
    return await session.waitForCompletion({
      onStatus: ({ status }) => progress.status(status),
      signal: context.signal,
    });
  } finally {
    // Whatever ended the wait, the spinner's timer must stop or the process would not exit.
    progress.stop();
  }
}
