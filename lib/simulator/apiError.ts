/** An API error body, in the contract's shape: `{"code", "statusCode", "error"}`. */
export interface ApiErrorBody {
  readonly code: string;
  readonly statusCode: number;
  readonly error: string;
}

const CODES: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  500: 'INTERNAL_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

/**
 * Builds an API error body, with the stable code that goes with the status.
 *
 * @param statusCode - the HTTP status
 * @param error - the message, which never holds a credential
 * @returns the body to send
 * @internal
 */
export function apiError(statusCode: number, error: string): ApiErrorBody {
  return { code: CODES[statusCode] ?? 'ERROR', statusCode, error };
}
