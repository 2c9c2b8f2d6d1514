import type { Logger } from '../logger';
import { FastnAuth } from '../promise';
import type { ConnectionConfig } from './config';
import type { CliContext } from './CliContext';
import { isDebug } from './CliContext';

/** The wait's pacing, from `--interval-ms` and `--timeout-ms`; absent means the SDK's default. */
export interface PollingFlags {
  readonly intervalMs?: number;
  readonly timeoutMs?: number;
}

/**
 * Builds the Promise client the commands use, from the connection settings and the polling
 * flags. With `FASTN_DEBUG=1` the SDK's debug lines go to stderr (they never hold a secret).
 *
 * @param context - The process's streams and environment.
 * @param config - Space, secret and base URL.
 * @param polling - Interval and timeout of waits and credential retries.
 * @returns The client.
 * @throws {@link InvalidArgumentError} for a setting the SDK refuses, such as a plain-http base
 *   URL on a host other than loopback.
 */
export function createClient(
  context: CliContext,
  config: ConnectionConfig,
  polling: PollingFlags = {},
): FastnAuth {
  return new FastnAuth({
    ...config,
    polling: {
      ...(polling.intervalMs !== undefined && { intervalMs: polling.intervalMs }),
      ...(polling.timeoutMs !== undefined && { timeoutMs: polling.timeoutMs }),
    },
    ...(isDebug(context.env) && { logger: stderrLogger(context.stderr) }),
  });
}

function stderrLogger(stream: NodeJS.WritableStream): Logger {
  const write = (message: string, data?: Readonly<Record<string, unknown>>): void => {
    stream.write(`debug: ${message}${data === undefined ? '' : ` ${JSON.stringify(data)}`}\n`);
  };
  return { debug: write, warn: write };
}
