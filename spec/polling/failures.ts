/** A failure worth retrying, optionally with the server's Retry-After. */
export class Transient extends Error {
  override readonly name = 'Transient';

  constructor(readonly retryAfterMs?: number) {
    super('try again');
  }
}

/** A failure that retrying cannot fix. */
export class Permanent extends Error {
  override readonly name = 'Permanent';
  readonly code = 'NOPE';
}

/** The tests' `isTransient`. */
export const isTransient = (error: unknown): boolean => error instanceof Transient;

/** The tests' `retryAfterMs`. */
export const retryAfterMs = (error: unknown): number | undefined =>
  error instanceof Transient ? error.retryAfterMs : undefined;
