/**
 * The io-ts combinators the response codecs are built with: other names for a field, one
 * optional wrapper object, a final mapping to the SDK's types, and values never to be shown.
 *
 * @packageDocumentation
 * @internal
 */
import * as t from 'io-ts';
import { chain, isRight } from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';

type UnknownRecord = Record<string, unknown>;

function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Lets a field of an object arrive under other names. Before `codec` runs, the first name that
 * holds a value (not `undefined`, not `null`) is copied to the canonical name; when only `null`
 * was sent, `null` is copied, so an optional field reads as absent and a required one fails.
 *
 * An error on a field that came under another name is reported under the name actually sent.
 *
 * @internal
 * @param codec - The codec of the object, written with the canonical names.
 * @param aliases - For each canonical name, the other names in order of preference.
 * @returns A codec with the same output as `codec`.
 */
export function withAliases<A, O>(
  codec: t.Type<A, O, unknown>,
  aliases: Readonly<Record<string, readonly string[]>>,
): t.Type<A, O, unknown> {
  return new t.Type<A, O, unknown>(
    codec.name,
    codec.is,
    (u, c) => {
      if (!isRecord(u)) return codec.validate(u, c);

      const renamed: UnknownRecord = { ...u };
      const sentAs = new Map<string, string>();
      for (const [canonical, others] of Object.entries(aliases)) {
        const names = [canonical, ...others];
        const name =
          names.find((n) => u[n] !== undefined && u[n] !== null) ??
          names.find((n) => u[n] === null);
        if (name === undefined) continue;
        renamed[canonical] = u[name];
        if (name !== canonical) sentAs.set(canonical, name);
      }

      const result = codec.validate(renamed, c);
      if (isRight(result) || sentAs.size === 0) return result;
      return t.failures(result.left.map((error) => renameInError(error, c.length, sentAs)));
    },
    codec.encode,
  );
}

/** Puts back the name the server used on the first field key below `depth` that was renamed. */
function renameInError(
  error: t.ValidationError,
  depth: number,
  sentAs: ReadonlyMap<string, string>,
): t.ValidationError {
  const index = error.context.findIndex((entry, i) => i >= depth && sentAs.has(entry.key));
  if (index < 0) return error;
  const context = error.context.map((entry, i) =>
    i === index ? { ...entry, key: sentAs.get(entry.key) ?? entry.key } : entry,
  );
  return { ...error, context };
}

/** The keys under which some Fastn responses wrap their payload. */
const WRAPPER_KEYS = ['body', 'data'] as const;

/**
 * Accepts a payload either bare or wrapped once in `{ "body": ... }` or `{ "data": ... }`.
 *
 * The bare reading is tried first, so a payload that merely has a `data` field still decodes as
 * itself. When it fails and a wrapper holds an object, the wrapped payload is decoded instead, and
 * its errors (with paths such as `body.status`) are the ones reported. Only one level is unwrapped.
 *
 * @internal
 * @param codec - The codec of the payload.
 * @returns A codec with the same output as `codec`.
 */
export function unwrapOnce<A, O>(codec: t.Type<A, O, unknown>): t.Type<A, O, unknown> {
  return new t.Type<A, O, unknown>(
    codec.name,
    codec.is,
    (u, c) => {
      const bare = codec.validate(u, c);
      if (isRight(bare) || !isRecord(u)) return bare;

      const key = WRAPPER_KEYS.find((k) => isRecord(u[k]));
      if (key === undefined) return bare;
      return codec.validate(u[key], t.appendContext(c, key, codec, u[key]));
    },
    codec.encode,
  );
}

/**
 * Turns a codec's output into one of the SDK's types, once decoding has succeeded.
 *
 * The result is a decoder only: these values are never encoded back to the wire. It keeps the
 * codec's name, which says what the body should be when it is not even an object.
 *
 * @internal
 * @param codec - The codec of the wire shape.
 * @param toValue - Builds the SDK's value from the decoded wire shape.
 * @returns A decoder of the SDK's type.
 */
export function mapDecoder<A, B>(
  codec: t.Decoder<unknown, A>,
  toValue: (decoded: A) => B,
): t.Decoder<unknown, B> {
  const validate: t.Validate<unknown, B> = (u, c) =>
    pipe(
      codec.validate(u, c),
      chain((decoded) => t.success(toValue(decoded))),
    );
  const decoder: t.Decoder<unknown, B> = {
    name: codec.name,
    validate,
    decode: (u) => validate(u, [{ key: '', type: decoder, actual: u }]),
  };
  return decoder;
}

/** Codecs whose values (say, credentials) must never appear in an error message. */
const redactedCodecs = new WeakSet<t.Decoder<unknown, unknown>>();

/**
 * Marks a codec as holding secrets: an error anywhere inside it names the value's type, never
 * the value.
 *
 * @internal
 * @param codec - The codec to mark.
 * @returns The same codec.
 */
export function redacted<D extends t.Decoder<unknown, unknown>>(codec: D): D {
  redactedCodecs.add(codec);
  return codec;
}

/**
 * Tells whether an error's context passes through a codec marked by {@link redacted}.
 *
 * @internal
 * @param context - The io-ts context of a validation error.
 * @returns `true` when the erroneous value must not be shown.
 */
export function isRedacted(context: t.Context): boolean {
  return context.some((entry) => redactedCodecs.has(entry.type));
}
