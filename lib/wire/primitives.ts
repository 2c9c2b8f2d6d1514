/**
 * The leaf codecs of the wire contract: the few value shapes the responses are made of. Each
 * failure is an io-ts error whose codec name says, in words, what was expected.
 *
 * @packageDocumentation
 * @internal
 */
import * as t from 'io-ts';

/** The largest time a JavaScript `Date` can hold, in milliseconds either side of 1970. */
const MAX_DATE_MS = 8.64e15;

/** The longest lifetime accepted for a token, in seconds (about 317 years). */
const MAX_LIFETIME_SECONDS = 1e10;

/** The status words of the contract, as they are spelt once upper-cased. */
export type StatusWord = 'INACTIVE' | 'PENDING' | 'ACTIVE' | 'FAILED' | 'EXPIRED';

const STATUS_WORDS: readonly StatusWord[] = ['INACTIVE', 'PENDING', 'ACTIVE', 'FAILED', 'EXPIRED'];

/** Builds a codec whose output is its input once checked, from a guard. */
function checked<A>(name: string, is: (u: unknown) => u is A): t.Type<A, A, unknown> {
  return new t.Type(name, is, (u, c) => (is(u) ? t.success(u) : t.failure(u, c)), t.identity);
}

/** Any string. @internal */
export const Text = checked('a string', (u): u is string => typeof u === 'string');

/** A string with at least one character that is not whitespace. @internal */
export const NonBlankString = checked(
  'a non-empty string',
  (u): u is string => typeof u === 'string' && u.trim() !== '',
);

/**
 * An absolute `http:` or `https:` URL, as the WHATWG `URL` class parses it. Anything else
 * (`javascript:`, `data:`, a relative path) fails: the SDK sends users to this address.
 *
 * @internal
 */
export const HttpUrl = checked('an absolute http(s) URL', (u): u is string => {
  if (typeof u !== 'string') return false;
  const protocol = protocolOf(u);
  return protocol === 'http:' || protocol === 'https:';
});

/** A status word in any case, decoded to its upper-case spelling. @internal */
export const StatusWordCodec = new t.Type<StatusWord, string, unknown>(
  `one of ${STATUS_WORDS.join(', ')} (in any case)`,
  (u): u is StatusWord => STATUS_WORDS.includes(u as StatusWord),
  (u, c) => {
    const word = typeof u === 'string' ? u.toUpperCase() : undefined;
    return STATUS_WORDS.includes(word as StatusWord)
      ? t.success(word as StatusWord)
      : t.failure(u, c);
  },
  t.identity,
);

/** A date string in ISO-8601 form, decoded to its canonical UTC spelling. @internal */
export const IsoDateString = new t.Type<string, string, unknown>(
  'an ISO-8601 date',
  (u): u is string => typeof u === 'string' && isoToMs(u) !== undefined,
  (u, c) => {
    const ms = typeof u === 'string' ? isoToMs(u) : undefined;
    return ms === undefined ? t.failure(u, c) : t.success(new Date(ms).toISOString());
  },
  t.identity,
);

/** A number of seconds since 1970, decoded to an ISO-8601 date. @internal */
export const EpochSeconds = new t.Type<string, number, unknown>(
  'a number of epoch seconds',
  (u): u is string => typeof u === 'string' && isoToMs(u) !== undefined,
  (u, c) => {
    const valid = typeof u === 'number' && Number.isFinite(u) && Math.abs(u * 1000) <= MAX_DATE_MS;
    return valid ? t.success(new Date(u * 1000).toISOString()) : t.failure(u, c);
  },
  (iso) => Date.parse(iso) / 1000,
);

/** A token lifetime in seconds: a finite number from 0 to about 317 years. @internal */
export const LifetimeSeconds = checked(
  'a number of seconds',
  (u): u is number =>
    typeof u === 'number' && Number.isFinite(u) && u >= 0 && u <= MAX_LIFETIME_SECONDS,
);

/** `null` or nothing, both read as absent. */
const Absent = new t.Type<undefined, undefined, unknown>(
  'null',
  (u): u is undefined => u === undefined,
  (u, c) => (u === undefined || u === null ? t.success(undefined) : t.failure(u, c)),
  t.identity,
);

/**
 * Makes a field optional, and lets it be `null` as well as absent: both decode to `undefined`,
 * since servers often send `null` for "none". It is an io-ts union, so an error names the
 * whole choice rather than one of its members.
 *
 * @internal
 * @param codec - The codec of the value when one is present.
 * @returns A codec accepting `undefined`, `null` or what `codec` accepts.
 */
export function optional<A, O>(
  codec: t.Type<A, O, unknown>,
): t.UnionType<[t.Type<A, O, unknown>, typeof Absent], A | undefined, O | undefined, unknown> {
  return t.union([codec, Absent], `${codec.name}, or null`);
}

/** The scheme of an absolute URL, or `undefined` when the text is not one. */
function protocolOf(text: string): string | undefined {
  // URL.canParse would read better, but older browsers that this SDK supports lack it.
  try {
    return new URL(text).protocol;
  } catch {
    return undefined;
  }
}

/** Milliseconds since 1970 of a string that starts like an ISO-8601 date, else `undefined`. */
function isoToMs(text: string): number | undefined {
  // Date.parse alone also takes forms such as "March 7", whose meaning depends on the engine.
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}
