import type { OutputStreams } from './output';

/** What a command may touch of the process it runs in; `main.ts` fills it from `process`. */
export interface CliContext extends OutputStreams {
  /** stderr as a terminal stream: the spinner needs `isTTY` and cursor control. */
  readonly stderr: NodeJS.WriteStream;
  /** The environment, for `FASTN_DEBUG` (commander reads the `FASTN_*` settings itself). */
  readonly env: NodeJS.ProcessEnv;
  /** Whether a person can type at stdin: interactive runs get longer simulated-approval delays. */
  readonly stdinIsTTY: boolean;
  /** Aborted on Ctrl-C (SIGINT) or SIGTERM: commands stop waiting and clean up. */
  readonly signal: AbortSignal;
}

/**
 * Whether `FASTN_DEBUG=1` asks for stacks on stderr and the SDK's debug lines.
 *
 * @param env - The environment.
 * @returns `true` when debugging output is wanted.
 */
export function isDebug(env: NodeJS.ProcessEnv): boolean {
  return env.FASTN_DEBUG === '1';
}
