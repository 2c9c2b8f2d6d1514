import { PassThrough } from 'node:stream';

import { canAnimate, createProgress } from '../../lib/cli/progress';

function fakeTerminal(columns: number): NodeJS.WriteStream & { text: () => string } {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream & { text: () => string };
  let text = '';
  (stream as unknown as PassThrough).on('data', (chunk: Buffer) => (text += chunk.toString()));
  return Object.assign(stream, { isTTY: true, columns, text: () => text });
}

describe('createProgress without a terminal', () => {
  it('writes one line per status change, with the elapsed seconds', () => {
    let now = 1_000;
    const stream = fakeTerminal(80);
    const progress = createProgress({
      stream,
      interactive: false,
      json: false,
      nowMs: () => now,
    });

    progress.status('INACTIVE');
    now += 900;
    progress.status('INACTIVE');
    now += 1_500;
    progress.status('ACTIVE');
    progress.stop();

    expect(stream.text()).toBe(
      'Waiting for authorization: INACTIVE (0 s)\nAuthorized: ACTIVE (2 s)\n',
    );
  });

  it('writes JSON status events with --json', () => {
    let now = 0;
    const stream = fakeTerminal(80);
    const progress = createProgress({ stream, interactive: false, json: true, nowMs: () => now });

    progress.status('INACTIVE');
    now = 1_234;
    progress.status('FAILED');
    progress.stop();

    expect(stream.text()).toBe(
      '{"event":"status","status":"INACTIVE","elapsedMs":0}\n' +
        '{"event":"status","status":"FAILED","elapsedMs":1234}\n',
    );
  });
});

describe('createProgress on a terminal', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('redraws the elapsed seconds while waiting and leaves no timer after stop', () => {
    const stream = fakeTerminal(80);
    const progress = createProgress({ stream, interactive: true, json: false });

    progress.status('INACTIVE');
    jest.advanceTimersByTime(3_040);
    expect(stream.text()).toContain('Waiting for authorization: INACTIVE (3 s)');

    progress.status('ACTIVE');
    progress.stop();
    expect(stream.text()).toMatch(/Authorized: ACTIVE \(3 s\)\n/);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('ends with a stop line when the wait ended without a final status', () => {
    const stream = fakeTerminal(80);
    const progress = createProgress({ stream, interactive: true, json: false });

    progress.status('INACTIVE');
    jest.advanceTimersByTime(1_000);
    progress.stop();

    expect(stream.text()).toMatch(/Stopped waiting \(1 s\)\n/);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('installs no signal handler of its own', () => {
    const before = process.listenerCount('SIGINT');
    const progress = createProgress({ stream: fakeTerminal(80), interactive: true, json: false });

    expect(process.listenerCount('SIGINT')).toBe(before);
    progress.stop();
  });
});

describe('canAnimate', () => {
  const stdout = { isTTY: true } as unknown as NodeJS.WriteStream;

  it('is true for two terminals of known width', () => {
    expect(canAnimate(stdout, fakeTerminal(80), { TERM: 'xterm' })).toBe(true);
  });

  it.each([
    ['stdout is piped', { isTTY: false } as unknown as NodeJS.WriteStream, 80, {}],
    ['the terminal has no width', stdout, 0, {}],
    ['TERM is dumb', stdout, 80, { TERM: 'dumb' }],
    ['CI is set', stdout, 80, { CI: '' }],
  ])('is false when %s', (_, out, columns, env) => {
    expect(canAnimate(out, fakeTerminal(columns), env)).toBe(false);
  });
});
