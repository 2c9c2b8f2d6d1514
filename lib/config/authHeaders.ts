import { InvalidArgumentError } from '../errors';
import { hasControlCharacter } from './checks';
import { describeType } from './describeValue';

/** The longest API key or token accepted, in characters. */
const MAX_SECRET_CHARS = 4096;

/**
 * Checks the client's credential (exactly one of `apiKey` and `authToken`) and wraps it in a
 * function that returns the header carrying it.
 *
 * The secret lives only in the returned closure, never in a property, so `util.inspect`,
 * `JSON.stringify` or a debugger's object view of the resolved options cannot show it. Error
 * messages name the field and the problem but never the value, not even a part of it.
 *
 * @internal
 * @param apiKey - The `apiKey` option, `undefined` when absent.
 * @param authToken - The `authToken` option, `undefined` when absent.
 * @returns A function giving `{ 'x-fastn-api-key': key }` or `{ Authorization: 'Bearer <token>' }`.
 * @throws {@link InvalidArgumentError} when both or neither are given, or the one given is not a
 * non-empty string of at most 4096 characters without control characters.
 */
export function resolveAuthHeaders(
  apiKey: unknown,
  authToken: unknown,
): () => Readonly<Record<string, string>> {
  if (apiKey !== undefined && authToken !== undefined) {
    throw new InvalidArgumentError('apiKey', 'Pass exactly one of apiKey and authToken, not both');
  }

  if (apiKey !== undefined) {
    const key = checkSecret('apiKey', apiKey);
    return () => ({ 'x-fastn-api-key': key });
  }
  if (authToken !== undefined) {
    const token = checkSecret('authToken', authToken);
    return () => ({ Authorization: `Bearer ${token}` });
  }

  throw new InvalidArgumentError('apiKey', 'Pass exactly one of apiKey and authToken; got neither');
}

function checkSecret(field: string, value: unknown): string {
  const problem = secretProblem(value);
  if (problem !== undefined) throw new InvalidArgumentError(field, `${field} ${problem}`);
  return value as string;
}

/** Describes what is wrong with a secret in words that reveal nothing of its value. */
function secretProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `must be a string, got ${describeType(value)}`;
  if (value.trim() === '') return 'must not be empty or blank';
  if (value.length > MAX_SECRET_CHARS) return `must be at most ${MAX_SECRET_CHARS} characters long`;
  if (hasControlCharacter(value)) return 'must not contain control characters';
  return undefined;
}
