import { FastnAuthError, guardFor } from './FastnAuthError';

/** What a {@link NetworkError} knows about the failed request. */
export interface NetworkErrorInfo {
  /** The HTTP status, or `undefined` when no response arrived at all. */
  readonly statusCode?: number;
  /** Whether asking again may succeed: no response, 408, 429, 500, 502, 503, 504. */
  readonly transient: boolean;
  /** The earliest time to ask again, from `Retry-After`, in milliseconds from when it arrived. */
  readonly retryAfterMs?: number;
  /** The request's path below the base URL (no query, no host). */
  readonly path?: string;
}

/**
 * A request failed: no response, a non-2xx status, or a redirect (never followed).
 *
 * Its `cause`, when present, is a plain error holding only the transport's message.
 */
export class NetworkError extends FastnAuthError {
  override readonly name = 'NetworkError';
  readonly statusCode?: number;
  readonly transient: boolean;
  readonly retryAfterMs?: number;
  readonly path?: string;

  constructor(message: string, info: NetworkErrorInfo, options?: { cause?: unknown }) {
    super('NETWORK_ERROR', message, options);
    this.transient = info.transient;
    if (info.statusCode !== undefined) this.statusCode = info.statusCode;
    if (info.retryAfterMs !== undefined) this.retryAfterMs = info.retryAfterMs;
    if (info.path !== undefined) this.path = info.path;
  }

  protected override details(): Record<string, unknown> {
    return {
      statusCode: this.statusCode,
      transient: this.transient,
      retryAfterMs: this.retryAfterMs,
      path: this.path,
    };
  }
}

/** Tells whether a value is a {@link NetworkError} (matched by code). */
export const isNetworkError = guardFor<NetworkError>('NETWORK_ERROR');
