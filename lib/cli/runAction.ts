import type { CliContext } from './CliContext';
import { isDebug } from './CliContext';
import type { ExitCode } from './exitCodes';
import { exitCodeFor } from './exitCodes';
import { reportError } from './output';

/**
 * An error a command has already printed; `run` only turns it into the exit code.
 *
 * @internal
 */
export class ReportedError extends Error {
  override readonly name = 'ReportedError';

  constructor(readonly exitCode: ExitCode) {
    super(`command failed with exit code ${exitCode}`);
  }
}

/** How {@link runAction} reports a failure of the command it runs. */
export interface ActionReporting {
  /** `--json` was given. */
  readonly json: boolean;
  /** The API key or token in use, kept out of any message printed. */
  readonly secrets: readonly (string | undefined)[];
}

/**
 * Runs a command's body, printing its error the way the command was asked to (text or JSON).
 *
 * @param context - The process's streams and environment.
 * @param reporting - JSON mode and the secrets to scrub, as known once the body has run.
 * @param body - The command's work.
 * @returns When the body succeeded.
 * @throws {@link ReportedError} carrying the exit code, once the error is printed.
 */
export async function runAction(
  context: CliContext,
  reporting: () => ActionReporting,
  body: () => Promise<void>,
): Promise<void> {
  try {
    await body();
  } catch (error) {
    const { json, secrets } = reporting();
    reportError(context, error, { json, secrets, debug: isDebug(context.env) });
    throw new ReportedError(exitCodeFor(error));
  }
}
