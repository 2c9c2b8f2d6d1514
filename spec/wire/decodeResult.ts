import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { InvalidResponseError } from '../../lib/errors';
import { invalidResponseError } from '../../lib/wire/decode';

/** Decodes a value that must decode, and returns what it decodes to. */
export function decoded<A>(decoder: t.Decoder<unknown, A>, input: unknown): A {
  const result = decoder.decode(input);
  if (isLeft(result)) {
    throw new Error(
      `expected a success, got: ${invalidResponseError(result.left, 'value').message}`,
    );
  }
  return result.right;
}

/** Decodes a value that must fail, and returns the error the SDK makes of the failure. */
export function decodeFailure(
  decoder: t.Decoder<unknown, unknown>,
  input: unknown,
  what = 'response',
): InvalidResponseError {
  const result = decoder.decode(input);
  if (!isLeft(result)) throw new Error(`expected a failure, got ${JSON.stringify(result.right)}`);
  return invalidResponseError(result.left, what);
}
