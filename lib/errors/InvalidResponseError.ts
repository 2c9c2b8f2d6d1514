import { FastnAuthError, guardFor } from './FastnAuthError';

/**
 * The server answered, but not with what the contract says: not JSON, too large, a missing or
 * mistyped field, an unknown status word, a redirect URL that is not http(s).
 */
export class InvalidResponseError extends FastnAuthError {
  override readonly name = 'InvalidResponseError';
  /** The path of the offending field, such as `status` or `auth.expires_at`, when known. */
  readonly fieldPath?: string;

  constructor(message: string, fieldPath?: string, options?: { cause?: unknown }) {
    super('INVALID_RESPONSE', message, options);
    if (fieldPath !== undefined) this.fieldPath = fieldPath;
  }

  protected override details(): Record<string, unknown> {
    return { fieldPath: this.fieldPath };
  }
}

/** Tells whether a value is an {@link InvalidResponseError} (matched by code). */
export const isInvalidResponseError = guardFor<InvalidResponseError>('INVALID_RESPONSE');
