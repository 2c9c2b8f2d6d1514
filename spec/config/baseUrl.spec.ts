import { DEFAULT_BASE_URL, resolveBaseUrl } from '../../lib/config/baseUrl';
import { thrownArgumentError } from './thrownArgumentError';

describe('resolveBaseUrl', () => {
  it('defaults to Fastn live API root', () => {
    expect(resolveBaseUrl(undefined, false)).toBe('https://live.fastn.ai/api');
    expect(DEFAULT_BASE_URL).toBe('https://live.fastn.ai/api');
  });

  it.each([
    ['https://live.fastn.ai/api/', 'https://live.fastn.ai/api'],
    ['https://live.fastn.ai/api//', 'https://live.fastn.ai/api'],
    ['https://example.com', 'https://example.com'],
    ['https://example.com/', 'https://example.com'],
    ['HTTPS://Example.COM/Api/', 'https://example.com/Api'],
    ['https://example.com:8443/v1/api', 'https://example.com:8443/v1/api'],
    ['https://example.com:443/api', 'https://example.com/api'],
  ])('normalises %s to %s', (value, resolved) => {
    expect(resolveBaseUrl(value, false)).toBe(resolved);
  });

  it.each([
    'http://localhost:3000/api',
    'http://127.0.0.1:8080/api',
    'http://127.200.3.4/api',
    'http://127.1/api',
    'http://[::1]:4000/api',
  ])('allows plain http to the loopback host of %s', (value) => {
    expect(resolveBaseUrl(value, false)).toBe(value.replace('127.1', '127.0.0.1'));
  });

  it.each([
    'http://example.com/api',
    'http://10.0.0.5/api',
    'http://localhost.example.com/api',
    'http://127.0.0.1.example.com/api',
    'http://[::2]/api',
  ])('refuses plain http to %s, which is not loopback', (value) => {
    const error = thrownArgumentError(() => resolveBaseUrl(value, false));

    expect(error.field).toBe('baseUrl');
    expect(error.message).toContain('must use https:');
    expect(error.message).toContain('allowInsecureHttp');
    expect(error.message).toContain(JSON.stringify(value));
  });

  it('allows plain http to any host when allowInsecureHttp is set', () => {
    expect(resolveBaseUrl('http://example.com/api/', true)).toBe('http://example.com/api');
  });

  it.each([
    ['a relative path', '/api'],
    ['words', 'not a url'],
    ['an ftp URL', 'ftp://example.com/api'],
    ['a javascript URL', 'javascript:alert(1)'],
    ['a data URL', 'data:text/plain,hi'],
    ['a host without scheme', 'live.fastn.ai/api'],
    ['an empty string', ''],
  ])('rejects %s, showing it', (_, value) => {
    const error = thrownArgumentError(() => resolveBaseUrl(value, true));

    expect(error.field).toBe('baseUrl');
    expect(error.message).toBe(
      `baseUrl must be an absolute http: or https: URL, got ${JSON.stringify(value)}`,
    );
  });

  it.each([42, null, { href: 'https://x.y' }])('rejects the non-string %p', (value) => {
    const error = thrownArgumentError(() => resolveBaseUrl(value, false));

    expect(error.field).toBe('baseUrl');
    expect(error.message).toMatch(/^baseUrl must be a string, got /);
  });

  it.each([
    'https://user:hunter2-password@example.com/api',
    'https://hunter2-password@example.com/api',
  ])('rejects credentials in %s without showing them', (value) => {
    const error = thrownArgumentError(() => resolveBaseUrl(value, false));

    expect(error.field).toBe('baseUrl');
    expect(error.message).toContain('must not contain a user name or password');
    expect(error.message).not.toContain('hunter2');
  });

  it('does not show an unparseable URL that may hold a password', () => {
    const error = thrownArgumentError(() =>
      resolveBaseUrl('https://user:hunter2-password@exa mple.com', false),
    );

    expect(error.field).toBe('baseUrl');
    expect(error.message).not.toContain('hunter2');
  });

  it.each(['https://example.com/api?x=1', 'https://example.com/api#top'])(
    'rejects the query or fragment of %s',
    (value) => {
      const error = thrownArgumentError(() => resolveBaseUrl(value, false));

      expect(error.field).toBe('baseUrl');
      expect(error.message).toContain('must not have a query or fragment');
    },
  );
});
