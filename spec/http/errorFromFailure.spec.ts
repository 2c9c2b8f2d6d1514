import { inspect } from 'node:util';
import axios, { AxiosError, type InternalAxiosRequestConfig } from 'axios';
import { AbortedError, InvalidResponseError, NetworkError } from '../../lib/errors';
import { errorFromFailure } from '../../lib/http/errorFromFailure';
import type { RequestContext } from '../../lib/http/readResponse';

const API_KEY = 'sk_test_9f8e7d6c5b4a3210';

const context: RequestContext = {
  path: '/ucl/connectorAuth',
  requestTimeoutMs: 250,
  maxResponseBytes: 1_024,
  nowMs: () => 0,
  secrets: [API_KEY],
};

/** An axios config as axios itself builds it: the headers, API key included. */
const config = {
  url: '/ucl/connectorAuth',
  headers: { 'x-fastn-api-key': API_KEY },
} as unknown as InternalAxiosRequestConfig;

function axiosError(message: string, code?: string, cause?: unknown): AxiosError {
  const error = new AxiosError(message, code, config);
  if (cause !== undefined) Object.defineProperty(error, 'cause', { value: cause });
  return error;
}

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('errorFromFailure', () => {
  it('turns a cancellation into an AbortedError', () => {
    const { error, summary } = errorFromFailure(
      new axios.CanceledError(undefined, config),
      context,
    );

    expect(error).toBeInstanceOf(AbortedError);
    expect(summary).toBe('aborted');
  });

  it('turns axios timeouts into "timed out after N ms"', () => {
    const { error } = errorFromFailure(
      axiosError('timeout of 250ms exceeded', 'ETIMEDOUT'),
      context,
    );

    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ transient: true, statusCode: undefined });
    expect(error.message).toBe('POST /ucl/connectorAuth failed: timed out after 250 ms');
  });

  it('finds the socket code inside a dual-stack AggregateError', () => {
    const aggregate = new AggregateError([withCode('connect ECONNREFUSED ::1:1', 'ECONNREFUSED')]);

    const { error } = errorFromFailure(axiosError('', undefined, aggregate), context);

    expect(error.message).toBe('POST /ucl/connectorAuth failed: connection refused (ECONNREFUSED)');
  });

  it('finds the socket code two causes deep, as the fetch adapter wraps it', () => {
    const fetchFailed = new TypeError('fetch failed', {
      cause: withCode('other side closed', 'UND_ERR_SOCKET'),
    });

    const { error } = errorFromFailure(
      axiosError('Network Error', 'ERR_NETWORK', fetchFailed),
      context,
    );

    expect(error.message).toBe(
      'POST /ucl/connectorAuth failed: connection closed (UND_ERR_SOCKET)',
    );
  });

  it('says "socket hang up" when the server closed the connection without answering', () => {
    const { summary } = errorFromFailure(axiosError('socket hang up', 'ECONNRESET'), context);

    expect(summary).toBe('connection closed before any response (socket hang up)');
  });

  it('turns the size limit into an InvalidResponseError', () => {
    const { error } = errorFromFailure(
      axiosError('maxContentLength size of 1024 exceeded', 'ERR_BAD_RESPONSE'),
      context,
    );

    expect(error).toBeInstanceOf(InvalidResponseError);
  });

  it('copies no free text from the failure, only a well-formed code', () => {
    const { error } = errorFromFailure(
      axiosError(`header x-fastn-api-key: ${API_KEY} is invalid`, 'ERR_SOMETHING_NEW'),
      context,
    );

    expect(error.message).toBe('POST /ucl/connectorAuth failed: no response (ERR_SOMETHING_NEW)');
  });

  it.each([
    ['a code that is not one', axiosError('odd', `code ${API_KEY}`)],
    ['a string', `boom ${API_KEY}`],
    ['undefined', undefined],
  ])('says only "no response" for %s', (_name, failure) => {
    const { error } = errorFromFailure(failure, context);

    expect(error.message).toBe('POST /ucl/connectorAuth failed: no response');
  });

  it.each([
    ['a cancellation', new axios.CanceledError(undefined, config)],
    ['a timeout', axiosError('timeout of 250ms exceeded', 'ETIMEDOUT')],
    ['a refused connection', axiosError(`connect ECONNREFUSED ${API_KEY}`, 'ECONNREFUSED')],
  ])('keeps the axios error and its config out of the result for %s', (_name, failure) => {
    const { error } = errorFromFailure(failure, context);

    expect(error.cause).toBeUndefined();
    for (const text of [JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })]) {
      expect(text).not.toContain(API_KEY);
    }
  });
});
