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
 * @param decoder - The io-ts decoder of the body, such as `statusResponse`.
 * @param what - What is decoded, in words, such as `status response`.
 * @returns An operator emitting each decoded value.
 * @throws {@link InvalidResponseError} delivered to the error channel when a body does not decode.
 *
 * @example
 * ```ts
 * transport(statusRequest(options, session)).pipe(decodeBody(statusResponse, 'status response'));
 * ```
 */
export function decodeBody<A>(
  decoder: t.Decoder<unknown, A>,
  what: string,
): OperatorFunction<unknown, A> {
  return (source) =>
    source.pipe(
      concatMap((body) => {
        const result = decoder.decode(body);
        return isLeft(result)
          ? throwError(() => invalidResponseError(result.left, what))
          : of(result.right);
      }),
    );
}

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
 * @returns The error; its `fieldPath` is unset when the body itself was wrong.
 */
export function invalidResponseError(errors: t.Errors, what: string): InvalidResponseError {
  const problems = new Map<string, Problem>();
  for (const error of errors) {
    const problem = describeProblem(error);
    // A union reports one error per member; the first says it for all of them.
    if (!problems.has(problem.path)) problems.set(problem.path, problem);
  }

  const [first] = problems.values();
  if (first === undefined) return new InvalidResponseError(`Invalid ${what}`);
  const others = problems.size - 1;
  const more = others === 0 ? '' : ` (and ${others} more invalid field${others === 1 ? '' : 's'})`;
  return new InvalidResponseError(
    `Invalid ${what}: ${first.sentence}${more}`,
    first.path === '' ? undefined : first.path,
  );
}

function describeProblem(error: t.ValidationError): Problem {
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
  const shown = isRedacted(error.context) ? describeType(value) : describeValue(value);
  const received = value === undefined ? 'but is missing' : `got ${shown}`;
  return { path, sentence: `${subject} should be ${expected}, ${received}` };
}
