#!/usr/bin/env node
import { ExitCode } from './exitCodes';
import { run } from './program';

// The first Ctrl-C (or SIGTERM) asks the running command to stop and clean up; a second one
// means the person is not willing to wait for that, so the process ends at once.
const interrupt = new AbortController();
const onSignal = (): void => {
  if (interrupt.signal.aborted) process.exit(ExitCode.INTERRUPTED);
  interrupt.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

void run(process.argv, {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  stdinIsTTY: process.stdin.isTTY === true,
  signal: interrupt.signal,
}).then((code) => {
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  process.exitCode = code;
});
