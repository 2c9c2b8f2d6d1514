import type { SchedulerLike } from 'rxjs';
import { InvalidArgumentError } from '../errors';
import type { Transport } from '../http/Transport';
import type { Logger } from '../logger';
import { DEFAULT_ENDPOINTS } from '../wire/endpoints';
import { resolveAuthHeaders } from './authHeaders';
import { resolveBaseUrl } from './baseUrl';
import {
  MAX_TIMER_MS,
  hasControlCharacter,
  keysOf,
  optionalBoolean,
  optionalNumber,
  rejectUnknownKeys,
  requireRecord,
} from './checks';
import type { UnknownRecord } from './checks';
import { describeValue } from './describeValue';
import { resolveLogger, resolveScheduler, resolveTransport } from './injectables';
import { validateId } from './validate';

/** The paths of the three calls, below the base URL. Each starts with `/`. */
export interface EndpointPaths {
  /** Starts an authorization. @default '/ucl/connectorAuth/initialize' */
  initialize: string;
  /** Reports an authorization's status. @default '/ucl/connectorAuth/status' */
  status: string;
  /** Reads a connector's credentials. @default '/ucl/connectorAuth' */
  credentials: string;
}

/**
 * The options of a `FastnAuth` client. Every one is checked when the client is built, and a bad
 * one throws an {@link InvalidArgumentError} naming it; so does an unknown key.
 *
 * @example
 * ```ts
 * const client = new FastnAuth({ spaceId: 'my-space', apiKey: process.env.FASTN_API_KEY });
 * ```
 */
export interface FastnAuthOptions {
  /** The Fastn space (workspace) id, sent as `x-fastn-space-id`. */
  spaceId: string;
  /** A Fastn API key, sent as `x-fastn-api-key`. Give exactly one of `apiKey` and `authToken`. */
  apiKey?: string;
  /** A bearer token, sent as `Authorization: Bearer <token>`. Exclusive with `apiKey`. */
  authToken?: string;
  /**
   * The API root: absolute `http(s)`, without credentials. Plain `http:` only for loopback hosts
   * (`localhost`, `127.x.x.x`, `[::1]`) unless `allowInsecureHttp` is set.
   * @default 'https://live.fastn.ai/api'
   */
  baseUrl?: string;
  /** Allows plain `http:` to any host, for a test server elsewhere. @default false */
  allowInsecureHttp?: boolean;
  /** The deployment stage, sent as the `stage` header. @default 'LIVE' */
  stage?: 'LIVE' | 'DRAFT';
  /** Overrides of the paths below `baseUrl`; each starts with `/`. @default DEFAULT_ENDPOINTS */
  endpoints?: Partial<EndpointPaths>;
  /** Limits of each HTTP request. */
  http?: {
    /** How long one request may take, in milliseconds. @default 30000 */
    requestTimeoutMs?: number;
    /** The largest response body accepted, in bytes. @default 1048576 */
    maxResponseBytes?: number;
    /**
     * How many requests of this client may be in flight at once; the rest wait their turn, so
     * thousands of sessions on one client open a bounded number of connections.
     * @default 64
     */
    maxConcurrentRequests?: number;
  };
  /** Pacing and retries of the status polling. */
  polling?: {
    /** Time between two status requests, in milliseconds. @default 2000 */
    intervalMs?: number;
    /** How long a wait for completion may take, in milliseconds. @default 300000 */
    timeoutMs?: number;
    /** The first retry delay after a transient failure, in milliseconds. @default 500 */
    retryBaseDelayMs?: number;
    /** The longest retry delay, in milliseconds; at least `retryBaseDelayMs`. @default 30000 */
    retryMaxDelayMs?: number;
  };
  /** Where debug lines go. @default a silent logger */
  logger?: Logger;
  /** Drives every timer and the clock (`scheduler.now()`). @default asyncScheduler */
  scheduler?: SchedulerLike;
  /** Sends the requests; inject one to test or to use another HTTP stack. @default axios */
  transport?: Transport;
}

/**
 * The options after validation, with every default filled in.
 *
 * @internal
 */
export interface ResolvedOptions {
  readonly spaceId: string;
  /** The credential header; a closure, so inspecting or serializing this object never shows it. */
  readonly authHeaders: () => Readonly<Record<string, string>>;
  /** The API root, without a trailing slash. */
  readonly baseUrl: string;
  readonly stage: 'LIVE' | 'DRAFT';
  readonly endpoints: EndpointPaths;
  readonly requestTimeoutMs: number;
  readonly maxResponseBytes: number;
  readonly maxConcurrentRequests: number;
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly retryBaseDelayMs: number;
  readonly retryMaxDelayMs: number;
  readonly logger: Logger;
  readonly scheduler: SchedulerLike;
  /** The injected transport; absent means the client builds its axios transport. */
  readonly transport?: Transport;
}

const OPTION_KEYS = keysOf<FastnAuthOptions>({
  spaceId: true,
  apiKey: true,
  authToken: true,
  baseUrl: true,
  allowInsecureHttp: true,
  stage: true,
  endpoints: true,
  http: true,
  polling: true,
  logger: true,
  scheduler: true,
  transport: true,
});
const ENDPOINT_KEYS = [
  'initialize',
  'status',
  'credentials',
] as const satisfies readonly (keyof EndpointPaths)[];
const HTTP_KEYS = keysOf<NonNullable<FastnAuthOptions['http']>>({
  requestTimeoutMs: true,
  maxResponseBytes: true,
  maxConcurrentRequests: true,
});
const POLLING_KEYS = keysOf<NonNullable<FastnAuthOptions['polling']>>({
  intervalMs: true,
  timeoutMs: true,
  retryBaseDelayMs: true,
  retryMaxDelayMs: true,
});

/** The defaults of the numeric options, as documented on {@link FastnAuthOptions}. */
const DEFAULTS = {
  requestTimeoutMs: 30_000,
  maxResponseBytes: 1_048_576,
  maxConcurrentRequests: 64,
  intervalMs: 2000,
  timeoutMs: 300_000,
  retryBaseDelayMs: 500,
  retryMaxDelayMs: 30_000,
} as const;

const TIMER_MS = { integer: false, min: 1, max: MAX_TIMER_MS };
const WHOLE_TIMER_MS = { integer: true, min: 1, max: MAX_TIMER_MS };
const BYTES = { integer: true, min: 1, max: Number.MAX_SAFE_INTEGER };
const COUNT = { integer: true, min: 1, max: 100_000 };

/**
 * Checks a client's options eagerly and fills in the defaults.
 *
 * Nothing is sent and nothing is kept of the input object. The API key or token is held only in
 * the `authHeaders` closure.
 *
 * @internal
 * @param options - What the caller passed to the client's constructor.
 * @returns The frozen, complete options.
 * @throws {@link InvalidArgumentError} naming the first bad option; an API key or token is never
 * shown, other values only shortened.
 */
export function resolveOptions(options: unknown): ResolvedOptions {
  const record = requireRecord('options', options);
  rejectUnknownKeys(record, OPTION_KEYS, 'option');

  const spaceId = validateId('spaceId', record.spaceId, true);
  const authHeaders = resolveAuthHeaders(record.apiKey, record.authToken);
  const allowInsecureHttp = optionalBoolean('allowInsecureHttp', record.allowInsecureHttp) ?? false;
  const baseUrl = resolveBaseUrl(record.baseUrl, allowInsecureHttp);
  const stage = resolveStage(record.stage);
  const endpoints = resolveEndpoints(record.endpoints);
  const http = optionalGroup('http', record.http, HTTP_KEYS);
  const polling = optionalGroup('polling', record.polling, POLLING_KEYS);

  const requestTimeoutMs =
    optionalNumber('http.requestTimeoutMs', http.requestTimeoutMs, WHOLE_TIMER_MS) ??
    DEFAULTS.requestTimeoutMs;
  const maxResponseBytes =
    optionalNumber('http.maxResponseBytes', http.maxResponseBytes, BYTES) ??
    DEFAULTS.maxResponseBytes;
  const maxConcurrentRequests =
    optionalNumber('http.maxConcurrentRequests', http.maxConcurrentRequests, COUNT) ??
    DEFAULTS.maxConcurrentRequests;
  const intervalMs =
    optionalNumber('polling.intervalMs', polling.intervalMs, TIMER_MS) ?? DEFAULTS.intervalMs;
  const timeoutMs =
    optionalNumber('polling.timeoutMs', polling.timeoutMs, TIMER_MS) ?? DEFAULTS.timeoutMs;
  const retryBaseDelayMs =
    optionalNumber('polling.retryBaseDelayMs', polling.retryBaseDelayMs, TIMER_MS) ??
    DEFAULTS.retryBaseDelayMs;
  const retryMaxDelayMs =
    optionalNumber('polling.retryMaxDelayMs', polling.retryMaxDelayMs, TIMER_MS) ??
    DEFAULTS.retryMaxDelayMs;
  if (retryMaxDelayMs < retryBaseDelayMs) {
    throw new InvalidArgumentError(
      'polling.retryMaxDelayMs',
      `polling.retryMaxDelayMs must be at least polling.retryBaseDelayMs (${retryBaseDelayMs}), ` +
        `got ${retryMaxDelayMs}`,
    );
  }

  const logger = resolveLogger(record.logger);
  const scheduler = resolveScheduler(record.scheduler);
  const transport = resolveTransport(record.transport);

  return Object.freeze({
    spaceId,
    authHeaders,
    baseUrl,
    stage,
    endpoints,
    requestTimeoutMs,
    maxResponseBytes,
    maxConcurrentRequests,
    intervalMs,
    timeoutMs,
    retryBaseDelayMs,
    retryMaxDelayMs,
    logger,
    scheduler,
    ...(transport !== undefined && { transport }),
  });
}

function resolveStage(value: unknown): 'LIVE' | 'DRAFT' {
  if (value === undefined) return 'LIVE';
  if (value === 'LIVE' || value === 'DRAFT') return value;
  throw new InvalidArgumentError(
    'stage',
    `stage must be 'LIVE' or 'DRAFT', got ${describeValue(value)}`,
  );
}

function resolveEndpoints(value: unknown): EndpointPaths {
  const overrides = optionalGroup('endpoints', value, ENDPOINT_KEYS);
  const paths = { ...DEFAULT_ENDPOINTS };
  for (const key of ENDPOINT_KEYS) {
    if (overrides[key] !== undefined) paths[key] = checkPath(`endpoints.${key}`, overrides[key]);
  }
  return Object.freeze(paths);
}

/**
 * A path must stay below the base URL: a leading `//` would name another host to a URL
 * resolver, and whitespace or control characters have no place in a request line.
 */
function checkPath(field: string, value: unknown): string {
  const valid =
    typeof value === 'string' &&
    value.startsWith('/') &&
    !value.startsWith('//') &&
    !/\s/.test(value) &&
    !hasControlCharacter(value);
  if (!valid) {
    throw new InvalidArgumentError(
      field,
      `${field} must be a path starting with a single '/', without whitespace or control ` +
        `characters, got ${describeValue(value)}`,
    );
  }
  return value;
}

/** An optional nested option object; absent reads as empty. */
function optionalGroup(field: string, value: unknown, keys: readonly string[]): UnknownRecord {
  if (value === undefined) return {};
  const group = requireRecord(field, value);
  rejectUnknownKeys(group, keys, 'option', `${field}.`);
  return group;
}
