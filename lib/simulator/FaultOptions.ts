import { ENDPOINT_PATHS, isEndpointPath } from './EndpointPath';
import type { EndpointPath } from './EndpointPath';
import { MAX_DELAY_MS, checkInteger, invalidOption } from './optionChecks';

/**
 * The failures the simulator injects into its API answers, to test how a client copes.
 *
 * Each rate is a probability from 0 to 1, decided per request with the simulator's `random`
 * option, one draw per knob whose rate is above 0, in this order: drop, rate limit, transient
 * error, then (only for a 200 answer) malformed body. A request meets at most one of the first
 * three. Faults touch the API endpoints only, never the consent page.
 *
 * @example
 * ```ts
 * const sim = await startSimulator({ faults: { transientErrorRate: 0.2, latencyMs: [50, 200] } });
 * ```
 */
export interface FaultOptions {
  /**
   * Delay before each request is handled, in milliseconds: a fixed number, or `[min, max]` for a
   * delay drawn uniformly between the two. @default 0
   */
  readonly latencyMs?: number | readonly [number, number];
  /** Share of requests answered 500, 502, 503 or 504 (picked at random). @default 0 */
  readonly transientErrorRate?: number;
  /** Share of requests answered 429 with a `Retry-After` header. @default 0 */
  readonly rateLimitRate?: number;
  /** The `Retry-After` value of a 429 answer, in seconds. @default 1 */
  readonly retryAfterSeconds?: number;
  /** Share of requests whose connection is destroyed with no response at all. @default 0 */
  readonly dropConnectionRate?: number;
  /** Share of 200 answers whose body is cut in half, so it is no longer JSON. @default 0 */
  readonly malformedBodyRate?: number;
  /** The endpoints the faults apply to. @default every endpoint */
  readonly paths?: readonly EndpointPath[];
}

const RATE_FIELDS = [
  'transientErrorRate',
  'rateLimitRate',
  'dropConnectionRate',
  'malformedBodyRate',
] as const;

const KNOWN_FIELDS: ReadonlySet<string> = new Set([
  ...RATE_FIELDS,
  'latencyMs',
  'retryAfterSeconds',
  'paths',
]);

/**
 * Checks a fault set and returns a frozen copy of it.
 *
 * @param value - what the caller passed
 * @param field - the option's path, for messages (`faults`, or `setFaults` for the handle)
 * @returns the same faults, frozen, with `undefined` fields left out
 * @throws TypeError naming the first bad field, or an unknown one
 * @internal
 */
export function validateFaults(value: unknown, field = 'faults'): FaultOptions {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidOption(field, 'an object', value);
  }
  const faults: Record<string, unknown> = {};

  for (const [key, raw] of Object.entries(value)) {
    if (!KNOWN_FIELDS.has(key)) throw invalidOption(`${field}.${key}`, 'no such option', raw);
    if (raw === undefined) continue;
    faults[key] = checkFault(`${field}.${key}`, key, raw);
  }

  return Object.freeze(faults) as FaultOptions;
}

function checkFault(field: string, key: string, raw: unknown): unknown {
  if (key === 'latencyMs') return checkLatency(field, raw);
  if (key === 'retryAfterSeconds') return checkInteger(field, raw, 0, 86_400);
  if (key === 'paths') return checkPaths(field, raw);
  if (typeof raw !== 'number' || !(raw >= 0 && raw <= 1)) {
    throw invalidOption(field, 'a number from 0 to 1', raw);
  }
  return raw;
}

function checkLatency(field: string, raw: unknown): FaultOptions['latencyMs'] {
  if (!Array.isArray(raw)) return checkInteger(field, raw, 0, MAX_DELAY_MS);

  if (raw.length !== 2) throw invalidOption(field, 'a number or a [min, max] pair', raw);
  const min = checkInteger(`${field}[0]`, raw[0], 0, MAX_DELAY_MS);
  const max = checkInteger(`${field}[1]`, raw[1], min, MAX_DELAY_MS);
  return Object.freeze([min, max] as const);
}

function checkPaths(field: string, raw: unknown): readonly EndpointPath[] {
  if (!Array.isArray(raw)) throw invalidOption(field, 'an array of endpoint paths', raw);
  raw.forEach((path, index) => {
    if (!isEndpointPath(path)) {
      throw invalidOption(`${field}[${index}]`, `one of ${ENDPOINT_PATHS.join(', ')}`, path);
    }
  });
  return Object.freeze([...(raw as EndpointPath[])]);
}
