import { asyncScheduler, of } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { resolveLogger, resolveScheduler, resolveTransport } from '../../lib/config/injectables';
import { silentLogger } from '../../lib/logger';
import { thrownArgumentError } from './thrownArgumentError';

describe('resolveLogger', () => {
  it('defaults to the silent logger', () => {
    expect(resolveLogger(undefined)).toBe(silentLogger);
  });

  it('accepts an object with debug, with or without warn', () => {
    const debugOnly = { debug: () => undefined };
    const both = { debug: () => undefined, warn: () => undefined };

    expect(resolveLogger(debugOnly)).toBe(debugOnly);
    expect(resolveLogger(both)).toBe(both);
  });

  it.each([
    ['null', null],
    ['a function', () => undefined],
    ['an object without debug', { info: () => undefined }],
    ['a debug that is not a function', { debug: 'yes' }],
    ['a warn that is not a function', { debug: () => undefined, warn: true }],
  ])('rejects %s, naming logger', (_, value) => {
    const error = thrownArgumentError(() => resolveLogger(value));

    expect(error.field).toBe('logger');
    expect(error.message).toMatch(/^logger must be an object with a debug function/);
  });
});

describe('resolveScheduler', () => {
  it('defaults to asyncScheduler', () => {
    expect(resolveScheduler(undefined)).toBe(asyncScheduler);
  });

  it('accepts a TestScheduler', () => {
    const scheduler = new TestScheduler(() => undefined);

    expect(resolveScheduler(scheduler)).toBe(scheduler);
  });

  it.each([
    ['null', null],
    ['a function', () => 0],
    ['an object without schedule', { now: () => 0 }],
    ['an object without now', { schedule: () => undefined }],
  ])('rejects %s, naming scheduler', (_, value) => {
    expect(thrownArgumentError(() => resolveScheduler(value)).field).toBe('scheduler');
  });
});

describe('resolveTransport', () => {
  it('leaves an absent transport absent, for the client to build its own', () => {
    expect(resolveTransport(undefined)).toBeUndefined();
  });

  it('accepts a function', () => {
    const transport = () => of({});

    expect(resolveTransport(transport)).toBe(transport);
  });

  it.each([null, 'axios', { request: () => of({}) }])('rejects %p, naming transport', (value) => {
    const error = thrownArgumentError(() => resolveTransport(value));

    expect(error.field).toBe('transport');
    expect(error.message).toMatch(/^transport must be a function, got /);
  });
});
