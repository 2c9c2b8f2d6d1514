import axios from 'axios';
import { AbortedError, NetworkError, type FastnAuthError } from '../errors';
import { tooLargeError, type RequestContext } from './readResponse';

/** What each socket-level error code means, in words a log reader understands at once. */
const SOCKET_FAILURES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while sending',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
};

/** A code is copied into a message only when it looks like one: it can then hold no secret. */
const SAFE_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

/** How deep to look through `cause` and `errors` for the socket's own code. */
const MAX_CAUSE_DEPTH = 4;

/** @internal The error a failed request stands for, and what happened in a few words. */
export interface FailureOutcome {
  readonly error: FastnAuthError;
  /** Such as `connection refused (ECONNREFUSED)` or `timed out after 200 ms`. */
  readonly summary: string;
}

/**
 * @internal Turns a request that produced no usable answer into the SDK error it stands for.
 *
 * The axios error itself never leaves this function: its `config` holds the request headers,
 * API key included. Only fixed phrases and well-formed error codes are copied into the new
 * error's message, never axios's or the runtime's free text, and no `cause` is attached.
 * Abort (the subscriber left) becomes an {@link AbortedError}; a body past the cap an
 * {@link InvalidResponseError}; everything else a transient {@link NetworkError} saying what
 * happened: refused, reset, timed out, closed before the whole body arrived.
 *
 * @param error - What the axios promise rejected with.
 * @param context - The request's path and limits.
 * @returns The SDK error to deliver, and a few words for the transport's log line.
 */
export function errorFromFailure(error: unknown, context: RequestContext): FailureOutcome {
  const { path } = context;

  if (axios.isCancel(error)) {
    return { error: new AbortedError(`POST ${path} was aborted`), summary: 'aborted' };
  }

  const { code, message, response } = fieldsOf(error);

  if (message.includes('maxContentLength')) {
    return { error: tooLargeError(context), summary: 'body over the size limit' };
  }

  if (message.includes('maxBodyLength')) {
    const summary = `request body larger than the ${context.maxResponseBytes}-byte limit`;
    return {
      error: new NetworkError(`POST ${path} failed: ${summary}`, { transient: false, path }),
      summary,
    };
  }

  const summary = whatHappened(error, code, message, response);
  return {
    error: new NetworkError(`POST ${path} failed: ${summary}`, { transient: true, path }),
    summary,
  };
}

function whatHappened(
  error: unknown,
  code: string | undefined,
  message: string,
  response: unknown,
): string {
  // axios sets ETIMEDOUT with "timeout of N ms exceeded" for its own timer (clarifyTimeoutError).
  if ((code === 'ETIMEDOUT' || code === 'ECONNABORTED') && message.startsWith('timeout')) {
    return `timed out after ${timeoutMsOf(message)}`;
  }

  // Headers arrived, then the connection dropped: the answer is incomplete, not wrong.
  if (response !== undefined || message === 'stream has been aborted') {
    return 'connection closed before the whole response arrived';
  }

  if (message === 'socket hang up') return 'connection closed before any response (socket hang up)';

  const socketCode = socketCodeOf(error);
  if (socketCode !== undefined) return `${SOCKET_FAILURES[socketCode]} (${socketCode})`;

  return code !== undefined && SAFE_CODE.test(code) ? `no response (${code})` : 'no response';
}

function timeoutMsOf(message: string): string {
  const match = /timeout of (\d+)\s*ms/.exec(message);
  return match?.[1] === undefined ? 'the request timeout' : `${match[1]} ms`;
}

function fieldsOf(error: unknown): { code?: string; message: string; response?: unknown } {
  if (typeof error !== 'object' || error === null) return { message: '' };

  const { code, message, response } = error as Record<string, unknown>;
  return {
    code: typeof code === 'string' ? code : undefined,
    message: typeof message === 'string' ? message : '',
    response: response ?? undefined,
  };
}

/**
 * The first known socket code along the error's `cause` chain and `errors` list: the fetch
 * adapter wraps the socket's error twice, and Node reports a failed dual-stack connect as an
 * `AggregateError`.
 */
function socketCodeOf(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > MAX_CAUSE_DEPTH) return undefined;

  const { code, cause, errors } = error as Record<string, unknown>;
  if (typeof code === 'string' && Object.hasOwn(SOCKET_FAILURES, code)) return code;

  const inner = [cause, ...(Array.isArray(errors) ? errors : [])];
  for (const candidate of inner) {
    const found = socketCodeOf(candidate, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
