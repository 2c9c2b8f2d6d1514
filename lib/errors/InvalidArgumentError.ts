import { FastnAuthError, guardFor } from './FastnAuthError';

/**
 * An option or argument was missing or wrong. Thrown at once, before any request; the message
 * names the field and, unless the field is a secret, the bad value.
 */
export class InvalidArgumentError extends FastnAuthError {
  override readonly name = 'InvalidArgumentError';
  /** The option or argument at fault, such as `spaceId` or `connectorId`. */
  readonly field: string;

  constructor(field: string, message: string) {
    super('INVALID_ARGUMENT', message);
    this.field = field;
  }

  protected override details(): Record<string, unknown> {
    return { field: this.field };
  }
}

/** Tells whether a value is an {@link InvalidArgumentError} (matched by code). */
export const isInvalidArgumentError = guardFor<InvalidArgumentError>('INVALID_ARGUMENT');
