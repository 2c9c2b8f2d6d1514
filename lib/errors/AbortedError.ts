import { FastnAuthError, guardFor } from './FastnAuthError';

/** The caller aborted the operation through its `AbortSignal`. */
export class AbortedError extends FastnAuthError {
  override readonly name = 'AbortedError';

  constructor(message = 'The operation was aborted') {
    super('ABORTED', message);
  }
}

/** Tells whether a value is an {@link AbortedError} (matched by code). */
export const isAbortedError = guardFor<AbortedError>('ABORTED');
