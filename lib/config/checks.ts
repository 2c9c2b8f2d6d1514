import { InvalidArgumentError } from '../errors';
import { describeValue } from './describeValue';

/** A plain object whose keys are still to be checked. @internal */
export type UnknownRecord = Readonly<Record<string, unknown>>;

/**
 * The longest delay a timer can wait (2^31 - 1 ms, about 24.8 days). Beyond it, `setTimeout`
 * fires at once instead, so a longer timeout would silently end a wait immediately.
 *
 * @internal
 */
export const MAX_TIMER_MS = 2_147_483_647;

/**
 * Tells whether a string holds a C0 control character (U+0000 to U+001F) or DEL (U+007F): the
 * characters that break headers and log lines.
 *
 * @internal
 * @param text - The string to scan.
 * @returns `true` when a control character is present.
 */
export function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code <= 0x1f || code === 0x7f) return true;
  }
  return false;
}

/**
 * Checks that a value is a plain object (not `null`, not an array).
 *
 * @internal
 * @param field - The name to report, such as `options` or `http`.
 * @param value - The value to check.
 * @returns The value, typed as a record.
 * @throws {@link InvalidArgumentError} when the value is not an object.
 */
export function requireRecord(field: string, value: unknown): UnknownRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidArgumentError(
      field,
      `${field} must be an object, got ${describeValue(value)}`,
    );
  }
  return value as UnknownRecord;
}

/**
 * Rejects keys a record may not have, so a misspelt option fails loudly instead of being ignored.
 *
 * The message names the key and suggests the known key it differs from only by case. It never
 * shows the key's value, which may be a secret (`apikey: '...'`).
 *
 * @internal
 * @param record - The record to check.
 * @param knownKeys - The keys it may have.
 * @param kind - What the keys are called in the message, such as `option`.
 * @param prefix - The path of the record, such as `http.`, prepended to the reported field.
 * @throws {@link InvalidArgumentError} naming the first unknown key.
 */
export function rejectUnknownKeys(
  record: UnknownRecord,
  knownKeys: readonly string[],
  kind: string,
  prefix = '',
): void {
  const unknown = Object.keys(record).find((key) => !knownKeys.includes(key));
  if (unknown === undefined) return;

  const field = `${prefix}${unknown}`;
  const sameButCase = knownKeys.find((key) => key.toLowerCase() === unknown.toLowerCase());
  const hint =
    sameButCase === undefined
      ? `expected one of ${knownKeys.map((key) => prefix + key).join(', ')}`
      : `did you mean ${prefix}${sameButCase}?`;
  throw new InvalidArgumentError(field, `Unknown ${kind} ${describeValue(field)}: ${hint}`);
}

/**
 * Lists the keys of an options type for {@link rejectUnknownKeys}. Written as an object literal
 * typed by the options type, so the compiler reports a key that is missing from the list or
 * not in the type, and the list cannot drift from the documented options.
 *
 * @internal
 * @param keys - Every key of `T`, each mapped to `true`.
 * @returns The keys, in the order written.
 */
export function keysOf<T>(keys: Readonly<Record<keyof T, true>>): readonly string[] {
  return Object.keys(keys);
}

/** The bounds of a numeric option. @internal */
export interface NumberBounds {
  /** Whether only whole numbers are allowed. */
  readonly integer: boolean;
  /** The smallest allowed value. */
  readonly min: number;
  /** The largest allowed value. */
  readonly max: number;
}

/**
 * Checks an optional numeric option: absent, or a finite number within its bounds.
 *
 * @internal
 * @param field - The name to report, such as `polling.intervalMs`.
 * @param value - The value given, `undefined` when absent.
 * @param bounds - The allowed range, and whether fractions are allowed.
 * @returns The number, or `undefined` when absent.
 * @throws {@link InvalidArgumentError} naming the field and the bad value.
 */
export function optionalNumber(
  field: string,
  value: unknown,
  bounds: NumberBounds,
): number | undefined {
  if (value === undefined) return undefined;

  const kind = bounds.integer ? 'an integer' : 'a number';
  const valid =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!bounds.integer || Number.isInteger(value)) &&
    value >= bounds.min &&
    value <= bounds.max;
  if (!valid) {
    throw new InvalidArgumentError(
      field,
      `${field} must be ${kind} from ${bounds.min} to ${bounds.max}, got ${describeValue(value)}`,
    );
  }
  return value;
}

/**
 * Checks an optional boolean option.
 *
 * @internal
 * @param field - The name to report.
 * @param value - The value given, `undefined` when absent.
 * @returns The boolean, or `undefined` when absent.
 * @throws {@link InvalidArgumentError} when the value is not a boolean.
 */
export function optionalBoolean(field: string, value: unknown): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw new InvalidArgumentError(
    field,
    `${field} must be true or false, got ${describeValue(value)}`,
  );
}
