import { CommanderError } from 'commander';

import {
  isAbortedError,
  isAuthenticationError,
  isInvalidArgumentError,
  isInvalidResponseError,
  isNetworkError,
  isTimeoutError,
} from '../errors';

/**
 * The exit codes of `fastn-auth`. They are part of its interface: scripts branch on them, so they
 * never change between releases.
 */
export const ExitCode = {
  /** The command did what it was asked. */
  SUCCESS: 0,
  /** Something nobody planned for; run with `FASTN_DEBUG=1` to see the stack. */
  UNEXPECTED: 1,
  /** A bad flag or argument, or missing configuration. */
  USAGE: 2,
  /** The authorization ended `FAILED`: denied, or the session expired. */
  AUTH_FAILED: 3,
  /** The wait reached `--timeout-ms` before the authorization finished. */
  TIMEOUT: 4,
  /** The API could not be reached, or answered with an error status. */
  NETWORK: 5,
  /** The API answered with something the contract does not allow. */
  INVALID_RESPONSE: 6,
  /** Interrupted by Ctrl-C or SIGTERM (128 + SIGINT, as shells report Ctrl-C). */
  INTERRUPTED: 130,
} as const;

/** One of the values of {@link ExitCode}. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * Chooses the exit code for an error that ended a command.
 *
 * SDK errors are matched by their stable code. A commander parse error (unknown flag, missing
 * argument, a value its parser refused) is a usage error; commander's own exits after `--help`
 * or `--version` succeed.
 *
 * @param error - Whatever the command threw.
 * @returns The process's exit code; {@link ExitCode.UNEXPECTED} for anything unrecognised.
 * @example
 * ```ts
 * exitCodeFor(new TimeoutError({ attempts: 3, elapsedMs: 1500, timeoutMs: 1500 })); // 4
 * ```
 */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? ExitCode.SUCCESS : ExitCode.USAGE;
  }
  if (isInvalidArgumentError(error)) return ExitCode.USAGE;
  if (isAuthenticationError(error)) return ExitCode.AUTH_FAILED;
  if (isTimeoutError(error)) return ExitCode.TIMEOUT;
  if (isNetworkError(error)) return ExitCode.NETWORK;
  if (isInvalidResponseError(error)) return ExitCode.INVALID_RESPONSE;
  if (isAbortedError(error)) return ExitCode.INTERRUPTED;
  return ExitCode.UNEXPECTED;
}

/**
 * The exit-code table as it appears at the end of `--help`, kept beside the codes so the two
 * cannot drift apart.
 */
export const EXIT_CODE_HELP = `
Exit codes:
  0    success
  1    unexpected error (set FASTN_DEBUG=1 to see the stack)
  2    usage or configuration error (bad flag, missing FASTN_SPACE_ID / FASTN_API_KEY)
  3    authorization failed (denied or expired)
  4    timed out waiting for the authorization
  5    network error (API unreachable or an error status)
  6    invalid response from the API
  130  interrupted (Ctrl-C or SIGTERM)`;
