import { firstValueFrom, lastValueFrom, of, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { InvalidResponseError, isInvalidResponseError } from '../../lib/errors';
import { isRight } from 'fp-ts/lib/Either.js';
import { credentialsResponse, initializeResponse, statusResponse } from '../../lib/wire/codecs';
import { decodeBody, invalidResponseError } from '../../lib/wire/decode';

function newTestScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('decodeBody', () => {
  it('emits each decoded body and completes', async () => {
    const values = await lastValueFrom(
      of({ status: 'pending' }, { data: { status: 'ACTIVE' } }).pipe(
        decodeBody(statusResponse, 'status response'),
        toArray(),
      ),
    );

    expect(values).toStrictEqual([{ status: 'INACTIVE' }, { status: 'ACTIVE' }]);
  });

  it('delivers an InvalidResponseError naming what, the path, the rule and the value', async () => {
    const error: unknown = await firstValueFrom(
      of({ status: 'DONE' }).pipe(decodeBody(statusResponse, 'status response')),
    ).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(isInvalidResponseError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'INVALID_RESPONSE',
      fieldPath: 'status',
      message:
        'Invalid status response: `status` should be one of INACTIVE, PENDING, ACTIVE, FAILED, ' +
        'EXPIRED (in any case), got "DONE"',
    });
  });

  it('emits the values before a bad body, then errors and stops', () => {
    newTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a-b-c|', {
        a: { status: 'INACTIVE' },
        b: { status: 42 },
        c: { status: 'ACTIVE' },
      });

      const decodedStatus = source.pipe(decodeBody(statusResponse, 'status response'));

      expectObservable(decodedStatus).toBe(
        '-a-#',
        { a: { status: 'INACTIVE' } },
        // toEqual compares errors by message only; the matcher checks the class and fieldPath too.
        expect.objectContaining({
          name: 'InvalidResponseError',
          fieldPath: 'status',
          message:
            'Invalid status response: `status` should be one of INACTIVE, PENDING, ACTIVE, ' +
            'FAILED, EXPIRED (in any case), got 42',
        }),
      );
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('passes an upstream error through untouched', () => {
    newTestScheduler().run(({ cold, expectObservable }) => {
      const upstream = new Error('network down');

      expectObservable(
        cold('--#', undefined, upstream).pipe(decodeBody(statusResponse, 'status response')),
      ).toBe('--#', undefined, upstream);
    });
  });

  it('never shows a credential in the error it delivers', async () => {
    const error: unknown = await firstValueFrom(
      of({ auth: { access_token: { raw: 'sk-LEAKED-token' } } }).pipe(
        decodeBody(
          credentialsResponse(() => 0),
          'credentials response',
        ),
      ),
    ).catch((caught: unknown) => caught);

    expect(error).toMatchObject({
      fieldPath: 'auth.access_token',
      message:
        'Invalid credentials response: `auth.access_token` should be a string, or null, ' +
        'got an object',
    });
    expect(JSON.stringify(error)).not.toContain('LEAKED');
  });
});

describe('invalidResponseError', () => {
  function errorsOf(body: unknown) {
    const result = initializeResponse.decode(body);
    if (isRight(result)) throw new Error('expected a failure');
    return result.left;
  }

  it('leaves fieldPath unset when the body itself is wrong', () => {
    const error = invalidResponseError(errorsOf('Service Unavailable'), 'initialize response');

    expect(error.fieldPath).toBeUndefined();
    expect(error.message).toBe(
      'Invalid initialize response: the body should be an object, got "Service Unavailable"',
    );
  });

  it('says a missing field is missing', () => {
    const error = invalidResponseError(
      errorsOf({ sessionId: 's', stateKey: 'k' }),
      'initialize response',
    );

    expect(error.message).toBe(
      'Invalid initialize response: `redirectUrl` should be an absolute http(s) URL, ' +
        'but is missing',
    );
  });

  it('tells the first problem in full and counts the other fields', () => {
    const error = invalidResponseError(errorsOf({ status: 'nope' }), 'initialize response');

    expect(error.fieldPath).toBe('sessionId');
    expect(error.message).toBe(
      'Invalid initialize response: `sessionId` should be a non-empty string, but is missing ' +
        '(and 3 more invalid fields)',
    );
  });

  it('counts one other field in the singular', () => {
    const error = invalidResponseError(
      errorsOf({ sessionId: 's', stateKey: 1, redirectUrl: 2 }),
      'initialize response',
    );

    expect(error.message).toMatch(/\(and 1 more invalid field\)$/);
  });

  it('shows a long bad value cut to about 60 characters', () => {
    const longUrl = `javascript:${'x'.repeat(500)}`;
    const error = invalidResponseError(
      errorsOf({ sessionId: 's', stateKey: 'k', redirectUrl: longUrl }),
      'initialize response',
    );

    expect(error.message).toContain('got "javascript:xxx');
    expect(error.message).not.toContain('x'.repeat(100));
    expect(error.message.length).toBeLessThan(160);
  });

  it('reports a choice that failed once, not once per member', () => {
    const result = credentialsResponse(() => 0).decode({ auth: { expires_at: true } });
    if (isRight(result)) throw new Error('expected a failure');

    const error = invalidResponseError(result.left, 'credentials response');

    expect(result.left.length).toBeGreaterThan(1);
    expect(error.message).toBe(
      'Invalid credentials response: `auth.expires_at` should be an ISO-8601 date or epoch ' +
        'seconds, or null, got a boolean',
    );
  });

  it('still builds an error from an empty list', () => {
    expect(invalidResponseError([], 'status response').message).toBe('Invalid status response');
  });

  describe('with a redaction', () => {
    const SECRET = `sk_live_${'x9'.repeat(40)}`;
    const redact = (text: string): string => text.split(SECRET).join('[redacted]');

    function failure(body: unknown) {
      const result = initializeResponse.decode(body);
      if (isRight(result)) throw new Error('expected a failure');
      return invalidResponseError(result.left, 'initialize response', redact);
    }

    it('hides a secret before the value is cut, so no prefix of it is left', () => {
      const error = failure({ sessionId: 's', stateKey: 'k', redirectUrl: `${SECRET}/x` });

      expect(error.message).toBe(
        'Invalid initialize response: `redirectUrl` should be an absolute http(s) URL, ' +
          'got "[redacted]/x"',
      );
    });

    it('hides a secret nested in an object value, in keys as well as strings', () => {
      const error = failure({
        sessionId: 's',
        stateKey: 'k',
        redirectUrl: { [SECRET]: [SECRET] },
      });

      expect(error.message).toContain('got {"[redacted]":["[redacted]"]}');
      expect(error.message).not.toContain(SECRET.slice(0, 12));
    });

    it('shows a cyclic value without walking it forever', () => {
      const cyclic: Record<string, unknown> = { token: SECRET };
      cyclic.self = cyclic;

      const error = failure({ sessionId: 's', stateKey: 'k', redirectUrl: cyclic });

      expect(error.message).toContain('got {"token":"[redacted]","self":"[circular]"}');
    });
  });
});
