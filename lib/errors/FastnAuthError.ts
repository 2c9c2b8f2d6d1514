/**
 * The stable codes carried by every error this SDK produces. They never change between releases,
 * so callers can branch on them safely.
 */
export type FastnAuthErrorCode =
  'TIMEOUT' | 'AUTH_FAILED' | 'NETWORK_ERROR' | 'INVALID_RESPONSE' | 'INVALID_ARGUMENT' | 'ABORTED';

/**
 * The base of every error the SDK produces.
 *
 * Each subclass has a literal `name`, a stable {@link FastnAuthErrorCode} and plain data fields.
 * The optional `cause` is always an error the SDK built itself: never an axios error, whose
 * request config would carry the API key.
 *
 * @example
 * ```ts
 * try {
 *   await client.getCredentials({ connectorId: 'google-sheets' });
 * } catch (error) {
 *   if (isFastnAuthError(error)) report(error.code);
 * }
 * ```
 */
export class FastnAuthError extends Error {
  override readonly name: string = 'FastnAuthError';

  /** A stable, machine-readable code. */
  readonly code: FastnAuthErrorCode;

  /**
   * @param code - The stable code of the error.
   * @param message - A sentence saying what went wrong. It must never contain a secret.
   * @param options - `cause`, an error the SDK built itself.
   */
  constructor(code: FastnAuthErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }

  /**
   * A plain object for logs and `JSON.stringify`: name, code, message, the subclass's data
   * fields and the cause's own `toJSON` (or its message). Never a stack or request internals.
   */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = {
      name: this.name,
      code: this.code,
      message: this.message,
    };
    Object.assign(json, this.details());
    if (this.cause !== undefined) json.cause = describeCause(this.cause);
    return json;
  }

  /** The subclass's data fields, as they appear in {@link FastnAuthError.toJSON}. */
  protected details(): Record<string, unknown> {
    return {};
  }
}

function describeCause(cause: unknown): unknown {
  if (cause instanceof FastnAuthError) return cause.toJSON();
  if (cause instanceof Error) return { name: cause.name, message: cause.message };
  return String(cause);
}

/**
 * Tells whether a value is an error of this SDK. It matches by `code` and `name` as well as by
 * class, so it also recognises errors that crossed a realm or a duplicated copy of the package.
 *
 * @param value - Anything caught.
 * @returns `true` when `value` is a {@link FastnAuthError}.
 */
export function isFastnAuthError(value: unknown): value is FastnAuthError {
  if (value instanceof FastnAuthError) return true;
  if (!(value instanceof Error)) return false;
  const { code, toJSON } = value as Error & { code?: unknown; toJSON?: unknown };
  return typeof code === 'string' && KNOWN_CODES.has(code) && typeof toJSON === 'function';
}

const KNOWN_CODES: ReadonlySet<string> = new Set<FastnAuthErrorCode>([
  'TIMEOUT',
  'AUTH_FAILED',
  'NETWORK_ERROR',
  'INVALID_RESPONSE',
  'INVALID_ARGUMENT',
  'ABORTED',
]);

/** @internal Builds a guard that matches an SDK error by its stable code. */
export function guardFor<E extends FastnAuthError>(code: FastnAuthErrorCode) {
  return (value: unknown): value is E => isFastnAuthError(value) && value.code === code;
}
