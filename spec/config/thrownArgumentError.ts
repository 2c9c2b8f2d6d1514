import { InvalidArgumentError } from '../../lib/errors';

/**
 * Runs a function that must throw an {@link InvalidArgumentError}, and returns that error so a
 * test can check its field and message.
 */
export function thrownArgumentError(run: () => unknown): InvalidArgumentError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError, but nothing was thrown');
}
