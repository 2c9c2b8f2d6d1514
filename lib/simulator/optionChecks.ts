/** The longest delay a timer can hold, in milliseconds (about 24.8 days). @internal */
export const MAX_DELAY_MS = 2_147_483_647;

/**
 * Builds the error thrown for a bad simulator option.
 *
 * The message names the field, says what was expected and shows the value, so a typo in a test's
 * set-up is found at once, before any server starts.
 *
 * @param field - the option's path, such as `faults.transientErrorRate`
 * @param expected - what the field accepts, such as `a number from 0 to 1`
 * @param value - the value given
 * @param secret - when true the value is left out of the message (an API key or a token)
 * @returns a `TypeError` ready to throw
 * @internal
 */
export function invalidOption(
  field: string,
  expected: string,
  value: unknown,
  secret = false,
): TypeError {
  const shown = secret ? `a ${typeof value}` : describe(value);
  return new TypeError(`Invalid simulator option ${field}: expected ${expected}, got ${shown}`);
}

/**
 * Checks that a value can travel as an HTTP header value.
 *
 * @param field - the option's path, for the message
 * @param value - the value given
 * @param secret - when true a bad value is left out of the message
 * @returns the value, typed
 * @throws TypeError when it is not a trimmed, non-blank string of at most 512 characters
 *   without control characters
 * @internal
 */
export function checkHeaderValue(field: string, value: unknown, secret = false): string {
  const fits =
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= 512 &&
    value.trim() === value &&
    !/\p{Cc}/u.test(value);
  if (!fits) {
    throw invalidOption(
      field,
      'a trimmed, non-blank string of at most 512 characters',
      value,
      secret,
    );
  }
  return value;
}

/**
 * Checks that a value is an integer within bounds.
 *
 * @param field - the option's path, for the message
 * @param value - the value given
 * @param min - the least value allowed
 * @param max - the greatest value allowed
 * @returns the value, typed
 * @throws TypeError when it is not an integer from `min` to `max`
 * @internal
 */
export function checkInteger(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidOption(field, `an integer from ${min} to ${max}`, value);
  }
  return value;
}

/**
 * Checks that a value is a function: an injected clock, random source, timer or logger.
 *
 * @param field - the option's path, for the message
 * @param value - the value given
 * @returns the value, typed as the caller expects
 * @throws TypeError when it is not a function
 * @internal
 */
export function checkFunction<F>(field: string, value: unknown): F {
  if (typeof value !== 'function') throw invalidOption(field, 'a function', value);
  return value as F;
}

function describe(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) {
    return String(value);
  }
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}
