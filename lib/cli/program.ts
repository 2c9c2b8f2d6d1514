import { Command, CommanderError } from 'commander';

import { version } from '../../package.json';
import { registerConnect } from './commands/connect';
import { registerCredentials } from './commands/credentials';
import { registerSimulate } from './commands/simulate';
import { registerStatus } from './commands/status';
import { EXIT_CODE_HELP, ExitCode, exitCodeFor } from './exitCodes';
import type { CliContext } from './CliContext';
import { isDebug } from './CliContext';
import { errorJson, reportError, writeJsonLine } from './output';
import { ReportedError } from './runAction';

/**
 * Builds the `fastn-auth` program: its commands, help text and commander's output settings.
 *
 * Commander never exits the process itself (`exitOverride`): parse errors come back as
 * exceptions so {@link run} chooses the exit code.
 *
 * @param context - The process's streams, environment and interrupt signal.
 * @returns A commander program, ready for `parseAsync`.
 */
export function createProgram(context: CliContext): Command {
  const program = new Command('fastn-auth')
    .description('Authorize Fastn connectors and read their credentials from the command line.')
    .version(version)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.stdout.write(text),
      writeErr: (text) => context.stderr.write(text),
      outputError: (text, write) => write(`fastn-auth: ${text.replace(/^error: /, '')}`),
    })
    .addHelpText('after', EXIT_CODE_HELP);

  // Subcommands made with `.command()` inherit exitOverride and configureOutput from here.
  registerConnect(program, context);
  registerCredentials(program, context);
  registerStatus(program, context);
  registerSimulate(program, context);
  return program;
}

/**
 * Runs the CLI on an argument vector and returns the exit code; it never calls `process.exit`.
 *
 * @param argv - `process.argv`: node's path, the script's path, then the arguments.
 * @param context - The process's streams, environment and interrupt signal.
 * @returns One of {@link ExitCode}.
 */
export async function run(argv: readonly string[], context: CliContext): Promise<ExitCode> {
  try {
    await createProgram(context).parseAsync(argv);
    return ExitCode.SUCCESS;
  } catch (error) {
    if (error instanceof ReportedError) return error.exitCode;

    // Commander has printed its own parse errors already; a script asking for JSON still gets
    // its one object on stdout.
    const code = exitCodeFor(error);
    if (error instanceof CommanderError) {
      if (code !== ExitCode.SUCCESS && argv.includes('--json')) {
        writeJsonLine(context.stdout, errorJson(error, []));
      }
      return code;
    }

    reportError(context, error, {
      json: argv.includes('--json'),
      debug: isDebug(context.env),
      secrets: [],
    });
    return code;
  }
}
