import {
  validateConnectorParams,
  validateId,
  validatePollOptions,
} from '../../lib/config/validate';
import { thrownArgumentError } from './thrownArgumentError';

describe('validateId', () => {
  it('returns a valid id unchanged', () => {
    expect(validateId('tenantId', 'acme-01', false)).toBe('acme-01');
  });

  it('accepts an id of exactly 512 characters', () => {
    const id = 'a'.repeat(512);

    expect(validateId('connectorId', id, true)).toBe(id);
  });

  it('accepts letters outside ASCII', () => {
    expect(validateId('tenantId', 'société', true)).toBe('société');
  });

  it('returns undefined for an absent optional id', () => {
    expect(validateId('tenantId', undefined, false)).toBeUndefined();
  });

  it('rejects an absent required id, naming the field', () => {
    const error = thrownArgumentError(() => validateId('connectorId', undefined, true));

    expect(error.field).toBe('connectorId');
    expect(error.message).toBe('connectorId is required');
  });

  it.each([
    ['a number', 42, 'connectorId must be a string, got 42'],
    ['null', null, 'connectorId must be a string, got null'],
    ['an object', { id: 'x' }, 'connectorId must be a string, got {"id":"x"}'],
    ['an array', ['x'], 'connectorId must be a string, got ["x"]'],
    ['a boolean', true, 'connectorId must be a string, got true'],
    ['an empty string', '', 'connectorId must not be empty or blank, got ""'],
    ['a blank string', ' \t ', 'connectorId must not be empty or blank, got " \\t "'],
    ['a NUL', 'a\u0000b', 'connectorId must not contain control characters, got "a\\u0000b"'],
    ['a newline', 'a\nb', 'connectorId must not contain control characters, got "a\\nb"'],
    ['a DEL', 'a\u007fb', 'connectorId must not contain control characters, got "a\\u007fb"'],
  ])('rejects %s with a message naming the field and the value', (_, value, message) => {
    const error = thrownArgumentError(() => validateId('connectorId', value, true));

    expect(error.field).toBe('connectorId');
    expect(error.message).toBe(message);
  });

  it('rejects an id longer than 512 characters and shows only its start', () => {
    const error = thrownArgumentError(() => validateId('orgId', 'o'.repeat(513), false));

    expect(error.field).toBe('orgId');
    expect(error.message).toMatch(/^orgId must be at most 512 characters long, got "o+…$/);
    expect(error.message.length).toBeLessThan(120);
  });

  it('checks an optional id that is present as strictly as a required one', () => {
    expect(thrownArgumentError(() => validateId('tenantId', '', false)).field).toBe('tenantId');
  });
});

describe('validateConnectorParams', () => {
  it('fills in the community org and leaves absent ids out', () => {
    const params = validateConnectorParams({ connectorId: 'google-sheets' });

    expect(params).toStrictEqual({ connectorId: 'google-sheets', orgId: 'community' });
  });

  it('keeps every id given', () => {
    const params = validateConnectorParams({
      connectorId: 'salesforce',
      orgId: 'acme-org',
      tenantId: 'tenant-1',
      connectionId: 'conn-1',
    });

    expect(params).toStrictEqual({
      connectorId: 'salesforce',
      orgId: 'acme-org',
      tenantId: 'tenant-1',
      connectionId: 'conn-1',
    });
  });

  it('reads undefined ids as absent', () => {
    const params = validateConnectorParams({
      connectorId: 'c',
      orgId: undefined,
      tenantId: undefined,
    });

    expect(params).toStrictEqual({ connectorId: 'c', orgId: 'community' });
  });

  it.each([undefined, null, 'google-sheets', 7, []])(
    'rejects %p as the parameters, naming params',
    (value) => {
      expect(thrownArgumentError(() => validateConnectorParams(value)).field).toBe('params');
    },
  );

  it('rejects a missing connectorId', () => {
    expect(thrownArgumentError(() => validateConnectorParams({})).field).toBe('connectorId');
  });

  it.each([
    ['connectorId', { connectorId: 12 }],
    ['orgId', { connectorId: 'c', orgId: '' }],
    ['tenantId', { connectorId: 'c', tenantId: null }],
    ['connectionId', { connectorId: 'c', connectionId: '  ' }],
    ['tenantId', { connectorId: 'c', tenantId: 'x'.repeat(600) }],
    ['connectionId', { connectorId: 'c', connectionId: 'a\rb' }],
  ])('rejects a bad %s, naming it', (field, params) => {
    expect(thrownArgumentError(() => validateConnectorParams(params)).field).toBe(field);
  });

  it('rejects an unknown key, suggesting the right spelling', () => {
    const error = thrownArgumentError(() =>
      validateConnectorParams({ connectorId: 'c', tenantID: 't' }),
    );

    expect(error.field).toBe('tenantID');
    expect(error.message).toBe('Unknown connector parameter "tenantID": did you mean tenantId?');
  });
});

describe('validatePollOptions', () => {
  const defaults = { intervalMs: 2000, timeoutMs: 300_000 };

  it('uses the defaults when no options are given', () => {
    expect(validatePollOptions(undefined, defaults)).toStrictEqual(defaults);
  });

  it('uses the defaults for absent fields', () => {
    expect(validatePollOptions({}, defaults)).toStrictEqual(defaults);
    expect(validatePollOptions({ timeoutMs: 120_000 }, defaults)).toStrictEqual({
      intervalMs: 2000,
      timeoutMs: 120_000,
    });
  });

  it('accepts fractions of a millisecond from 1 up', () => {
    expect(validatePollOptions({ intervalMs: 1, timeoutMs: 1.5 }, defaults)).toStrictEqual({
      intervalMs: 1,
      timeoutMs: 1.5,
    });
  });

  it('does not return the defaults object itself', () => {
    expect(validatePollOptions(undefined, defaults)).not.toBe(defaults);
  });

  it.each([null, 'fast', 5, []])('rejects %p as the options, naming options', (value) => {
    expect(thrownArgumentError(() => validatePollOptions(value, defaults)).field).toBe('options');
  });

  it.each([
    ['intervalMs', 0],
    ['intervalMs', 0.5],
    ['intervalMs', -2000],
    ['intervalMs', Number.NaN],
    ['intervalMs', '2000'],
    ['timeoutMs', Number.POSITIVE_INFINITY],
    ['timeoutMs', 2 ** 31],
    ['timeoutMs', null],
  ])('rejects %s = %p, naming the field and showing the value', (field, value) => {
    const error = thrownArgumentError(() => validatePollOptions({ [field]: value }, defaults));

    expect(error.field).toBe(field);
    expect(error.message).toMatch(
      new RegExp(`^${field} must be a number from 1 to 2147483647, got`),
    );
  });

  it('accepts an onStatus function and returns it with the durations', () => {
    const onStatus = (): void => undefined;

    expect(validatePollOptions({ onStatus }, defaults)).toStrictEqual({ ...defaults, onStatus });
  });

  it.each([null, 'log', 42, {}])('rejects onStatus = %p, naming the field', (value) => {
    const error = thrownArgumentError(() => validatePollOptions({ onStatus: value }, defaults));

    expect(error.field).toBe('onStatus');
    expect(error.message).toMatch(/^onStatus must be a function, got (null|an? \w+)$/);
  });

  it('rejects an unknown key, so a misspelt timeout is not silently the default', () => {
    const error = thrownArgumentError(() => validatePollOptions({ timeoutMS: 1000 }, defaults));

    expect(error.field).toBe('timeoutMS');
    expect(error.message).toContain('did you mean timeoutMs?');
  });
});
