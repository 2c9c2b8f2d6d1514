import { json, type RouteHandler } from '../../support/loopbackServer';

/** The public call that reads the answer. */
export type ResponseCall = 'initialize' | 'getStatus' | 'getCredentials';

/** What the call must end with: a value, or an error of this class, code and data. */
export type ResponseOutcome =
  | { readonly accepted: true }
  | {
      readonly name: 'InvalidResponseError' | 'NetworkError';
      readonly code: 'INVALID_RESPONSE' | 'NETWORK_ERROR';
      readonly fieldPath?: string;
      readonly statusCode?: number;
      readonly transient?: boolean;
    };

/** One bad answer of the server, and what the SDK must make of it. */
export interface ResponseCase {
  readonly title: string;
  readonly call: ResponseCall;
  readonly handler: RouteHandler;
  /** Extra client options, such as a small `http.maxResponseBytes`. */
  readonly options?: Readonly<Record<string, unknown>>;
  readonly outcome: ResponseOutcome;
}

/** Valid answers, the base the bad ones are made from. */
export const VALID_BODIES: Readonly<Record<ResponseCall, Record<string, unknown>>> = {
  initialize: { sessionId: 's1', stateKey: 'k1', redirectUrl: 'https://consent.example/s1' },
  getStatus: { status: 'INACTIVE' },
  getCredentials: { auth: { access_token: 'at-1', expires_in: 60 } },
};

/** What `{"error":"boom"}` with status 200 lacks, per call. */
const FIRST_REQUIRED_FIELD: Readonly<Record<ResponseCall, string>> = {
  initialize: 'sessionId',
  getStatus: 'status',
  getCredentials: 'auth',
};

function raw(status: number, body: string, contentType: string): RouteHandler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': contentType });
    response.end(body);
  };
}

/** Announces a body longer than the one sent, then hangs up: the transfer is cut short. */
const droppedMidBody: RouteHandler = (_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
  response.write('{"sessionId":"s', () => response.socket?.destroy());
};

const HTML_PAGE = '<!doctype html><html><body><h1>Bad Gateway</h1></body></html>';

const invalid = (fieldPath?: string): ResponseOutcome => ({
  name: 'InvalidResponseError',
  code: 'INVALID_RESPONSE',
  ...(fieldPath !== undefined && { fieldPath }),
});

/** The failures every call shares: the body is unusable whatever the call. */
function sharedCases(call: ResponseCall): ResponseCase[] {
  const body = VALID_BODIES[call];
  return [
    { title: 'not JSON', call, handler: raw(200, 'hello', 'text/plain'), outcome: invalid() },
    {
      title: 'an HTML error page with 200',
      call,
      handler: raw(200, HTML_PAGE, 'text/html'),
      outcome: invalid(),
    },
    {
      title: 'an HTML error page with 502',
      call,
      handler: raw(502, HTML_PAGE, 'text/html'),
      outcome: { name: 'NetworkError', code: 'NETWORK_ERROR', statusCode: 502, transient: true },
    },
    {
      title: 'an empty 200 body',
      call,
      handler: raw(200, '', 'application/json'),
      outcome: invalid(),
    },
    { title: 'a JSON array', call, handler: json(200, [body]), outcome: invalid() },
    { title: 'a JSON string', call, handler: json(200, '"ok"'), outcome: invalid() },
    { title: 'JSON null', call, handler: json(200, 'null'), outcome: invalid() },
    {
      title: 'JSON cut short (complete transfer)',
      call,
      handler: json(200, JSON.stringify(body).slice(0, -3)),
      outcome: invalid(),
    },
    {
      title: 'a transfer cut short (connection dropped mid-body)',
      call,
      handler: droppedMidBody,
      outcome: { name: 'NetworkError', code: 'NETWORK_ERROR', transient: true },
    },
    {
      title: 'a body past http.maxResponseBytes',
      call,
      handler: json(200, { ...body, padding: 'x'.repeat(400) }),
      options: { http: { maxResponseBytes: 160 } },
      outcome: invalid(),
    },
    {
      title: 'status 200 with {"error":"boom"}',
      call,
      handler: json(200, { error: 'boom' }),
      outcome: invalid(FIRST_REQUIRED_FIELD[call]),
    },
    {
      title: 'extra fields (accepted)',
      call,
      handler: json(200, { ...body, extra: { nested: [1, 2] }, traceId: 't-1' }),
      outcome: { accepted: true },
    },
  ];
}

/** A body with one field changed (or removed, with `undefined`), and the path it must name. */
function fieldCase(
  call: ResponseCall,
  title: string,
  body: Record<string, unknown>,
  fieldPath: string,
): ResponseCase {
  return { title, call, handler: json(200, body), outcome: invalid(fieldPath) };
}

const init = VALID_BODIES.initialize;
const auth = { access_token: 'at-1' };

/** Every bad answer, by call. */
export const RESPONSE_CASES: readonly ResponseCase[] = [
  ...sharedCases('initialize'),
  fieldCase('initialize', 'sessionId a number', { ...init, sessionId: 42 }, 'sessionId'),
  fieldCase('initialize', 'stateKey missing', { ...init, stateKey: undefined }, 'stateKey'),
  fieldCase(
    'initialize',
    'redirectUrl missing',
    { ...init, redirectUrl: undefined },
    'redirectUrl',
  ),
  fieldCase(
    'initialize',
    'redirectUrl javascript:',
    { ...init, redirectUrl: 'javascript:alert(1)' },
    'redirectUrl',
  ),
  fieldCase('initialize', 'expiresAt not a date', { ...init, expiresAt: 'tomorrow' }, 'expiresAt'),
  ...sharedCases('getStatus'),
  fieldCase('getStatus', 'status missing', { errorMessage: 'x' }, 'status'),
  fieldCase('getStatus', 'status a number', { status: 1 }, 'status'),
  fieldCase('getStatus', 'status an unknown word', { status: 'DONE' }, 'status'),
  fieldCase(
    'getStatus',
    'errorMessage a number',
    { status: 'FAILED', errorMessage: 7 },
    'errorMessage',
  ),
  ...sharedCases('getCredentials'),
  fieldCase('getCredentials', 'auth a string', { auth: 'at-1' }, 'auth'),
  fieldCase(
    'getCredentials',
    'auth.access_token a number',
    { auth: { access_token: 7 } },
    'auth.access_token',
  ),
  fieldCase(
    'getCredentials',
    'auth.expires_in a word',
    { auth: { ...auth, expires_in: 'soon' } },
    'auth.expires_in',
  ),
  fieldCase(
    'getCredentials',
    'auth.expires_at not a date',
    { auth: { ...auth, expires_at: 'later' } },
    'auth.expires_at',
  ),
];
