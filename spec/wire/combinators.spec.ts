import * as t from 'io-ts';
import { isRight } from 'fp-ts/lib/Either.js';
import {
  isRedacted,
  mapDecoder,
  redacted,
  unwrapOnce,
  withAliases,
} from '../../lib/wire/combinators';
import { NonBlankString, Text, optional } from '../../lib/wire/primitives';
import { decodeFailure, decoded } from './decodeResult';

const Session = t.type({ sessionId: NonBlankString, note: optional(Text) }, 'an object');

describe('withAliases', () => {
  const codec = withAliases(Session, { sessionId: ['session_id', 'id'], note: ['remark'] });

  it('reads the canonical name first', () => {
    expect(decoded(codec, { sessionId: 'a', session_id: 'b', id: 'c' })).toMatchObject({
      sessionId: 'a',
    });
  });

  it.each([
    [{ session_id: 'b', id: 'c' }, 'b'],
    [{ id: 'c' }, 'c'],
    [{ sessionId: null, id: 'c' }, 'c'],
  ])('falls back to the other names in order: %j', (input, sessionId) => {
    expect(decoded(codec, input)).toMatchObject({ sessionId });
  });

  it('keeps the other fields of the object', () => {
    expect(decoded(codec, { id: 'c', extra: 1 })).toMatchObject({ id: 'c', extra: 1 });
  });

  it('reads a field sent only as null as absent when optional', () => {
    expect(decoded(codec, { id: 'c', remark: null })).toMatchObject({ note: undefined });
  });

  it('fails a required field sent only as null, showing null', () => {
    const error = decodeFailure(codec, { session_id: null });

    expect(error.fieldPath).toBe('session_id');
    expect(error.message).toContain('got null');
  });

  it('reports an error under the name the server used', () => {
    const error = decodeFailure(codec, { id: 42 });

    expect(error.fieldPath).toBe('id');
    expect(error.message).toBe('Invalid response: `id` should be a non-empty string, got 42');
  });

  it('reports a missing field under its canonical name', () => {
    expect(decodeFailure(codec, {}).fieldPath).toBe('sessionId');
  });

  it('leaves a value that is not an object to the codec', () => {
    expect(decodeFailure(codec, 'text').message).toBe(
      'Invalid response: the body should be an object, got "text"',
    );
  });
});

describe('unwrapOnce', () => {
  const codec = unwrapOnce(Session);

  it('decodes a bare payload', () => {
    expect(decoded(codec, { sessionId: 'a' })).toMatchObject({ sessionId: 'a' });
  });

  it.each(['body', 'data'])('decodes a payload wrapped in %s', (key) => {
    expect(decoded(codec, { [key]: { sessionId: 'a' } })).toMatchObject({ sessionId: 'a' });
  });

  it('prefers the bare reading when a payload merely has a data field', () => {
    const value = decoded(codec, { sessionId: 'outer', data: { sessionId: 'inner' } });

    expect(value.sessionId).toBe('outer');
  });

  it('reports the wrapped payload error with the wrapper in the path', () => {
    const error = decodeFailure(codec, { body: { sessionId: '' } });

    expect(error.fieldPath).toBe('body.sessionId');
  });

  it('unwraps only one level', () => {
    expect(decodeFailure(codec, { body: { data: { sessionId: 'a' } } }).fieldPath).toBe(
      'body.sessionId',
    );
  });

  it('does not treat a wrapper holding a non-object as a wrapper', () => {
    expect(decodeFailure(codec, { data: '{"sessionId":"a"}' }).fieldPath).toBe('sessionId');
  });
});

describe('mapDecoder', () => {
  const decoder = mapDecoder(Session, ({ sessionId }) => ({ id: sessionId.toUpperCase() }));

  it('maps a decoded value', () => {
    expect(decoded(decoder, { sessionId: 'abc' })).toStrictEqual({ id: 'ABC' });
  });

  it('keeps the name of the codec it maps', () => {
    expect(decoder.name).toBe('an object');
  });

  it('passes failures through without calling the mapping', () => {
    const toValue = jest.fn();
    const failing = mapDecoder(Session, toValue);

    expect(decodeFailure(failing, {}).fieldPath).toBe('sessionId');
    expect(toValue).not.toHaveBeenCalled();
  });
});

describe('redacted', () => {
  it('returns the codec it marks', () => {
    const codec = t.type({ token: t.string });

    expect(redacted(codec)).toBe(codec);
  });

  it('marks every error whose context passes through the codec', () => {
    const secret = redacted(t.type({ token: Text }, 'an object'));
    const outer = t.type({ auth: secret, plain: Text }, 'an object');
    const result = outer.decode({ auth: { token: 5 }, plain: 6 });

    if (isRight(result)) throw new Error('expected a failure');
    const [authError, plainError] = result.left;
    expect(authError && isRedacted(authError.context)).toBe(true);
    expect(plainError && isRedacted(plainError.context)).toBe(false);
  });

  it('makes the failure message name the type, never the value', () => {
    const secret = redacted(t.type({ token: Text }, 'an object'));
    const error = decodeFailure(secret, { token: ['sk-LEAKED'] });

    expect(error.message).toBe('Invalid response: `token` should be a string, got an array');
  });
});
