import { describeType, describeValue } from '../../lib/config/describeValue';

describe('describeValue', () => {
  it.each([
    ['a string, JSON-quoted', 'abc', '"abc"'],
    ['a number', 42, '42'],
    ['NaN, which JSON would turn into null', Number.NaN, 'NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, 'Infinity'],
    ['a boolean', false, 'false'],
    ['a bigint', 10n, '10n'],
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['an object as JSON', { a: 1 }, '{"a":1}'],
    ['an array as JSON', [1, 'x'], '[1,"x"]'],
    ['a function by its type', () => 1, 'a function'],
    ['a symbol by its type', Symbol('s'), 'a symbol'],
  ])('shows %s', (_, value, shown) => {
    expect(describeValue(value)).toBe(shown);
  });

  it('escapes control characters and quotes, so a value cannot break a log line', () => {
    expect(describeValue('a\nb"c\u0000')).toBe('"a\\nb\\"c\\u0000"');
  });

  it('escapes DEL, C1 controls and line separators that JSON leaves raw', () => {
    expect(describeValue('a\u007fb\u0085c\u2028d')).toBe('"a\\u007fb\\u0085c\\u2028d"');
  });

  it('cuts a long value to 60 characters ending in an ellipsis', () => {
    const shown = describeValue('x'.repeat(500));

    expect(Array.from(shown)).toHaveLength(60);
    expect(shown.startsWith('"xxx')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
  });

  it('keeps a value of exactly 60 characters whole', () => {
    const value = 'y'.repeat(58);

    expect(describeValue(value)).toBe(`"${value}"`);
  });

  it('does not split a surrogate pair at the cut', () => {
    const shown = describeValue('😀'.repeat(100));

    expect(shown).toBe(`"${'😀'.repeat(58)}…`);
  });

  it('names the type of an object that JSON cannot serialize', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;

    expect(describeValue(cyclic)).toBe('an object');
    expect(describeValue({ big: 1n })).toBe('an object');
  });
});

describe('describeType', () => {
  it.each([
    [undefined, 'undefined'],
    [null, 'null'],
    [[1], 'an array'],
    [{ a: 1 }, 'an object'],
    ['secret', 'a string'],
    [7, 'a number'],
    [true, 'a boolean'],
    [() => 1, 'a function'],
    [1n, 'a bigint'],
  ])('describes %p as %s without showing it', (value, described) => {
    expect(describeType(value)).toBe(described);
  });
});
