import { AbortedError } from '../errors';

/**
 * Builds the {@link AbortedError} of an aborted call, keeping the caller's reason as `cause`.
 *
 * Only an `Error` becomes the cause: the caller built it to say why, and `toJSON()` shows just
 * its name and message. Any other reason (a string, an object) may hold anything, a secret
 * included, so it is left out; so is the default `AbortError` of a bare `abort()`, which says
 * nothing the error does not.
 *
 * @param signal - The signal that was aborted, if the call had one.
 * @returns The error, with the reason as `cause` when kept.
 * @internal
 */
export function abortedError(signal: AbortSignal | undefined): AbortedError {
  const reason: unknown = signal?.reason;
  const keep = reason instanceof Error && !isDefaultAbortReason(reason);
  return new AbortedError(undefined, keep ? { cause: reason } : undefined);
}

function isDefaultAbortReason(reason: Error): boolean {
  return typeof DOMException !== 'undefined' && reason instanceof DOMException
    ? reason.name === 'AbortError'
    : false;
}
