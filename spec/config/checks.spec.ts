import {
  MAX_TIMER_MS,
  hasControlCharacter,
  keysOf,
  optionalBoolean,
  optionalNumber,
  rejectUnknownKeys,
  requireRecord,
} from '../../lib/config/checks';
import { thrownArgumentError } from './thrownArgumentError';

describe('hasControlCharacter', () => {
  it.each(['\u0000', '\u0009', '\n', '\r', '\u001f', '\u007f'])(
    'finds the control character %j',
    (char) => {
      expect(hasControlCharacter(`ab${char}cd`)).toBe(true);
    },
  );

  it.each(['', 'plain', ' spaced out ', 'ünïcødé', '\u0080', '日本'])(
    'finds none in %j',
    (text) => {
      expect(hasControlCharacter(text)).toBe(false);
    },
  );
});

describe('requireRecord', () => {
  it('returns an object unchanged', () => {
    const value = { a: 1 };

    expect(requireRecord('options', value)).toBe(value);
  });

  it.each([undefined, null, 'x', 3, [], () => 1])('rejects %p naming the field', (value) => {
    const error = thrownArgumentError(() => requireRecord('http', value));

    expect(error.field).toBe('http');
    expect(error.message).toMatch(/^http must be an object, got /);
  });
});

describe('rejectUnknownKeys', () => {
  const known = ['intervalMs', 'timeoutMs'];

  it('accepts a record with known keys only', () => {
    expect(() => rejectUnknownKeys({ intervalMs: 1 }, known, 'option')).not.toThrow();
  });

  it('suggests the known key a misspelt one differs from by case', () => {
    const error = thrownArgumentError(() =>
      rejectUnknownKeys({ timeoutMS: 5 }, known, 'option', 'polling.'),
    );

    expect(error.field).toBe('polling.timeoutMS');
    expect(error.message).toBe(
      'Unknown option "polling.timeoutMS": did you mean polling.timeoutMs?',
    );
  });

  it('lists the known keys when nothing is close', () => {
    const error = thrownArgumentError(() => rejectUnknownKeys({ speed: 5 }, known, 'poll option'));

    expect(error.field).toBe('speed');
    expect(error.message).toBe(
      'Unknown poll option "speed": expected one of intervalMs, timeoutMs',
    );
  });

  it('never shows the value of the unknown key', () => {
    const error = thrownArgumentError(() =>
      rejectUnknownKeys({ apikey: 'sk-VERY-SECRET' }, ['apiKey'], 'option'),
    );

    expect(error.message).not.toContain('VERY-SECRET');
  });
});

describe('keysOf', () => {
  it('lists the keys of an options type in the order written', () => {
    expect(keysOf<{ a?: number; b: string }>({ b: true, a: true })).toStrictEqual(['b', 'a']);
  });
});

describe('optionalNumber', () => {
  const bounds = { integer: true, min: 1, max: 100 };

  it('passes undefined through as absent', () => {
    expect(optionalNumber('n', undefined, bounds)).toBeUndefined();
  });

  it.each([1, 50, 100])('accepts %p within the bounds', (value) => {
    expect(optionalNumber('n', value, bounds)).toBe(value);
  });

  it('accepts a fraction when fractions are allowed', () => {
    expect(optionalNumber('n', 1.5, { ...bounds, integer: false })).toBe(1.5);
  });

  it.each([
    ['zero', 0, '0'],
    ['a negative', -1, '-1'],
    ['above the maximum', 101, '101'],
    ['a fraction', 2.5, '2.5'],
    ['NaN', Number.NaN, 'NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, 'Infinity'],
    ['a numeric string', '10', '"10"'],
    ['null', null, 'null'],
  ])('rejects %s, naming the field and the value', (_, value, shown) => {
    const error = thrownArgumentError(() => optionalNumber('http.requestTimeoutMs', value, bounds));

    expect(error.field).toBe('http.requestTimeoutMs');
    expect(error.message).toBe(
      `http.requestTimeoutMs must be an integer from 1 to 100, got ${shown}`,
    );
  });

  it('caps timer values at what setTimeout can wait', () => {
    expect(MAX_TIMER_MS).toBe(2 ** 31 - 1);
  });
});

describe('optionalBoolean', () => {
  it.each([true, false, undefined])('accepts %p', (value) => {
    expect(optionalBoolean('flag', value)).toBe(value);
  });

  it.each(['true', 1, null])('rejects %p naming the field', (value) => {
    expect(thrownArgumentError(() => optionalBoolean('allowInsecureHttp', value)).field).toBe(
      'allowInsecureHttp',
    );
  });
});
