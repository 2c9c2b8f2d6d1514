import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { InvalidResponseError, NetworkError, type FastnAuthError } from '../errors';
import { redactSecrets } from './redactSecrets';
import { parseRetryAfter } from './retryAfter';
import { isTransientStatus } from './status';

/** @internal What the transport knows about one request while it reads the outcome. */
export interface RequestContext {
  /** The path below the base URL; errors name it, never the host or a query. */
  readonly path: string;
  /** The request timeout, in milliseconds, for the timeout error's message. */
  readonly requestTimeoutMs: number;
  /** The largest body accepted, in bytes. */
  readonly maxResponseBytes: number;
  /** The clock `Retry-After` dates are measured against, in epoch milliseconds. */
  readonly nowMs: () => number;
  /** The request's secret header values, hidden from any text the server sent back. */
  readonly secrets: readonly string[];
}

/** @internal An answer as an axios adapter delivers it, whatever the adapter. */
export interface ReceivedResponse {
  readonly status: number;
  readonly statusText?: string;
  readonly headers: unknown;
  readonly data: unknown;
}

/** How much of a server's error message is kept: enough to read, too little to flood a log. */
const MAX_SERVER_MESSAGE_LENGTH = 200;

/** Line breaks and other control characters would let a server forge extra log lines. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is matched
const CONTROL_OR_SPACE = /[\u0000-\u001f\u007f\s]+/g;

/**
 * @internal Turns an answer into the parsed JSON body of a 2xx, or the SDK error it stands for.
 *
 * A redirect (3xx, or status 0: a browser's opaque redirect) is refused, so the request never
 * reaches the redirect's host. Another non-2xx becomes a {@link NetworkError} carrying the status,
 * whether it is transient, `Retry-After` and the server's own message. A 2xx body that is empty,
 * not JSON or larger than the cap becomes an {@link InvalidResponseError}. A 2xx JSON body that
 * reports an error is not judged here: the decoders reject it.
 *
 * @param response - The status, status text, headers and raw text body.
 * @param context - The request's path, limits, clock and secrets.
 * @returns The parsed body on the right, the error on the left.
 */
export function readResponse(
  response: ReceivedResponse,
  context: RequestContext,
): Either<FastnAuthError, unknown> {
  const { status } = response;
  const { path } = context;

  if (status === 0 || (status >= 300 && status < 400)) {
    return left(
      new NetworkError(
        `POST ${path} failed with ${status === 0 ? 'a redirect' : status}: redirect refused ` +
          '(redirects are never followed, so credentials never reach another host)',
        { statusCode: status === 0 ? undefined : status, transient: false, path },
      ),
    );
  }

  const text = typeof response.data === 'string' ? response.data : undefined;
  if (text !== undefined && isLargerThan(text, context.maxResponseBytes)) {
    return left(tooLargeError(context));
  }

  if (status < 200 || status >= 300) return left(statusError(response, text, context));

  return parseBody(text, contentType(response.headers), context);
}

/**
 * @internal The error for a body past the cap, whichever layer noticed it.
 *
 * @param context - The request's path and cap.
 * @returns An {@link InvalidResponseError} naming the cap.
 */
export function tooLargeError(context: RequestContext): InvalidResponseError {
  return new InvalidResponseError(
    `POST ${context.path} answered with a body larger than the ${context.maxResponseBytes}-byte ` +
      'limit (http.maxResponseBytes)',
  );
}

function statusError(
  response: ReceivedResponse,
  text: string | undefined,
  context: RequestContext,
): NetworkError {
  const { status } = response;
  const reason = serverMessage(text) ?? response.statusText ?? '';
  const cleaned = clean(reason, context.secrets);

  return new NetworkError(
    `POST ${context.path} failed with ${status}` + (cleaned === '' ? '' : `: ${cleaned}`),
    {
      statusCode: status,
      transient: isTransientStatus(status),
      retryAfterMs: parseRetryAfter(headerValue(response.headers, 'retry-after'), context.nowMs()),
      path: context.path,
    },
  );
}

function parseBody(
  text: string | undefined,
  type: string | undefined,
  context: RequestContext,
): Either<FastnAuthError, unknown> {
  const answered = `POST ${context.path} answered`;

  if (text === undefined || text.trim() === '') {
    return left(new InvalidResponseError(`${answered} with an empty body where JSON was expected`));
  }

  // The parser's own message quotes the body, which may hold anything: it is not passed on.
  try {
    return right(JSON.parse(text) as unknown);
  } catch {
    const start = text.trimStart();
    const what =
      start.startsWith('<') || /html/i.test(type ?? '')
        ? 'an HTML page instead of JSON'
        : start.startsWith('{') || start.startsWith('[')
          ? 'JSON that is cut short or malformed'
          : 'a body that is not JSON';
    const typeNote = type === undefined ? '' : ` (content-type ${clean(type, context.secrets)})`;
    return left(new InvalidResponseError(`${answered} with ${what}${typeNote}`));
  }
}

/** The `error`, `message` or `code` string of a JSON error body, in that order. */
function serverMessage(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null) return undefined;

  const record = body as Record<string, unknown>;
  for (const key of ['error', 'message', 'code']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return undefined;
}

/** One line, no secret, no more than {@link MAX_SERVER_MESSAGE_LENGTH} characters. */
function clean(text: string, secrets: readonly string[]): string {
  const oneLine = redactSecrets(text, secrets).replace(CONTROL_OR_SPACE, ' ').trim();
  return oneLine.length <= MAX_SERVER_MESSAGE_LENGTH
    ? oneLine
    : `${oneLine.slice(0, MAX_SERVER_MESSAGE_LENGTH - 1)}…`;
}

/**
 * Whether a text's UTF-8 size passes the cap. The adapters for Node and fetch stop reading at the
 * cap already; this also holds the cap for XMLHttpRequest, which has no such limit.
 */
function isLargerThan(text: string, maxBytes: number): boolean {
  // A character takes one to three UTF-8 bytes, so most texts are judged without encoding them.
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return new TextEncoder().encode(text).length > maxBytes;
}

function contentType(headers: unknown): string | undefined {
  const value = headerValue(headers, 'content-type');
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Reads a header from axios's `AxiosHeaders` (case-insensitive `get`) or a plain object. */
function headerValue(headers: unknown, name: string): unknown {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const { get } = headers as { get?: unknown };
  if (typeof get === 'function') return (get as (key: string) => unknown).call(headers, name);
  return (headers as Record<string, unknown>)[name];
}
