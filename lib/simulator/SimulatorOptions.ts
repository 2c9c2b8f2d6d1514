import { validateFaults } from './FaultOptions';
import type { FaultOptions } from './FaultOptions';
import {
  MAX_DELAY_MS,
  checkFunction,
  checkHeaderValue,
  checkInteger,
  invalidOption,
} from './optionChecks';
import { RESPONSE_STYLES } from './styleResponse';
import type { ResponseStyle } from './styleResponse';
import { globalTimers } from './TimerSet';
import type { SimulatorTimers } from './TimerSet';

/**
 * How to run a local simulator of the Fastn connector-auth API.
 *
 * Every field is optional and checked when the simulator starts; a bad one rejects the start
 * with a `TypeError` that names it.
 *
 * @example
 * ```ts
 * const sim = await startSimulator({ approveAfterMs: 500, faults: { transientErrorRate: 0.1 } });
 * ```
 */
export interface SimulatorOptions {
  /** The TCP port on 127.0.0.1; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** The space id that requests must carry in `x-fastn-space-id`. @default 'sim-space' */
  readonly spaceId?: string;
  /** An API key accepted in `x-fastn-api-key`. @default 'sim-api-key' */
  readonly apiKey?: string;
  /** A token accepted in `Authorization: Bearer <token>`. @default 'sim-auth-token' */
  readonly authToken?: string;
  /** The path the API lives under: empty, or `/` followed by segments. @default '/api' */
  readonly basePath?: string;
  /** How long a session may stay pending before it expires, in milliseconds. @default 600000 */
  readonly sessionTtlMs?: number;
  /** How long issued credentials stay readable, in milliseconds. @default 3600000 */
  readonly credentialTtlMs?: number;
  /**
   * Approve each new session this many milliseconds after it starts, as a user who always
   * clicks Approve would. @default undefined: sessions wait for the consent page or the handle
   */
  readonly approveAfterMs?: number;
  /** The shape of successful answers. @default 'canonical' */
  readonly responseStyle?: ResponseStyle;
  /** Failures to inject into API answers; change them later with `setFaults`. @default none */
  readonly faults?: FaultOptions;
  /** The random source behind fault decisions, returning [0, 1). @default Math.random */
  readonly random?: () => number;
  /** The clock for expiry times, in epoch milliseconds. @default Date.now */
  readonly now?: () => number;
  /** The timers behind latency and automatic approval. @default the global timers */
  readonly timers?: SimulatorTimers;
  /** Receives one line per request (method, path, status, time); never a header. @default silent */
  readonly logger?: (line: string) => void;
}

/** Simulator options with every default filled in. @internal */
export interface ResolvedSimulatorOptions {
  readonly port: number;
  readonly spaceId: string;
  readonly apiKey: string;
  readonly authToken: string;
  readonly basePath: string;
  readonly sessionTtlMs: number;
  readonly credentialTtlMs: number;
  readonly approveAfterMs?: number;
  readonly responseStyle: ResponseStyle;
  readonly faults: FaultOptions;
  readonly random: () => number;
  readonly now: () => number;
  readonly timers: SimulatorTimers;
  readonly logger: (line: string) => void;
}

const KNOWN_OPTIONS: ReadonlySet<string> = new Set([
  'port',
  'spaceId',
  'apiKey',
  'authToken',
  'basePath',
  'sessionTtlMs',
  'credentialTtlMs',
  'approveAfterMs',
  'responseStyle',
  'faults',
  'random',
  'now',
  'timers',
  'logger',
]);

/**
 * Checks simulator options and fills in the defaults.
 *
 * @param options - what the caller passed, possibly nothing
 * @returns the complete options
 * @throws TypeError naming the first bad or unknown field
 * @internal
 */
export function resolveSimulatorOptions(options: unknown = {}): ResolvedSimulatorOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw invalidOption('options', 'an object', options);
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) throw invalidOption(key, 'no such option', key);
  }
  const given = options as SimulatorOptions;
  const approveAfterMs = given.approveAfterMs;

  return {
    port: checkInteger('port', given.port ?? 0, 0, 65_535),
    spaceId: checkHeaderValue('spaceId', given.spaceId ?? 'sim-space'),
    apiKey: checkHeaderValue('apiKey', given.apiKey ?? 'sim-api-key', true),
    authToken: checkHeaderValue('authToken', given.authToken ?? 'sim-auth-token', true),
    basePath: checkBasePath(given.basePath ?? '/api'),
    sessionTtlMs: checkInteger('sessionTtlMs', given.sessionTtlMs ?? 600_000, 1, MAX_DELAY_MS),
    credentialTtlMs: checkInteger(
      'credentialTtlMs',
      given.credentialTtlMs ?? 3_600_000,
      1,
      MAX_DELAY_MS,
    ),
    ...(approveAfterMs !== undefined && {
      approveAfterMs: checkInteger('approveAfterMs', approveAfterMs, 0, MAX_DELAY_MS),
    }),
    responseStyle: checkResponseStyle(given.responseStyle ?? 'canonical'),
    faults: validateFaults(given.faults ?? {}),
    random: checkFunction('random', given.random ?? Math.random),
    now: checkFunction('now', given.now ?? Date.now),
    timers: checkTimers(given.timers ?? globalTimers),
    logger: checkFunction('logger', given.logger ?? (() => undefined)),
  };
}

function checkBasePath(value: unknown): string {
  if (typeof value !== 'string' || !/^(\/[A-Za-z0-9._~-]+)*$/.test(value)) {
    throw invalidOption('basePath', "'' or '/' followed by path segments, no trailing '/'", value);
  }
  return value;
}

function checkResponseStyle(value: unknown): ResponseStyle {
  if (!RESPONSE_STYLES.includes(value as ResponseStyle)) {
    throw invalidOption('responseStyle', `one of ${RESPONSE_STYLES.join(', ')}`, value);
  }
  return value as ResponseStyle;
}

function checkTimers(value: unknown): SimulatorTimers {
  if (typeof value !== 'object' || value === null) {
    throw invalidOption('timers', 'an object with setTimeout and clearTimeout', value);
  }
  const timers = value as Partial<SimulatorTimers>;
  checkFunction('timers.setTimeout', timers.setTimeout);
  checkFunction('timers.clearTimeout', timers.clearTimeout);
  return value as SimulatorTimers;
}
