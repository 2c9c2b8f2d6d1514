import { InvalidArgumentError as CommanderArgumentError, type Command } from 'commander';

import { InvalidArgumentError } from '../../errors';
import {
  parseFaultSpec,
  startSimulator,
  type FaultOptions,
  type SimulatorHandle,
} from '../../simulator';
import type { CliContext } from '../CliContext';
import { parseNonNegativeInteger } from '../options';
import { runAction } from '../runAction';

interface SimulateFlags {
  readonly port?: number;
  readonly approveAfterMs?: number;
  readonly fault?: FaultOptions;
  readonly sessionTtlMs?: number;
}

/**
 * Adds `simulate`: run the local Fastn API simulator in the foreground until Ctrl-C or SIGTERM.
 *
 * Its URL, space id and API key go to stdout as `NAME=value` lines, ready for `export` or an
 * `.env` file; they belong to a local fake, so printing the key is safe. One line per request goes
 * to stderr.
 *
 * @param program - The `fastn-auth` program.
 * @param context - The process's streams, environment and interrupt signal.
 */
export function registerSimulate(program: Command, context: CliContext): void {
  program
    .command('simulate')
    .description('run a local simulator of the Fastn API, with a consent page, until stopped')
    .option('--port <n>', 'TCP port on 127.0.0.1 (default 0: a free one)', parsePort)
    .option(
      '--approve-after-ms <n>',
      'approve each session this long after it starts (default: wait for the consent page)',
      parseNonNegativeInteger,
    )
    .option(
      '--fault <spec>',
      'inject failures, such as latency=50-200,error=0.2 (see docs/cli.md)',
      parseFault,
    )
    .option(
      '--session-ttl-ms <n>',
      'how long a session may stay pending (default 600000)',
      parseNonNegativeInteger,
    )
    .action((flags: SimulateFlags) =>
      runAction(
        context,
        () => ({ json: false, secrets: [] }),
        () => simulate(context, flags),
      ),
    );
}

async function simulate(context: CliContext, flags: SimulateFlags): Promise<void> {
  const simulator = await listen(context, flags);

  context.stdout.write(
    `FASTN_BASE_URL=${simulator.url}\n` +
      `FASTN_SPACE_ID=${simulator.spaceId}\n` +
      `FASTN_API_KEY=${simulator.apiKey}\n`,
  );
  context.stderr.write(`Fastn API simulator listening on ${simulator.url}; Ctrl-C stops it.\n`);

  // The server keeps the process alive; the interrupt signal is what ends the command.
  await new Promise<void>((resolve) => {
    if (context.signal.aborted) resolve();
    else context.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await simulator.close();
  context.stderr.write('Simulator stopped.\n');
}

async function listen(context: CliContext, flags: SimulateFlags): Promise<SimulatorHandle> {
  try {
    return await startSimulator({
      ...(flags.port !== undefined && { port: flags.port }),
      ...(flags.approveAfterMs !== undefined && { approveAfterMs: flags.approveAfterMs }),
      ...(flags.fault !== undefined && { faults: flags.fault }),
      ...(flags.sessionTtlMs !== undefined && { sessionTtlMs: flags.sessionTtlMs }),
      logger: (line) => context.stderr.write(`${line}\n`),
    });
  } catch (error) {
    // A port taken by another program is a choice the person made with --port, not a fault of
    // the simulator: say which port, with the usage exit code, so they pick another.
    if (flags.port !== undefined && isAddressInUse(error)) {
      throw new InvalidArgumentError('port', `port ${flags.port} is already in use`);
    }
    throw error;
  }
}

function isAddressInUse(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
}

function parsePort(value: string): number {
  const port = parseNonNegativeInteger(value);
  if (port > 65_535) throw new CommanderArgumentError('expected a port from 0 to 65535.');
  return port;
}

function parseFault(value: string): FaultOptions {
  try {
    return parseFaultSpec(value);
  } catch (error) {
    throw new CommanderArgumentError(error instanceof Error ? error.message : String(error));
  }
}
