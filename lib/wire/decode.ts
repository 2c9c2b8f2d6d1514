import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import { concatMap, of, throwError } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { describeType, describeValue } from '../config/describeValue';
import { InvalidResponseError } from '../errors';
import { isRedacted } from './combinators';

/**
 * Decodes each response body, turning an io-ts failure into one {@link InvalidResponseError}.
 *
 * This is the edge where decode failures stop being values: inside, io-ts keeps every problem
 * as an `Either`; here the first is put into words. The message names what was decoded, the
 * field's path (`status`, `body.redirectUrl`, `auth.expires_at`), what was expected and the
 * value received, cut to about 60 characters. Under the credentials' `auth` object only the
 * value's type is told, never the value. The path is also set as `fieldPath`.
 *
 * A server may echo the caller's API key or token into a field it got wrong; `redact` hides
 * such values. It is applied to every string of the value before it is shortened (a cut could
 * leave a prefix of the secret that no longer matches), then to the whole message and path.
 *
 * @param decoder - The io-ts decoder of the body, such as `statusResponse`.
 * @param what - What is decoded, in words, such as `status response`.
 * @param redact - Replaces the secrets in a text, such as the client's API key, with
 *   `[redacted]`. @default no redaction
 * @returns An operator emitting each decoded value.
 * @throws {@link InvalidResponseError} delivered to the error channel when a body does not decode.
 *
 * @example
 * ```ts
 * transport(statusRequest(options, session)).pipe(
 *   decodeBody(statusResponse, 'status response', (text) => redactSecrets(text, secrets)),
 * );
 * ```
 */
export function decodeBody<A>(
  decoder: t.Decoder<unknown, A>,
  what: string,
  redact: Redact = noRedaction,
): OperatorFunction<unknown, A> {
  return (source) =>
    source.pipe(
      concatMap((body) => {
        const result = decoder.decode(body);
        return isLeft(result)
          ? throwError(() => invalidResponseError(result.left, what, redact))
          : of(result.right);
      }),
    );
}

/** Hides secret values in a text, such as `(text) => redactSecrets(text, secrets)`. */
export type Redact = (text: string) => string;

const noRedaction: Redact = (text) => text;

/** One decode failure, put into words. */
interface Problem {
  /** The field's path, dot-separated; empty for the body itself. */
  readonly path: string;
  readonly sentence: string;
}

/**
 * Builds the error for a failed decode from its io-ts errors: the first problem in full, and how
 * many other fields failed.
 *
 * @internal
 * @param errors - The io-ts errors, never empty.
 * @param what - What was decoded, such as `status response`.
 * @param redact - Hides secret values in the value shown, the message and the path.
 *   @default no redaction
 * @returns The error; its `fieldPath` is unset when the body itself was wrong.
 */
export function invalidResponseError(
  errors: t.Errors,
  what: string,
  redact: Redact = noRedaction,
): InvalidResponseError {
  const problems = new Map<string, Problem>();
  for (const error of errors) {
    const problem = describeProblem(error, redact);
    // A union reports one error per member; the first says it for all of them.
    if (!problems.has(problem.path)) problems.set(problem.path, problem);
  }

  const [first] = problems.values();
  if (first === undefined) return new InvalidResponseError(`Invalid ${what}`);
  const others = problems.size - 1;
  const more = others === 0 ? '' : ` (and ${others} more invalid field${others === 1 ? '' : 's'})`;
  // The sentence's value was redacted before it was cut; this pass catches a secret elsewhere.
  return new InvalidResponseError(
    redact(`Invalid ${what}: ${first.sentence}${more}`),
    first.path === '' ? undefined : redact(first.path),
  );
}

function describeProblem(error: t.ValidationError, redact: Redact): Problem {
  // A choice (union) is reported as a whole: cut the context at the first union's members.
  const unionAt = error.context.findIndex((entry) => entry.type instanceof t.UnionType);
  const context = unionAt < 0 ? error.context : error.context.slice(0, unionAt + 1);
  const last = context[context.length - 1];
  const cut = context.length < error.context.length;

  // The root entry has no key; every other entry is a field, or the wrapper `body` or `data`.
  const path = context
    .slice(1)
    .map((entry) => entry.key)
    .join('.');
  const expected = (!cut && error.message) || last?.type.name || 'something else';
  const value = cut ? last?.actual : error.value;

  const subject = path === '' ? 'the body' : `\`${path}\``;
  const shown = isRedacted(error.context)
    ? describeType(value)
    : describeValue(redactDeep(value, redact, []));
  const received = value === undefined ? 'but is missing' : `got ${shown}`;
  return { path, sentence: `${subject} should be ${expected}, ${received}` };
}

/**
 * Copies a decoded value with `redact` applied to every string and key in it, so that the cut
 * `describeValue` makes can never keep part of a secret. A cycle becomes `[circular]`.
 */
function redactDeep(value: unknown, redact: Redact, ancestors: readonly object[]): unknown {
  if (typeof value === 'string') return redact(value);
  if (typeof value !== 'object' || value === null) return value;
  if (ancestors.includes(value)) return '[circular]';

  const path = [...ancestors, value];
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item, redact, path));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [redact(key), redactDeep(item, redact, path)]),
  );
}
