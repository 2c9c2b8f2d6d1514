import axios, { type AxiosAdapterConfig } from 'axios';
import { isLeft } from 'fp-ts/lib/Either.js';
import { Observable } from 'rxjs';
import { InvalidArgumentError } from '../errors';
import type { Logger } from '../logger';
import { createConcurrencyLimit } from './concurrencyLimit';
import { errorFromFailure } from './errorFromFailure';
import { readResponse, type RequestContext } from './readResponse';
import { secretValues } from './redactSecrets';
import type { HttpRequest, Transport } from './Transport';

/** Options of {@link createAxiosTransport}; the client fills them from its resolved options. */
export interface AxiosTransportOptions {
  /** The API root every path is appended to, such as `https://live.fastn.ai/api`. */
  baseUrl: string;
  /** How long one request may take, from sending to the last byte of the answer, in ms. */
  requestTimeoutMs: number;
  /** The largest response body accepted, in bytes; also the cap on the request body. */
  maxResponseBytes: number;
  /** Receives one debug line per request: path, outcome, duration. Never headers or bodies. */
  logger: Logger;
  /**
   * The clock, in epoch milliseconds: `Retry-After` dates are measured against it and request
   * durations taken from it.
   *
   * @default Date.now
   */
  nowMs?: () => number;
  /**
   * How many requests of this transport may be in flight at once; the others wait their turn in
   * arrival order. One client serving thousands of sessions then opens a bounded number of
   * connections instead of one per session at the same instant. The time spent waiting does not
   * count against `requestTimeoutMs`, and unsubscribing a waiting request sends nothing.
   *
   * @default 64
   */
  maxConcurrentRequests?: number;
  /**
   * @internal Forces one axios adapter, so that tests can run the browser's `fetch` path under
   * Node.
   *
   * @default the first available of `http` (Node), `fetch`, `xhr`
   */
  adapter?: 'http' | 'fetch' | 'xhr';
}

/**
 * Node's own client first; in a browser axios's `http` adapter is absent from the build, so
 * `fetch` is chosen, and `xhr` only where `fetch` is missing. What holds against redirects:
 * - `http` (Node): with `maxRedirects: 0` axios uses the bare `http`/`https` module, which never
 *   follows a redirect; the 3xx arrives here and is refused.
 * - `fetch`: with `maxRedirects: 0` axios sends `redirect: 'manual'` (over our own
 *   `redirect: 'error'`; either way nothing is followed). Node's fetch then returns the 3xx;
 *   a browser returns an opaque redirect with status 0. Both are refused.
 * - `xhr`: a browser follows redirects inside XMLHttpRequest and offers no way to stop it, so
 *   there the protection rests on the browser's CORS checks. Every current browser has `fetch`.
 */
const DEFAULT_ADAPTERS: AxiosAdapterConfig[] = ['http', 'fetch', 'xhr'];

/**
 * Enough to keep a server busy over keep-alive connections, few enough that a burst of sessions
 * cannot overflow its accept queue. Browsers cap connections per host lower on their own.
 */
const DEFAULT_MAX_CONCURRENT = 64;

/**
 * Creates the {@link Transport} the SDK uses unless given another: axios, one instance per
 * transport.
 *
 * Each request is a `POST` of the JSON body to `baseUrl + path`, sent when the Observable is
 * subscribed and aborted (the server sees the connection close) when it is unsubscribed first.
 * Redirects are never followed: a 3xx answer is an error, so the API key never reaches another
 * host. The body is read as text and parsed here, so that the caps and the messages are the
 * SDK's own. No axios error ever leaves: its config holds the headers, API key included.
 *
 * @param options - Base URL, timeout, size cap, logger and clock.
 * @returns A transport that emits the parsed JSON body of a 2xx answer, then completes.
 * @throws {@link NetworkError} delivered to the error channel: no response (transient, with
 *   `statusCode` undefined), a non-2xx status (with `statusCode`, `transient`, `retryAfterMs`), or
 *   a redirect (permanent).
 * @throws {@link InvalidResponseError} delivered to the error channel: a 2xx body that is empty,
 *   not JSON, or larger than `maxResponseBytes`.
 *
 * @example
 * ```ts
 * const transport = createAxiosTransport({
 *   baseUrl: 'https://live.fastn.ai/api',
 *   requestTimeoutMs: 30_000,
 *   maxResponseBytes: 1_048_576,
 *   logger: silentLogger,
 * });
 * transport({ path: '/ucl/connectorAuth/status', headers, body: { input } }).subscribe(handle);
 * ```
 */
export function createAxiosTransport(options: AxiosTransportOptions): Transport {
  const { logger, requestTimeoutMs, maxResponseBytes } = options;
  const nowMs = options.nowMs ?? Date.now;
  // One limit per transport, so all the sessions of a client share it.
  const limit = createConcurrencyLimit(options.maxConcurrentRequests ?? DEFAULT_MAX_CONCURRENT);

  const client = axios.create({
    baseURL: options.baseUrl,
    // A path can never name another host: it is always appended to the base URL.
    allowAbsoluteUrls: false,
    adapter: options.adapter ?? DEFAULT_ADAPTERS,
    timeout: requestTimeoutMs,
    maxRedirects: 0,
    fetchOptions: { redirect: 'error' },
    maxContentLength: maxResponseBytes,
    maxBodyLength: maxResponseBytes,
    // Text in, text out: parsing here turns "not JSON" into the SDK's error, not axios's guess.
    responseType: 'text',
    responseEncoding: 'utf8',
    transformRequest: [(data: unknown) => data],
    transformResponse: [(data: unknown) => data],
    // Every status is an answer to read; readResponse decides what is an error.
    validateStatus: () => true,
    transitional: { clarifyTimeoutError: true, forcedJSONParsing: false, silentJSONParsing: true },
  });

  return (request: HttpRequest) =>
    new Observable<unknown>((subscriber) => {
      const { path } = request;
      const context: RequestContext = {
        path,
        requestTimeoutMs,
        maxResponseBytes,
        nowMs,
        secrets: secretValues(request.headers),
      };

      let body: string | undefined;
      try {
        body = JSON.stringify(request.body);
      } catch {
        subscriber.error(new InvalidArgumentError('body', `POST ${path}: body is not JSON`));
        return undefined;
      }

      // Subscribing sends (once a slot is free): the transport is cold, and each subscription
      // is one attempt.
      const controller = new AbortController();
      let startedAtMs = nowMs();
      let settled = false;
      const logOutcome = (outcome: string): void =>
        logger.debug(`[axiosTransport] POST ${path} -> ${outcome} in ${nowMs() - startedAtMs} ms`);

      const send = (): void => {
        startedAtMs = nowMs();
        client
          .post<unknown>(path, body, { headers: { ...request.headers }, signal: controller.signal })
          .then(
            (response) => {
              settled = true;
              // The slot is free before the answer is delivered, so a follow-up request made by
              // a subscriber does not wait behind its own predecessor.
              slot.release();
              logOutcome(String(response.status));

              const outcome = readResponse(response, context);
              if (isLeft(outcome)) {
                subscriber.error(outcome.left);
                return;
              }
              subscriber.next(outcome.right);
              subscriber.complete();
            },
            (failure: unknown) => {
              settled = true;
              slot.release();

              // The abort below already ended this attempt; the rejection it causes is expected.
              if (subscriber.closed) return;

              const { error, summary } = errorFromFailure(failure, context);
              logOutcome(summary);
              subscriber.error(error);
            },
          );
      };
      const slot = limit(send);

      // Unsubscribing before the answer aborts the request, so the socket closes and nothing
      // of this attempt outlives its subscriber; a request still waiting for a slot leaves the
      // queue unsent.
      return () => {
        if (settled) return;
        settled = true;
        slot.release();
        controller.abort();
        logOutcome('aborted');
      };
    });
}
