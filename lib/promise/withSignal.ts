import type { Observable } from 'rxjs';

import { describeType } from '../config/describeValue';
import { InvalidArgumentError } from '../errors';
import { toPromise } from './toPromise';

/** Lets a call be cancelled: aborting rejects it with an `AbortedError` and aborts its request. */
export interface SignalOption {
  /** Cancels the call. An already-aborted signal sends no request at all. */
  readonly signal?: AbortSignal;
}

/**
 * Runs one promise-flavoured call: takes `signal` out of its options, builds the Observable from
 * the rest and settles with its first value.
 *
 * Bad options (not an object, a `signal` that is not an `AbortSignal`) reject rather than throw,
 * so a caller's `.catch()` sees every failure the same way.
 *
 * @param method - The calling method, such as `waitForCompletion`, for the error message.
 * @param options - What the caller passed: `undefined` or an object with an optional `signal`.
 * @param build - Builds the Observable from the options without `signal`.
 * @returns A promise with a no-op rejection handler already attached on a branch.
 * @throws Rejects with {@link InvalidArgumentError} for bad options, else as `toPromise` does.
 * @internal
 */
export function withSignal<T>(
  method: string,
  options: unknown,
  build: (rest: Record<string, unknown>) => Observable<T>,
): Promise<T> {
  let signal: AbortSignal | undefined;
  let rest: Record<string, unknown>;
  try {
    ({ signal, rest } = splitSignal(method, options));
  } catch (error) {
    const rejected = Promise.reject(error);
    rejected.catch(() => undefined);
    return rejected;
  }

  return toPromise(build(rest), signal);
}

function splitSignal(
  method: string,
  options: unknown,
): { signal?: AbortSignal; rest: Record<string, unknown> } {
  if (options === undefined) return { rest: {} };
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidArgumentError(
      'options',
      `${method} options must be an object, got ${describeType(options)}`,
    );
  }

  const { signal, ...rest } = options as Record<string, unknown>;
  if (signal === undefined) return { rest };
  if (!isAbortSignal(signal)) {
    throw new InvalidArgumentError(
      'signal',
      `signal must be an AbortSignal, got ${describeType(signal)}`,
    );
  }
  return { signal, rest };
}

// Duck-typed rather than `instanceof`: signals from another realm or polyfill work as well.
function isAbortSignal(value: unknown): value is AbortSignal {
  const candidate = value as Partial<AbortSignal> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.aborted === 'boolean' &&
    typeof candidate.addEventListener === 'function' &&
    typeof candidate.removeEventListener === 'function'
  );
}
