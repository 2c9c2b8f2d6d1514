import { validateFaults } from './FaultOptions';
import type { FaultOptions } from './FaultOptions';
import { MAX_DELAY_MS } from './optionChecks';

/** The spec's names, and the fault option each one sets. */
const FIELDS: Readonly<Record<string, keyof FaultOptions>> = {
  latency: 'latencyMs',
  error: 'transientErrorRate',
  ratelimit: 'rateLimitRate',
  drop: 'dropConnectionRate',
  malformed: 'malformedBodyRate',
  'retry-after': 'retryAfterSeconds',
};

/**
 * Parses a compact fault spec, as given on the command line, into {@link FaultOptions}.
 *
 * The spec is a comma-separated list of `name=value` parts, each name at most once:
 * `latency=<ms>` or `latency=<min>-<max>`, `error=<rate>`, `ratelimit=<rate>`, `drop=<rate>`,
 * `malformed=<rate>`, `retry-after=<seconds>`. A rate is a number from 0 to 1. Spaces around
 * parts are ignored; an empty spec means no faults.
 *
 * @param spec - the spec text
 * @returns the fault options it describes
 * @throws Error naming the bad part and saying what was expected
 * @example
 * ```ts
 * parseFaultSpec('latency=100-300,error=0.1,retry-after=2');
 * // { latencyMs: [100, 300], transientErrorRate: 0.1, retryAfterSeconds: 2 }
 * ```
 */
export function parseFaultSpec(spec: string): FaultOptions {
  if (typeof spec !== 'string') throw new Error('A fault spec must be a string');
  const faults: Record<string, unknown> = {};

  for (const part of spec.split(',').map((text) => text.trim())) {
    if (part === '') continue;

    const match = /^([a-z-]+)\s*=\s*(.*)$/i.exec(part);
    const name = match?.[1]?.toLowerCase() ?? '';
    const field = FIELDS[name];
    if (match === null || field === undefined) {
      throw badPart(
        part,
        `expected name=value with a name among ${Object.keys(FIELDS).join(', ')}`,
      );
    }
    if (field in faults) throw badPart(part, `${name} is given more than once`);

    faults[field] = parseValue(name, match[2] ?? '', part);
  }

  return validateFaults(faults);
}

function parseValue(name: string, value: string, part: string): unknown {
  if (name === 'latency') {
    const range = /^(\d+)(?:-(\d+))?$/.exec(value);
    const min = Number(range?.[1]);
    const max = range?.[2] === undefined ? min : Number(range[2]);
    if (range === null || max < min || max > MAX_DELAY_MS) {
      throw badPart(part, 'expected milliseconds, or min-max with min <= max');
    }
    return range[2] === undefined ? min : [min, max];
  }

  if (name === 'retry-after') {
    if (!/^\d+$/.test(value) || Number(value) > 86_400) {
      throw badPart(part, 'expected whole seconds from 0 to 86400');
    }
    return Number(value);
  }

  const rate = Number(value);
  if (!/^\d*\.?\d+$/.test(value) || !(rate >= 0 && rate <= 1)) {
    throw badPart(part, 'expected a rate from 0 to 1');
  }
  return rate;
}

function badPart(part: string, expected: string): Error {
  return new Error(`Invalid fault spec part ${JSON.stringify(part)}: ${expected}`);
}
