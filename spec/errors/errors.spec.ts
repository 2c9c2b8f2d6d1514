import { inspect } from 'node:util';
import {
  AbortedError,
  AuthenticationError,
  FastnAuthError,
  InvalidArgumentError,
  InvalidResponseError,
  NetworkError,
  TimeoutError,
  isAbortedError,
  isAuthenticationError,
  isFastnAuthError,
  isInvalidArgumentError,
  isInvalidResponseError,
  isNetworkError,
  isTimeoutError,
} from '../../lib/errors';

/** A secret that exists in the process but is handed to no error. */
const SECRET = 'fastn_key_NEVER_PASSED_9f8e7d';

/** One example of each class, with the code, name and JSON it must have. */
const examples = [
  {
    error: new TimeoutError({
      attempts: 3,
      elapsedMs: 6000,
      timeoutMs: 5000,
      lastStatus: { status: 'INACTIVE' },
    }),
    name: 'TimeoutError',
    code: 'TIMEOUT',
    guard: isTimeoutError,
    json: {
      name: 'TimeoutError',
      code: 'TIMEOUT',
      message:
        'Authorization did not complete within 5000 ms (3 status requests, last status INACTIVE)',
      attempts: 3,
      elapsedMs: 6000,
      timeoutMs: 5000,
      lastStatus: { status: 'INACTIVE' },
    },
  },
  {
    error: new AuthenticationError('access_denied'),
    name: 'AuthenticationError',
    code: 'AUTH_FAILED',
    guard: isAuthenticationError,
    json: {
      name: 'AuthenticationError',
      code: 'AUTH_FAILED',
      message: 'Authorization failed: access_denied',
      serverMessage: 'access_denied',
    },
  },
  {
    error: new NetworkError('Request failed with status 503', {
      statusCode: 503,
      transient: true,
      retryAfterMs: 2000,
      path: '/ucl/connectorAuth/status',
    }),
    name: 'NetworkError',
    code: 'NETWORK_ERROR',
    guard: isNetworkError,
    json: {
      name: 'NetworkError',
      code: 'NETWORK_ERROR',
      message: 'Request failed with status 503',
      statusCode: 503,
      transient: true,
      retryAfterMs: 2000,
      path: '/ucl/connectorAuth/status',
    },
  },
  {
    error: new InvalidResponseError('Invalid status response', 'status'),
    name: 'InvalidResponseError',
    code: 'INVALID_RESPONSE',
    guard: isInvalidResponseError,
    json: {
      name: 'InvalidResponseError',
      code: 'INVALID_RESPONSE',
      message: 'Invalid status response',
      fieldPath: 'status',
    },
  },
  {
    error: new InvalidArgumentError('spaceId', 'spaceId is required'),
    name: 'InvalidArgumentError',
    code: 'INVALID_ARGUMENT',
    guard: isInvalidArgumentError,
    json: {
      name: 'InvalidArgumentError',
      code: 'INVALID_ARGUMENT',
      message: 'spaceId is required',
      field: 'spaceId',
    },
  },
  {
    error: new AbortedError(),
    name: 'AbortedError',
    code: 'ABORTED',
    guard: isAbortedError,
    json: { name: 'AbortedError', code: 'ABORTED', message: 'The operation was aborted' },
  },
] as const;

describe.each(examples)('$name', ({ error, name, code, guard, json }) => {
  it('is an Error and a FastnAuthError', () => {
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(FastnAuthError);
    expect(isFastnAuthError(error)).toBe(true);
  });

  it(`has the literal name ${name} and the stable code ${code}`, () => {
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
  });

  it('is recognised by its own guard only', () => {
    for (const other of examples) {
      expect(other.guard(error)).toBe(other.guard === guard);
    }
  });

  it('serializes to exactly its name, code, message and data fields', () => {
    expect(JSON.parse(JSON.stringify(error))).toStrictEqual(json);
  });

  it('prints as "name: message"', () => {
    expect(String(error)).toBe(`${name}: ${json.message}`);
  });

  it('never shows a secret it was not given, in JSON, String or util.inspect', () => {
    process.env.FASTN_API_KEY = SECRET;
    try {
      expect(JSON.stringify(error)).not.toContain(SECRET);
      expect(String(error)).not.toContain(SECRET);
      expect(inspect(error, { showHidden: true, depth: Infinity })).not.toContain(SECRET);
    } finally {
      delete process.env.FASTN_API_KEY;
    }
  });

  it('keeps its stack out of the JSON', () => {
    expect(error.stack).toEqual(expect.any(String));
    expect(error.toJSON()).not.toHaveProperty('stack');
  });
});

describe('data fields left out', () => {
  it('leaves an absent server message out of an AuthenticationError', () => {
    const error = new AuthenticationError();

    expect(error.message).toBe('Authorization failed: no reason given');
    expect(JSON.parse(JSON.stringify(error))).toStrictEqual({
      name: 'AuthenticationError',
      code: 'AUTH_FAILED',
      message: 'Authorization failed: no reason given',
    });
  });

  it('leaves the status code of a request with no response out of a NetworkError', () => {
    const error = new NetworkError('No response', { transient: true });

    expect(error.statusCode).toBeUndefined();
    expect(JSON.parse(JSON.stringify(error))).toStrictEqual({
      name: 'NetworkError',
      code: 'NETWORK_ERROR',
      message: 'No response',
      transient: true,
    });
  });

  it('says "none" for a TimeoutError with no status seen', () => {
    const error = new TimeoutError({ attempts: 0, elapsedMs: 10, timeoutMs: 10 });

    expect(error.message).toBe(
      'Authorization did not complete within 10 ms (0 status requests, last status none)',
    );
    expect(error.toJSON()).not.toHaveProperty('lastStatus', expect.anything());
  });

  it('leaves fieldPath out of an InvalidResponseError about the whole body', () => {
    expect(new InvalidResponseError('Not JSON').toJSON().fieldPath).toBeUndefined();
  });

  it('takes a custom message for an AbortedError', () => {
    expect(new AbortedError('Stopped by the caller').message).toBe('Stopped by the caller');
  });
});

describe('cause', () => {
  it('is the standard cause property', () => {
    const cause = new NetworkError('No response', { transient: true });
    const error = new TimeoutError({ attempts: 1, elapsedMs: 5, timeoutMs: 5 }, { cause });

    expect(error.cause).toBe(cause);
  });

  it('serializes an SDK cause through its own toJSON', () => {
    const cause = new NetworkError('Request failed with status 502', {
      statusCode: 502,
      transient: true,
    });
    const error = new TimeoutError({ attempts: 2, elapsedMs: 9, timeoutMs: 9 }, { cause });

    expect(JSON.parse(JSON.stringify(error)).cause).toStrictEqual({
      name: 'NetworkError',
      code: 'NETWORK_ERROR',
      message: 'Request failed with status 502',
      statusCode: 502,
      transient: true,
    });
  });

  it('serializes any other error cause as its name and message only', () => {
    const cause = Object.assign(new TypeError('socket hang up'), {
      config: { headers: { 'x-fastn-api-key': SECRET } },
    });
    const error = new NetworkError('No response', { transient: true }, { cause });

    expect(error.toJSON().cause).toStrictEqual({ name: 'TypeError', message: 'socket hang up' });
    expect(JSON.stringify(error)).not.toContain(SECRET);
    expect(String(error)).not.toContain(SECRET);
  });

  it('serializes a cause that is not an error as a string', () => {
    const error = new InvalidResponseError('Bad body', undefined, { cause: 404 });

    expect(error.toJSON().cause).toBe('404');
  });

  it('is absent, not undefined, when none is given', () => {
    const error = new InvalidResponseError('Bad body');

    expect('cause' in error).toBe(false);
    expect(error.toJSON()).not.toHaveProperty('cause');
  });
});

describe('guards', () => {
  const guards = [
    isFastnAuthError,
    isTimeoutError,
    isAuthenticationError,
    isNetworkError,
    isInvalidResponseError,
    isInvalidArgumentError,
    isAbortedError,
  ];

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'TIMEOUT'],
    ['a plain object with a code', { code: 'TIMEOUT', toJSON: () => ({}) }],
    ['a plain Error', new Error('x')],
    ['an Error with an unknown code', Object.assign(new Error('x'), { code: 'ECONNRESET' })],
    [
      'an Error with a known code but no toJSON',
      Object.assign(new Error('x'), { code: 'TIMEOUT' }),
    ],
  ])('reject %s', (_, value) => {
    for (const guard of guards) expect(guard(value)).toBe(false);
  });

  it('match an SDK error from another copy of the package by code', () => {
    const foreign = Object.assign(new Error('Authorization did not complete'), {
      name: 'TimeoutError',
      code: 'TIMEOUT',
      toJSON: () => ({}),
    });

    expect(isFastnAuthError(foreign)).toBe(true);
    expect(isTimeoutError(foreign)).toBe(true);
    expect(isNetworkError(foreign)).toBe(false);
  });

  it('match a FastnAuthError built directly with a code', () => {
    const error = new FastnAuthError('ABORTED', 'aborted');

    expect(error.name).toBe('FastnAuthError');
    expect(isAbortedError(error)).toBe(true);
    expect(error.toJSON()).toStrictEqual({
      name: 'FastnAuthError',
      code: 'ABORTED',
      message: 'aborted',
    });
  });
});
