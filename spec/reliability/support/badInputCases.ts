/**
 * The bad inputs of the client's options and call arguments, as plain JavaScript may pass them,
 * each with the `field` its `InvalidArgumentError` must name. docs/reliability.md lists them.
 */

/** Marks a key to be left out of the options altogether (not set to `undefined`). */
export const ABSENT = Symbol('absent');

/** One bad input: what it is, what to put where, and the field the error must name. */
export interface BadInputCase {
  readonly title: string;
  /** Merged over valid options or arguments; {@link ABSENT} removes the key. */
  readonly patch: Readonly<Record<string, unknown>>;
  readonly field: string;
}

/** Values of the wrong type, as a caller without TypeScript may pass them. */
export const WRONG_TYPES: readonly (readonly [string, unknown])[] = [
  ['a number', 42],
  ['null', null],
  ['an array', ['x']],
  ['an object', { value: 'x' }],
  ['a function', () => 'x'],
];

/** Strings with a control character, which must never reach a header or a log line. */
export const CONTROL_CHARACTERS: readonly (readonly [string, string])[] = [
  ['a line feed', 'ab\ncd'],
  ['a NUL', 'ab\u0000cd'],
  ['a DEL', 'ab\u007fcd'],
];

/** Every way a required or optional string can be wrong; `maxChars` is the field's limit. */
function badStrings(field: string, maxChars: number, key = field): BadInputCase[] {
  const cases: BadInputCase[] = [
    { title: `${key} empty`, patch: { [key]: '' }, field },
    { title: `${key} blank`, patch: { [key]: '   ' }, field },
    { title: `${key} too long`, patch: { [key]: 'x'.repeat(maxChars + 1) }, field },
    { title: `${key} of 10,000 characters`, patch: { [key]: 'x'.repeat(10_000) }, field },
  ];
  for (const [what, value] of WRONG_TYPES) {
    cases.push({ title: `${key} ${what}`, patch: { [key]: value }, field });
  }
  for (const [what, value] of CONTROL_CHARACTERS) {
    cases.push({ title: `${key} with ${what}`, patch: { [key]: value }, field });
  }
  return cases;
}

/** Values an option must refuse, titled by the value. */
function badValues(field: string, values: readonly unknown[]): BadInputCase[] {
  return values.map((value) => ({
    title: `${field} ${typeof value === 'number' ? String(value) : JSON.stringify(value)}`,
    patch: nested(field, value),
    field,
  }));
}

/** `{ 'http.requestTimeoutMs': 0 }` as `{ http: { requestTimeoutMs: 0 } }`. */
function nested(field: string, value: unknown): Record<string, unknown> {
  const [group, key] = field.split('.');
  return key === undefined ? { [field]: value } : { [group ?? '']: { [key]: value } };
}

const TIMER_VALUES = [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, '1000', null];

/** Bad client options, over `{ spaceId, apiKey, baseUrl: <loopback> }`. */
export const OPTION_CASES: readonly BadInputCase[] = [
  { title: 'spaceId missing', patch: { spaceId: ABSENT }, field: 'spaceId' },
  ...badStrings('spaceId', 512),
  { title: 'neither apiKey nor authToken', patch: { apiKey: ABSENT }, field: 'apiKey' },
  { title: 'both apiKey and authToken', patch: { authToken: 'token-1' }, field: 'apiKey' },
  ...badStrings('apiKey', 4096),
  ...badStrings('authToken', 4096).map((bad) => ({
    ...bad,
    patch: { apiKey: ABSENT, ...bad.patch },
  })),
  ...['', ' ', 'ftp://files.example.com/api', 'javascript:alert(1)', '/api', 'api.example.com']
    .concat(['http://api.example.com/api', 'http://10.0.0.7/api', 'https://u:p@example.com'])
    .concat(['https://example.com/api?x=1', 'https://example.com/api#top', 'not a url'])
    .map((value) => ({
      title: `baseUrl ${JSON.stringify(value)}`,
      patch: { baseUrl: value },
      field: 'baseUrl',
    })),
  ...WRONG_TYPES.map(([what, value]) => ({
    title: `baseUrl ${what}`,
    patch: { baseUrl: value },
    field: 'baseUrl',
  })),
  ...badValues('allowInsecureHttp', ['true', 1, null]),
  ...badValues('stage', ['live', '', 'PROD', null, 1]),
  ...badValues('endpoints', [null, 'x', ['/x'], 7]),
  ...badValues('endpoints.status', [
    'status',
    '//evil.example/x',
    '/a b',
    '/a\u0000',
    '',
    42,
    null,
  ]),
  {
    title: 'endpoints with an unknown key',
    patch: { endpoints: { foo: '/x' } },
    field: 'endpoints.foo',
  },
  ...badValues('http', [null, 'fast', [1]]),
  ...badValues('http.requestTimeoutMs', [...TIMER_VALUES, 1.5]),
  ...badValues('http.maxResponseBytes', [0, -1, 1.5, Number.NaN, '1024', null]),
  { title: 'http with an unknown key', patch: { http: { timeoutMs: 5 } }, field: 'http.timeoutMs' },
  ...badValues('polling', [null, 'fast', [1]]),
  ...badValues('polling.intervalMs', TIMER_VALUES),
  ...badValues('polling.timeoutMs', TIMER_VALUES),
  ...badValues('polling.retryBaseDelayMs', TIMER_VALUES),
  ...badValues('polling.retryMaxDelayMs', TIMER_VALUES),
  {
    title: 'polling.retryMaxDelayMs below retryBaseDelayMs',
    patch: { polling: { retryBaseDelayMs: 100, retryMaxDelayMs: 50 } },
    field: 'polling.retryMaxDelayMs',
  },
  ...badValues('logger', [null, {}, { debug: 'yes' }, { debug: () => 0, warn: 1 }, 'console']),
  { title: 'logger a function', patch: { logger: () => undefined }, field: 'logger' },
  ...badValues('scheduler', [null, {}, 'async', { now: () => 0 }]),
  ...badValues('transport', [null, {}, 'axios']),
  { title: 'an unknown option (apikey)', patch: { apikey: 'key-1' }, field: 'apikey' },
  { title: 'an unknown option (timeout)', patch: { timeout: 5 }, field: 'timeout' },
];

/** Whole options values that are not an object at all. */
export const NOT_AN_OBJECT: readonly (readonly [string, unknown])[] = [
  ['undefined', undefined],
  ['null', null],
  ['a string', 'space-1'],
  ['a number', 42],
  ['an array', [{ spaceId: 'space-1' }]],
  ['a function', () => ({ spaceId: 'space-1' })],
];

/** Bad `initialize` / `getCredentials` arguments, over `{ connectorId: 'google-sheets' }`. */
export const PARAM_CASES: readonly BadInputCase[] = [
  { title: 'connectorId missing', patch: { connectorId: ABSENT }, field: 'connectorId' },
  ...['connectorId', 'orgId', 'tenantId', 'connectionId'].flatMap((key) => badStrings(key, 512)),
  { title: 'an unknown key (tenantID)', patch: { tenantID: 'acme' }, field: 'tenantID' },
];

/** Bad `waitForCompletion` options, over `{}`; both flavours reject them alike. */
export const POLL_OPTION_CASES: readonly BadInputCase[] = [
  ...badValues('intervalMs', TIMER_VALUES),
  ...badValues('timeoutMs', TIMER_VALUES),
  { title: 'an unknown key (timeoutMS)', patch: { timeoutMS: 1000 }, field: 'timeoutMS' },
  ...badValues('signal', ['abort', {}, null, 1]),
];

/**
 * Builds options or arguments: the valid base with the patch applied, one level deep for the
 * nested groups (`http`, `polling`, `endpoints`).
 */
export function applyPatch(
  base: Readonly<Record<string, unknown>>,
  patch: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === ABSENT) delete result[key];
    else result[key] = value;
  }
  return result;
}
