import type { Observable } from 'rxjs';

import { InvalidArgumentError } from '../../../lib';

/** Runs what must throw, and returns the error; fails if nothing is thrown. */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, but nothing was thrown');
}

/**
 * Subscribes and returns the error the stream delivered before `subscribe` returned. An
 * argument error must never wait for anything, so a stream still running fails the test (and
 * is unsubscribed at once, which aborts whatever it started).
 */
export function synchronousError(source: Observable<unknown>): unknown {
  let outcome: { error: unknown } | undefined;
  const subscription = source.subscribe({
    next: () => (outcome = { error: new Error('emitted a value') }),
    error: (error: unknown) => (outcome = { error }),
  });
  subscription.unsubscribe();

  if (outcome === undefined) throw new Error('did not terminate synchronously');
  return outcome.error;
}

/** The rejection of a promise that must settle before the next turn of the event loop. */
export async function promptRejection(promise: Promise<unknown>): Promise<unknown> {
  const settled = promise.then(
    () => new Error('resolved instead of rejecting'),
    (error: unknown) => error,
  );
  const nextTurn = new Promise((resolve) => setImmediate(() => resolve('still pending')));
  return Promise.race([settled, nextTurn]);
}

export function expectArgumentError(error: unknown, field: string): void {
  expect(error).toBeInstanceOf(InvalidArgumentError);
  expect(error).toMatchObject({ name: 'InvalidArgumentError', code: 'INVALID_ARGUMENT', field });
}
