import { createSpinner } from 'nanospinner';

import type { AuthStatus } from '../types';
import { writeJsonLine } from './output';

/** How often the spinner draws a frame, in milliseconds. */
const FRAME_MS = 80;

/** Shows how a wait for authorization is going, on stderr. */
export interface Progress {
  /** Reports the status now known; a plain line is written only when it changes. */
  status(status: AuthStatus): void;
  /** Ends the display, marking success when the last status was `ACTIVE`. Call it once. */
  stop(): void;
}

/** Where and how {@link createProgress} shows progress. */
export interface ProgressOptions {
  /** Usually stderr. */
  readonly stream: NodeJS.WriteStream;
  /** Animate a spinner (see {@link canAnimate}); `false` writes one line per status change. */
  readonly interactive: boolean;
  /** Plain lines are JSON objects (`--json`), so a script can read stderr too. */
  readonly json: boolean;
  /** The clock. @default Date.now */
  readonly nowMs?: () => number;
}

/**
 * Whether a spinner can be drawn: stderr and stdout are terminals of known width, and neither
 * `TERM=dumb` nor `CI` says otherwise.
 *
 * The spinner library decides for itself from stdout and `CI`; when it believes there is no
 * terminal it prints each frame on a new line, and it cannot draw on a terminal whose width is
 * 0. Asking for all of this here keeps both failures out, at the price of plain lines when only
 * stdout is redirected (`connect --json | jq`).
 *
 * @param stdout - The process's stdout.
 * @param stderr - The process's stderr, where the spinner would go.
 * @param env - The environment.
 * @returns `true` when a spinner will render correctly.
 */
export function canAnimate(
  stdout: NodeJS.WritableStream,
  stderr: NodeJS.WriteStream,
  env: NodeJS.ProcessEnv,
): boolean {
  return (
    stderr.isTTY === true &&
    (stdout as Partial<NodeJS.WriteStream>).isTTY === true &&
    (stderr.columns ?? 0) > 0 &&
    env.TERM !== 'dumb' &&
    !('CI' in env)
  );
}

/**
 * Starts a progress display for a wait: a live spinner with the status and the elapsed seconds
 * on a terminal, otherwise one line per status change (text, or JSON with `--json`).
 *
 * @param options - The stream and the mode.
 * @returns The display; call `stop` exactly once, whatever the outcome.
 * @example
 * ```ts
 * const progress = createProgress({ stream: process.stderr, interactive: true, json: false });
 * progress.status('INACTIVE');
 * progress.status('ACTIVE');
 * progress.stop(); // ✔ Authorized: ACTIVE (4 s)
 * ```
 */
export function createProgress(options: ProgressOptions): Progress {
  const nowMs = options.nowMs ?? Date.now;
  const startedAtMs = nowMs();
  const elapsedMs = (): number => nowMs() - startedAtMs;
  const seconds = (): string => `(${Math.floor(elapsedMs() / 1000)} s)`;
  let last: AuthStatus | undefined;
  const text = (): string => `${headline(last)} ${seconds()}`;

  if (!options.interactive) {
    return {
      status: (status) => {
        if (status === last) return;
        last = status;
        if (options.json) {
          writeJsonLine(options.stream, { event: 'status', status, elapsedMs: elapsedMs() });
        } else {
          options.stream.write(`${text()}\n`);
        }
      },
      // Each change already has its line; the error that may follow has its own.
      stop: () => undefined,
    };
  }

  // Frames are drawn from this timer rather than the spinner's own `start()`, which would also
  // install SIGINT and SIGTERM handlers that exit the process before the command can clean up
  // and report the interruption. Each frame also refreshes the elapsed seconds.
  const spinner = createSpinner(text(), { stream: options.stream }).spin();
  const frames = setInterval(() => spinner.update({ text: text() }).spin(), FRAME_MS);

  return {
    status: (status) => {
      last = status;
      spinner.update({ text: text() }).spin();
    },
    stop: () => {
      clearInterval(frames);
      if (last === 'ACTIVE') spinner.success({ text: text() });
      else if (last === 'FAILED') spinner.error({ text: text() });
      else spinner.error({ text: `Stopped waiting ${seconds()}` });
    },
  };
}

function headline(status: AuthStatus | undefined): string {
  if (status === 'ACTIVE') return 'Authorized: ACTIVE';
  if (status === 'FAILED') return 'Authorization FAILED';
  return `Waiting for authorization${status === undefined ? '' : `: ${status}`}`;
}
