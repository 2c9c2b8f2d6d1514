import { inspect } from 'node:util';
import { asyncScheduler, of } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { resolveOptions } from '../../lib/config/FastnAuthOptions';
import { silentLogger } from '../../lib/logger';
import { DEFAULT_ENDPOINTS } from '../../lib/wire/endpoints';
import { thrownArgumentError } from './thrownArgumentError';

const API_KEY = 'fastn_key_SUPERSECRET_a1b2c3';
const TOKEN = 'eyJhbGciOi.SUPERSECRET.signature';
const base = { spaceId: 'space-1', apiKey: API_KEY };

describe('resolveOptions', () => {
  describe('defaults', () => {
    it('fills in every documented default', () => {
      const resolved = resolveOptions(base);

      expect(resolved).toMatchObject({
        spaceId: 'space-1',
        baseUrl: 'https://live.fastn.ai/api',
        stage: 'LIVE',
        endpoints: DEFAULT_ENDPOINTS,
        requestTimeoutMs: 30_000,
        maxResponseBytes: 1_048_576,
        maxConcurrentRequests: 64,
        intervalMs: 2000,
        timeoutMs: 300_000,
        retryBaseDelayMs: 500,
        retryMaxDelayMs: 30_000,
      });
      expect(resolved.logger).toBe(silentLogger);
      expect(resolved.scheduler).toBe(asyncScheduler);
      expect('transport' in resolved).toBe(false);
    });

    it('returns a frozen object', () => {
      expect(Object.isFrozen(resolveOptions(base))).toBe(true);
      expect(Object.isFrozen(resolveOptions(base).endpoints)).toBe(true);
    });

    it('reads undefined options as absent', () => {
      const resolved = resolveOptions({ ...base, baseUrl: undefined, authToken: undefined });

      expect(resolved.baseUrl).toBe('https://live.fastn.ai/api');
      expect(resolved.authHeaders()).toStrictEqual({ 'x-fastn-api-key': API_KEY });
    });
  });

  describe('every option given', () => {
    const scheduler = new TestScheduler(() => undefined);
    const logger = { debug: () => undefined };
    const transport = () => of({});
    const resolved = resolveOptions({
      spaceId: 'space-2',
      authToken: TOKEN,
      baseUrl: 'http://127.0.0.1:4010/api/',
      allowInsecureHttp: false,
      stage: 'DRAFT',
      endpoints: { status: '/custom/status' },
      http: { requestTimeoutMs: 5000, maxResponseBytes: 2048, maxConcurrentRequests: 8 },
      polling: { intervalMs: 250, timeoutMs: 60_000, retryBaseDelayMs: 100, retryMaxDelayMs: 100 },
      logger,
      scheduler,
      transport,
    });

    it('keeps each value, with the base URL normalised', () => {
      expect(resolved).toMatchObject({
        spaceId: 'space-2',
        baseUrl: 'http://127.0.0.1:4010/api',
        stage: 'DRAFT',
        requestTimeoutMs: 5000,
        maxResponseBytes: 2048,
        maxConcurrentRequests: 8,
        intervalMs: 250,
        timeoutMs: 60_000,
        retryBaseDelayMs: 100,
        retryMaxDelayMs: 100,
      });
      expect(resolved.logger).toBe(logger);
      expect(resolved.scheduler).toBe(scheduler);
      expect(resolved.transport).toBe(transport);
    });

    it('overrides only the endpoints given', () => {
      expect(resolved.endpoints).toStrictEqual({
        initialize: '/ucl/connectorAuth/initialize',
        status: '/custom/status',
        credentials: '/ucl/connectorAuth',
      });
    });

    it('sends a token as a bearer header', () => {
      expect(resolved.authHeaders()).toStrictEqual({ Authorization: `Bearer ${TOKEN}` });
    });
  });

  describe('secrets', () => {
    it.each([
      ['an API key', { ...base }],
      ['a token', { spaceId: 's', authToken: TOKEN }],
    ])('never shows %s through util.inspect or JSON.stringify', (_, options) => {
      const resolved = resolveOptions(options);

      expect(inspect(resolved, { showHidden: true, depth: Infinity })).not.toContain('SUPERSECRET');
      expect(JSON.stringify(resolved)).not.toContain('SUPERSECRET');
      expect(Object.values(resolved).map(String).join(' ')).not.toContain('SUPERSECRET');
    });

    it('never shows a secret in the error for another bad option', () => {
      const error = thrownArgumentError(() => resolveOptions({ ...base, stage: 'live' }));

      expect(error.field).toBe('stage');
      expect(inspect(error)).not.toContain('SUPERSECRET');
    });
  });

  describe('the options object', () => {
    it.each([undefined, null, 'space-1', 42, [base]])('rejects %p, naming options', (value) => {
      const error = thrownArgumentError(() => resolveOptions(value));

      expect(error.field).toBe('options');
    });

    it('rejects an unknown key by name, suggesting the right spelling', () => {
      const error = thrownArgumentError(() => resolveOptions({ spaceId: 's', apikey: API_KEY }));

      expect(error.field).toBe('apikey');
      expect(error.message).toBe('Unknown option "apikey": did you mean apiKey?');
    });

    it('rejects an unknown key with no close match, listing the known ones', () => {
      const error = thrownArgumentError(() => resolveOptions({ ...base, retries: 3 }));

      expect(error.field).toBe('retries');
      expect(error.message).toContain('expected one of spaceId, apiKey, authToken, baseUrl');
    });

    it.each([
      ['http.timeoutMs', { http: { timeoutMs: 1 } }],
      ['polling.interval', { polling: { interval: 1 } }],
      ['endpoints.credential', { endpoints: { credential: '/x' } }],
    ])('rejects the unknown nested key %s', (field, extra) => {
      expect(thrownArgumentError(() => resolveOptions({ ...base, ...extra })).field).toBe(field);
    });
  });

  describe('spaceId', () => {
    it.each([
      ['missing', undefined, 'spaceId is required'],
      ['a number', 7, 'spaceId must be a string, got 7'],
      ['empty', '', 'spaceId must not be empty or blank, got ""'],
      ['blank', '  ', 'spaceId must not be empty or blank, got "  "'],
      ['a control character', 's\u0000', 'spaceId must not contain control characters'],
      ['too long', 's'.repeat(513), 'spaceId must be at most 512 characters long'],
    ])('is rejected when %s', (_, spaceId, message) => {
      const error = thrownArgumentError(() => resolveOptions({ apiKey: API_KEY, spaceId }));

      expect(error.field).toBe('spaceId');
      expect(error.message).toContain(message);
    });
  });

  describe('apiKey and authToken', () => {
    it('rejects both', () => {
      const error = thrownArgumentError(() => resolveOptions({ ...base, authToken: TOKEN }));

      expect(error.field).toBe('apiKey');
      expect(error.message).not.toContain('SUPERSECRET');
    });

    it('rejects neither', () => {
      expect(thrownArgumentError(() => resolveOptions({ spaceId: 's' })).field).toBe('apiKey');
    });

    it.each([
      ['apiKey', { apiKey: `${API_KEY}\n` }],
      ['apiKey', { apiKey: 42 }],
      ['authToken', { authToken: `${TOKEN}${'x'.repeat(4096)}` }],
      ['authToken', { authToken: ' ' }],
    ])('rejects a bad %s without showing it', (field, secret) => {
      const error = thrownArgumentError(() => resolveOptions({ spaceId: 's', ...secret }));

      expect(error.field).toBe(field);
      expect(error.message).not.toContain('SUPERSECRET');
      expect(error.message).not.toContain('42');
    });
  });

  describe('baseUrl and allowInsecureHttp', () => {
    it('refuses plain http to a remote host by default', () => {
      const error = thrownArgumentError(() =>
        resolveOptions({ ...base, baseUrl: 'http://fastn.example.com/api' }),
      );

      expect(error.field).toBe('baseUrl');
    });

    it('allows plain http to a remote host with allowInsecureHttp', () => {
      const resolved = resolveOptions({
        ...base,
        baseUrl: 'http://fastn.example.com/api',
        allowInsecureHttp: true,
      });

      expect(resolved.baseUrl).toBe('http://fastn.example.com/api');
    });

    it('rejects an allowInsecureHttp that is not a boolean', () => {
      const error = thrownArgumentError(() =>
        resolveOptions({ ...base, allowInsecureHttp: 'yes' }),
      );

      expect(error.field).toBe('allowInsecureHttp');
    });
  });

  describe('stage', () => {
    it.each(['live', 'PROD', '', 1])('rejects %p, naming stage', (stage) => {
      const error = thrownArgumentError(() => resolveOptions({ ...base, stage }));

      expect(error.field).toBe('stage');
      expect(error.message).toMatch(/^stage must be 'LIVE' or 'DRAFT', got /);
    });
  });

  describe('endpoints', () => {
    it('rejects endpoints that are not an object', () => {
      const error = thrownArgumentError(() => resolveOptions({ ...base, endpoints: '/x' }));

      expect(error.field).toBe('endpoints');
    });

    it.each([
      ['initialize', 'ucl/init'],
      ['status', ''],
      ['credentials', 42],
      ['status', '//evil.example.com/steal'],
      ['initialize', '/with space'],
      ['credentials', '/line\nbreak'],
      ['status', '/nul\u0000byte'],
    ])('rejects endpoints.%s = %p, naming it', (key, path) => {
      const error = thrownArgumentError(() =>
        resolveOptions({ ...base, endpoints: { [key]: path } }),
      );

      expect(error.field).toBe(`endpoints.${key}`);
      expect(error.message).toMatch(new RegExp(`^endpoints\\.${key} must be a path starting`));
    });
  });

  describe('http', () => {
    it('rejects http that is not an object', () => {
      expect(thrownArgumentError(() => resolveOptions({ ...base, http: 5 })).field).toBe('http');
    });

    it.each([
      ['requestTimeoutMs', 0],
      ['requestTimeoutMs', 1.5],
      ['requestTimeoutMs', -1],
      ['requestTimeoutMs', Number.NaN],
      ['requestTimeoutMs', 2 ** 31],
      ['maxResponseBytes', 0],
      ['maxResponseBytes', 10.5],
      ['maxResponseBytes', Number.POSITIVE_INFINITY],
      ['maxResponseBytes', '1024'],
      ['maxConcurrentRequests', 0],
      ['maxConcurrentRequests', 2.5],
      ['maxConcurrentRequests', 1e9],
    ])('rejects http.%s = %p, naming it and showing the value', (key, value) => {
      const error = thrownArgumentError(() => resolveOptions({ ...base, http: { [key]: value } }));

      expect(error.field).toBe(`http.${key}`);
      expect(error.message).toMatch(new RegExp(`^http\\.${key} must be an integer from 1 to`));
    });
  });

  describe('polling', () => {
    it('rejects polling that is not an object', () => {
      expect(thrownArgumentError(() => resolveOptions({ ...base, polling: [] })).field).toBe(
        'polling',
      );
    });

    it.each([
      ['intervalMs', 0],
      ['intervalMs', 0.99],
      ['timeoutMs', Number.NaN],
      ['timeoutMs', Number.POSITIVE_INFINITY],
      ['retryBaseDelayMs', -500],
      ['retryMaxDelayMs', '30000'],
    ])('rejects polling.%s = %p, naming it and showing the value', (key, value) => {
      const error = thrownArgumentError(() =>
        resolveOptions({ ...base, polling: { [key]: value } }),
      );

      expect(error.field).toBe(`polling.${key}`);
      expect(error.message).toMatch(new RegExp(`^polling\\.${key} must be a number from 1 to`));
    });

    it('rejects a maximum retry delay below the base delay', () => {
      const error = thrownArgumentError(() =>
        resolveOptions({ ...base, polling: { retryBaseDelayMs: 1000, retryMaxDelayMs: 999 } }),
      );

      expect(error.field).toBe('polling.retryMaxDelayMs');
      expect(error.message).toBe(
        'polling.retryMaxDelayMs must be at least polling.retryBaseDelayMs (1000), got 999',
      );
    });

    it('compares a base delay above the default maximum with that default', () => {
      const error = thrownArgumentError(() =>
        resolveOptions({ ...base, polling: { retryBaseDelayMs: 60_000 } }),
      );

      expect(error.field).toBe('polling.retryMaxDelayMs');
      expect(error.message).toContain('got 30000');
    });
  });

  describe('logger, scheduler and transport', () => {
    it.each([
      ['logger', { log: () => undefined }],
      ['scheduler', { now: () => 0 }],
      ['transport', { send: () => undefined }],
    ])('rejects a bad %s, naming it', (field, value) => {
      expect(thrownArgumentError(() => resolveOptions({ ...base, [field]: value })).field).toBe(
        field,
      );
    });
  });
});
