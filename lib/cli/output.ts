import { CommanderError } from 'commander';

import { isAbortedError, isFastnAuthError } from '../errors';
import type { AuthStatus } from '../types';
import type { Credentials } from '../types';
import type { PrintableCredentials } from './redact';
import { redactCredentials, scrubSecrets } from './redact';

/** The streams a command writes to; `process.stdout` and `process.stderr` when run as a program. */
export interface OutputStreams {
  /** Where the command's result goes, and nothing else. */
  readonly stdout: NodeJS.WritableStream;
  /** Where everything meant for the person at the terminal goes: progress, URLs, errors. */
  readonly stderr: NodeJS.WritableStream;
}

/**
 * Writes a value as exactly one line of JSON, the whole of what `--json` puts on stdout.
 *
 * @param stream - Usually stdout.
 * @param value - Anything `JSON.stringify` accepts.
 */
export function writeJsonLine(stream: NodeJS.WritableStream, value: unknown): void {
  stream.write(`${JSON.stringify(value)}\n`);
}

/**
 * Formats a connector's credentials for a person: one `key  value` pair per line, keys aligned,
 * `extra` keys prefixed with `extra.` so each line can be found with grep.
 *
 * @param connectorId - The connector the credentials belong to.
 * @param status - Its authorization status.
 * @param credentials - Credentials already passed through `redactCredentials`.
 * @returns The lines, ending with a newline.
 */
export function formatCredentials(
  connectorId: string,
  status: AuthStatus,
  credentials: PrintableCredentials,
): string {
  const rows: [string, unknown][] = [
    ['connector', connectorId],
    ['status', status],
    ['accessToken', credentials.accessToken],
    ['refreshToken', credentials.refreshToken],
    ['tokenType', credentials.tokenType],
    ['expiresAt', credentials.expiresAt],
    ...Object.entries(credentials.extra).map(([key, value]): [string, unknown] => [
      `extra.${key}`,
      value,
    ]),
  ];
  const shown = rows.filter(([, value]) => value !== undefined);
  const width = Math.max(...shown.map(([key]) => key.length));

  return shown.map(([key, value]) => `${key.padEnd(width)}  ${formatValue(value)}\n`).join('');
}

function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** What {@link printCredentials} prints, and how. */
export interface CredentialsResult {
  readonly connectorId: string;
  readonly status: AuthStatus;
  readonly credentials: Credentials;
  /** `--json`: one JSON object instead of lines. */
  readonly json: boolean;
  /** `--show-secrets`: print tokens and secret `extra` values as they are. */
  readonly showSecrets: boolean;
}

/**
 * Prints a command's result, a connector's credentials, on stdout: aligned lines for a person, or
 * with `--json` exactly one object `{"status","connectorId","credentials"}`. Secrets are redacted
 * unless `showSecrets` is set.
 *
 * @param stdout - Where the result goes.
 * @param result - The credentials and the printing flags.
 */
export function printCredentials(stdout: NodeJS.WritableStream, result: CredentialsResult): void {
  const credentials = redactCredentials(result.credentials, result.showSecrets);
  if (result.json) {
    writeJsonLine(stdout, {
      status: result.status,
      connectorId: result.connectorId,
      credentials,
    });
  } else {
    stdout.write(formatCredentials(result.connectorId, result.status, credentials));
  }
}

/** How {@link reportError} prints. */
export interface ReportErrorOptions {
  /** `--json` was given: also write a JSON error object on stdout. */
  readonly json: boolean;
  /** `FASTN_DEBUG=1`: also print the stack on stderr. */
  readonly debug: boolean;
  /** The configured API key or token, scrubbed from the message should it ever appear there. */
  readonly secrets: readonly (string | undefined)[];
}

/**
 * Prints the error that ended a command: one line `fastn-auth: <message>` on stderr and, with
 * `--json`, `{"error":{"code":...,"message":...}}` on stdout so a script reading stdout always
 * gets one JSON object.
 *
 * @param streams - Where to write.
 * @param error - Whatever the command threw.
 * @param options - JSON mode, debug mode and the secrets to keep out of the message.
 */
export function reportError(
  streams: OutputStreams,
  error: unknown,
  options: ReportErrorOptions,
): void {
  const { message } = errorJson(error, options.secrets).error;
  streams.stderr.write(`fastn-auth: ${message}\n`);

  if (options.debug && error instanceof Error && error.stack !== undefined) {
    streams.stderr.write(`${scrubSecrets(error.stack, options.secrets)}\n`);
  }

  if (options.json) writeJsonLine(streams.stdout, errorJson(error, options.secrets));
}

/**
 * The JSON form of an error, as `--json` prints it on stdout: a stable code (the SDK error's
 * `code`, `USAGE` for a parse error, `UNEXPECTED` otherwise) and the one-line message.
 *
 * @param error - Whatever the command threw.
 * @param secrets - The configured API key or token, scrubbed from the message.
 * @returns `{ error: { code, message } }`.
 */
export function errorJson(
  error: unknown,
  secrets: readonly (string | undefined)[],
): { error: { code: string; message: string } } {
  return { error: { code: codeOf(error), message: scrubSecrets(messageOf(error), secrets) } };
}

function messageOf(error: unknown): string {
  // Commander prefixes its messages with "error: "; the program name already says what it is.
  if (error instanceof CommanderError) return error.message.replace(/^error: /, '');
  // Only the CLI's own signal aborts a call: the person pressed Ctrl-C or the process got SIGTERM.
  if (isAbortedError(error)) return 'interrupted';
  if (isFastnAuthError(error)) return error.message;
  if (error instanceof Error) return `unexpected error: ${error.message}`;
  return `unexpected error: ${String(error)}`;
}

function codeOf(error: unknown): string {
  if (isFastnAuthError(error)) return error.code;
  if (error instanceof CommanderError) return 'USAGE';
  return 'UNEXPECTED';
}
