import { isLeft, isRight, type Either } from 'fp-ts/lib/Either.js';
import { InvalidResponseError, NetworkError, type FastnAuthError } from '../../lib/errors';
import { readResponse, type RequestContext } from '../../lib/http/readResponse';

const context: RequestContext = {
  path: '/ucl/connectorAuth/status',
  requestTimeoutMs: 1_000,
  maxResponseBytes: 64,
  nowMs: () => Date.UTC(2030, 0, 1),
  secrets: ['sk_key_123456'],
};

function leftOf(outcome: Either<FastnAuthError, unknown>): FastnAuthError {
  if (!isLeft(outcome)) throw new Error(`expected an error, got ${JSON.stringify(outcome)}`);
  return outcome.left;
}

describe('readResponse', () => {
  it('gives the parsed body of a 2xx', () => {
    const outcome = readResponse({ status: 201, headers: {}, data: '{"a":[1]}' }, context);

    expect(isRight(outcome) && outcome.right).toEqual({ a: [1] });
  });

  it('refuses the opaque redirect (status 0) a browser fetch reports', () => {
    const error = leftOf(readResponse({ status: 0, headers: {}, data: '' }, context));

    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ statusCode: undefined, transient: false });
    expect(error.message).toMatch(/^POST \/ucl\/connectorAuth\/status failed with a redirect: /);
  });

  it('holds the size limit itself for adapters that do not (XMLHttpRequest)', () => {
    const data = JSON.stringify({ pad: 'é'.repeat(30) }); // 40 characters, 70 bytes

    const error = leftOf(readResponse({ status: 200, headers: {}, data }, context));

    expect(data.length).toBeLessThan(64);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toContain('larger than the 64-byte limit');
  });

  it('reads Retry-After from a plain header object', () => {
    const headers = { 'retry-after': '2' };

    const error = leftOf(readResponse({ status: 503, headers, data: '' }, context));

    expect(error).toMatchObject({ statusCode: 503, transient: true, retryAfterMs: 2_000 });
  });

  it('ends the message at the status when the server gives no words at all', () => {
    const error = leftOf(
      readResponse({ status: 500, statusText: '', headers: {}, data: '' }, context),
    );

    expect(error.message).toBe('POST /ucl/connectorAuth/status failed with 500');
  });

  it('hides secrets in the status text too', () => {
    const outcome = readResponse(
      { status: 401, statusText: 'no sk_key_123456', headers: {}, data: '' },
      context,
    );

    expect(leftOf(outcome).message).toBe(
      'POST /ucl/connectorAuth/status failed with 401: no [redacted]',
    );
  });

  it('rejects a 2xx whose body did not arrive as text', () => {
    const error = leftOf(readResponse({ status: 200, headers: {}, data: { a: 1 } }, context));

    expect(error).toBeInstanceOf(InvalidResponseError);
  });
});
