import { FastnAuthError, guardFor } from './FastnAuthError';

/** The caller aborted the operation through its `AbortSignal`. */
export class AbortedError extends FastnAuthError {
  override readonly name = 'AbortedError';

  /**
   * @param message - What was aborted.
   * @param options - `cause`: the caller's own reason, when it gave an `Error`.
   */
  constructor(message = 'The operation was aborted', options?: { cause?: unknown }) {
    super('ABORTED', message, options);
  }
}

/** Tells whether a value is an {@link AbortedError} (matched by code). */
export const isAbortedError = guardFor<AbortedError>('ABORTED');
