import {
  EpochSeconds,
  HttpUrl,
  IsoDateString,
  LifetimeSeconds,
  NonBlankString,
  StatusWordCodec,
  Text,
  optional,
} from '../../lib/wire/primitives';
import { decodeFailure, decoded } from './decodeResult';

describe('Text', () => {
  it('accepts any string, empty included', () => {
    expect(decoded(Text, '')).toBe('');
  });

  it('rejects a number', () => {
    expect(decodeFailure(Text, 1).message).toBe(
      'Invalid response: the body should be a string, got 1',
    );
  });
});

describe('NonBlankString', () => {
  it('accepts a string with a visible character', () => {
    expect(decoded(NonBlankString, ' a ')).toBe(' a ');
  });

  it.each(['', '   ', 5, null])('rejects %p', (value) => {
    expect(decodeFailure(NonBlankString, value).message).toContain('should be a non-empty string');
  });
});

describe('HttpUrl', () => {
  it.each(['https://accounts.example.com/o/oauth2?x=1', 'http://127.0.0.1:4000/consent'])(
    'accepts the absolute URL %s unchanged',
    (url) => {
      expect(decoded(HttpUrl, url)).toBe(url);
    },
  );

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://example.com/file',
    '/relative/path',
    '//example.com/no-scheme',
    'not a url',
    '',
    42,
  ])('rejects %p', (value) => {
    expect(decodeFailure(HttpUrl, value).message).toContain('should be an absolute http(s) URL');
  });
});

describe('StatusWordCodec', () => {
  it.each([
    ['ACTIVE', 'ACTIVE'],
    ['active', 'ACTIVE'],
    ['Pending', 'PENDING'],
    ['inactive', 'INACTIVE'],
    ['failed', 'FAILED'],
    ['eXpIrEd', 'EXPIRED'],
  ])('reads %s as %s', (word, upper) => {
    expect(decoded(StatusWordCodec, word)).toBe(upper);
  });

  it.each(['DONE', 'ACTIVE ', '', 1, null])('rejects %p', (value) => {
    expect(decodeFailure(StatusWordCodec, value).message).toContain(
      'should be one of INACTIVE, PENDING, ACTIVE, FAILED, EXPIRED (in any case)',
    );
  });
});

describe('IsoDateString', () => {
  it.each([
    ['2030-01-02T03:04:05Z', '2030-01-02T03:04:05.000Z'],
    ['2030-01-02T05:04:05+02:00', '2030-01-02T03:04:05.000Z'],
    ['2030-01-02', '2030-01-02T00:00:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(decoded(IsoDateString, text)).toBe(iso);
  });

  it.each(['tomorrow', 'March 7, 2030', '2030-13-45', '1700000000', 1_700_000_000])(
    'rejects %p',
    (value) => {
      expect(decodeFailure(IsoDateString, value).message).toContain('should be an ISO-8601 date');
    },
  );
});

describe('EpochSeconds', () => {
  it('reads seconds since 1970 as an ISO date', () => {
    expect(decoded(EpochSeconds, 1_700_000_000)).toBe('2023-11-14T22:13:20.000Z');
    expect(decoded(EpochSeconds, 0.5)).toBe('1970-01-01T00:00:00.500Z');
  });

  it('encodes back to seconds', () => {
    expect(EpochSeconds.encode('2023-11-14T22:13:20.000Z')).toBe(1_700_000_000);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, 1e13, '1700000000'])('rejects %p', (value) => {
    expect(decodeFailure(EpochSeconds, value).message).toContain(
      'should be a number of epoch seconds',
    );
  });
});

describe('LifetimeSeconds', () => {
  it.each([0, 1, 3600.5])('accepts %p', (value) => {
    expect(decoded(LifetimeSeconds, value)).toBe(value);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, 1e11, '3600'])('rejects %p', (value) => {
    expect(decodeFailure(LifetimeSeconds, value).message).toContain(
      'should be a number of seconds',
    );
  });
});

describe('optional', () => {
  const codec = optional(IsoDateString);

  it('reads null and undefined as absent', () => {
    expect(decoded(codec, null)).toBeUndefined();
    expect(decoded(codec, undefined)).toBeUndefined();
  });

  it('decodes a present value with the inner codec', () => {
    expect(decoded(codec, '2030-01-02')).toBe('2030-01-02T00:00:00.000Z');
  });

  it('names the whole choice when it fails', () => {
    expect(decodeFailure(codec, 5).message).toBe(
      'Invalid response: the body should be an ISO-8601 date, or null, got 5',
    );
  });
});
