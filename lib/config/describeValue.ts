/** How many characters of a bad value an error message shows at most. */
const MAX_SHOWN_CHARS = 60;

/**
 * Shows a bad value in an error message: JSON-quoted, so control characters and quotes are
 * escaped, and cut to about 60 characters, so a huge body cannot flood a log line.
 *
 * Only for values that are not secrets; a secret is described with {@link describeType}.
 *
 * @internal
 * @param value - The value that failed a check.
 * @returns A short printable rendering, such as `"abc"`, `42`, `undefined` or `a function`.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') {
    return describeType(value);
  }

  // JSON.stringify throws on cycles and BigInt members; the type is the best that can be said then.
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  return json === undefined ? describeType(value) : truncate(escapeInvisible(json));
}

/**
 * Names the type of a value without showing it, for values that may be secrets.
 *
 * @internal
 * @param value - Any value.
 * @returns `undefined`, `null`, `an array`, `an object`, `a string`, `a number`, and so on.
 */
export function describeType(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

/** JSON leaves DEL, the C1 controls and the line separators raw; a log line should not. */
function escapeInvisible(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function truncate(text: string): string {
  // Counting code points keeps a surrogate pair whole at the cut.
  const chars = Array.from(text);
  return chars.length <= MAX_SHOWN_CHARS
    ? text
    : `${chars.slice(0, MAX_SHOWN_CHARS - 1).join('')}…`;
}
