import { InvalidArgumentError } from '../errors';
import { describeValue } from './describeValue';

/** Fastn's public API root. */
export const DEFAULT_BASE_URL = 'https://live.fastn.ai/api';

const FIELD = 'baseUrl';

/**
 * Checks the API root and brings it to the form requests are built on: no trailing slash.
 *
 * The URL is parsed by the WHATWG `URL` class. It must be absolute `http:` or `https:` with no
 * user name, password, query or fragment. Plain `http:` is refused for any host other than a
 * loopback one (`localhost`, `127.0.0.0/8`, `[::1]`), because the API key would cross the
 * network in clear; `allowInsecureHttp` lifts that, for a test server on another machine.
 *
 * @internal
 * @param value - The `baseUrl` option, `undefined` for the default.
 * @param allowInsecureHttp - Whether plain `http:` is allowed to any host.
 * @returns The URL's origin and path, without a trailing slash.
 * @throws {@link InvalidArgumentError} naming `baseUrl`; the value is shown only when it
 * cannot hold a password.
 */
export function resolveBaseUrl(value: unknown, allowInsecureHttp: boolean): string {
  if (value === undefined) return DEFAULT_BASE_URL;
  if (typeof value !== 'string') {
    throw invalid(`must be a string, got ${describeValue(value)}`);
  }

  const url = parse(value);
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw invalid(`must be an absolute http: or https: URL, got ${showSafely(value)}`);
  }
  if (url.username !== '' || url.password !== '') {
    // The value itself is not shown: it holds a password.
    throw invalid('must not contain a user name or password; the client sends its own credentials');
  }
  if (url.search !== '' || url.hash !== '') {
    throw invalid(`must not have a query or fragment, got ${describeValue(value)}`);
  }
  if (url.protocol === 'http:' && !allowInsecureHttp && !isLoopbackHost(url.hostname)) {
    throw invalid(
      `must use https: for a host that is not loopback (set allowInsecureHttp to allow it), ` +
        `got ${describeValue(value)}`,
    );
  }

  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function parse(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/**
 * Whether a hostname, as the `URL` class normalises it, is this machine. IPv4 forms such as
 * `127.1` or `0x7f.0.0.1` are already rewritten to dotted quads by the parser.
 */
function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** An unparseable string is shown only when it has no `@`, so it cannot carry a password. */
function showSafely(value: string): string {
  return value.includes('@') ? 'a string that is not one' : describeValue(value);
}

function invalid(problem: string): InvalidArgumentError {
  return new InvalidArgumentError(FIELD, `${FIELD} ${problem}`);
}
