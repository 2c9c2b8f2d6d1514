import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** The built command-line tool; the test command builds it before jest runs. */
export const CLI_PATH = resolve(__dirname, '../../dist/cli.cjs');

/** What a finished run of the CLI left behind. */
export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** How to run the CLI. */
export interface CliRunOptions {
  /** Variables added to a clean environment (no FASTN_* from the outer shell). */
  readonly env?: Readonly<Record<string, string>>;
  /** Kills the child after this long, in milliseconds. @default 15000 */
  readonly timeoutMs?: number;
  /** Called once the child runs, to signal it or watch its output. */
  readonly onSpawn?: (child: ChildProcess) => void;
}

/**
 * Starts `node dist/cli.cjs <args>` with stdin closed (so it is not a terminal) and collects its
 * output and exit code.
 *
 * @param args - The CLI's arguments.
 * @param options - Environment, timeout and a hook on the child.
 * @returns What the run printed and how it ended.
 */
export function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  if (!existsSync(CLI_PATH)) {
    return Promise.reject(new Error(`${CLI_PATH} is missing: run \`npm run build\` first`));
  }

  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], {
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 15_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
    options.onSpawn?.(child);
  });
}

/**
 * Resolves once a stream has printed text matching a pattern.
 *
 * @param stream - The child's stdout or stderr.
 * @param pattern - What to wait for.
 * @returns All the text seen up to the match.
 */
export function waitForOutput(stream: NodeJS.ReadableStream, pattern: RegExp): Promise<string> {
  return new Promise((resolvePromise) => {
    let seen = '';
    const onData = (chunk: Buffer | string): void => {
      seen += chunk.toString();
      if (!pattern.test(seen)) return;
      stream.off('data', onData);
      resolvePromise(seen);
    };
    stream.on('data', onData);
  });
}

/**
 * A loopback port nothing listens on: bound, read, then released.
 *
 * @returns The port.
 */
export function closedPort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePromise(port));
    });
  });
}
