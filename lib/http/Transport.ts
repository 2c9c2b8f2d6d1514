import type { Observable } from 'rxjs';

/** One request of the wire contract: a `POST` of a JSON body to a path below the base URL. */
export interface HttpRequest {
  /** The path below the base URL, starting with `/`, such as `/ucl/connectorAuth/status`. */
  readonly path: string;
  /** Every header to send, secrets included. A transport never logs or echoes them. */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body. */
  readonly body: unknown;
}

/**
 * Sends one request and emits the parsed JSON body of a 2xx answer once, then completes.
 *
 * It is cold: nothing is sent until subscribed, and unsubscribing aborts the request in flight.
 * Failures are delivered to the error channel: a {@link NetworkError} for no response, a
 * non-2xx status or a redirect; an {@link InvalidResponseError} for a body that is not JSON or is
 * larger than allowed.
 */
export type Transport = (request: HttpRequest) => Observable<unknown>;
