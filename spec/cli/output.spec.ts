import { PassThrough } from 'node:stream';

import { CommanderError } from 'commander';

import { errorJson, formatCredentials, printCredentials, reportError } from '../../lib/cli/output';
import { AbortedError, NetworkError, TimeoutError } from '../../lib/errors';

/** A stream that keeps what is written to it. */
function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('formatCredentials', () => {
  it('aligns one key-value line per field present, extra keys prefixed', () => {
    const text = formatCredentials('google-sheets', 'ACTIVE', {
      accessToken: 'ya29…[redacted]',
      expiresAt: '2030-01-01T00:00:00.000Z',
      extra: { scope: 'read', limits: { daily: 5 } },
    });

    expect(text).toBe(
      'connector     google-sheets\n' +
        'status        ACTIVE\n' +
        'accessToken   ya29…[redacted]\n' +
        'expiresAt     2030-01-01T00:00:00.000Z\n' +
        'extra.scope   read\n' +
        'extra.limits  {"daily":5}\n',
    );
  });
});

describe('printCredentials', () => {
  const credentials = { accessToken: 'ya29.a0AfH6SMBxLong', extra: { client_secret: 'x' } };

  it('writes exactly one JSON line with the secrets redacted', () => {
    const out = capture();

    printCredentials(out.stream, {
      connectorId: 'google-sheets',
      status: 'ACTIVE',
      credentials,
      json: true,
      showSecrets: false,
    });

    expect(out.text()).toBe(
      '{"status":"ACTIVE","connectorId":"google-sheets","credentials":' +
        '{"accessToken":"ya29…[redacted]","extra":{"client_secret":"[redacted]"}}}\n',
    );
  });

  it('writes the secrets as they are when asked to show them', () => {
    const out = capture();

    printCredentials(out.stream, {
      connectorId: 'google-sheets',
      status: 'ACTIVE',
      credentials,
      json: false,
      showSecrets: true,
    });

    expect(out.text()).toMatch(/^accessToken +ya29\.a0AfH6SMBxLong$/m);
    expect(out.text()).toMatch(/^extra\.client_secret +x$/m);
  });
});

describe('reportError', () => {
  const timeout = new TimeoutError({ attempts: 2, elapsedMs: 1500, timeoutMs: 1500 });

  it('writes one line on stderr and nothing on stdout without --json', () => {
    const out = capture();
    const err = capture();

    reportError({ stdout: out.stream, stderr: err.stream }, timeout, {
      json: false,
      debug: false,
      secrets: [],
    });

    expect(err.text()).toBe(`fastn-auth: ${timeout.message}\n`);
    expect(out.text()).toBe('');
  });

  it('adds a JSON error object on stdout with --json', () => {
    const out = capture();

    reportError({ stdout: out.stream, stderr: capture().stream }, timeout, {
      json: true,
      debug: false,
      secrets: [],
    });

    expect(JSON.parse(out.text())).toEqual({
      error: { code: 'TIMEOUT', message: timeout.message },
    });
  });

  it('prints the stack only in debug mode', () => {
    const quiet = capture();
    const debug = capture();
    const streams = (err: PassThrough) => ({ stdout: capture().stream, stderr: err });

    reportError(streams(quiet.stream), timeout, { json: false, debug: false, secrets: [] });
    reportError(streams(debug.stream), timeout, { json: false, debug: true, secrets: [] });

    expect(quiet.text()).not.toMatch(/\n\s+at /);
    expect(debug.text()).toMatch(/\n\s+at /);
  });

  it('scrubs the configured secret from a message that quotes it', () => {
    const err = capture();
    const echoed = new NetworkError('server said: bad key sk-live-123', { transient: false });

    reportError({ stdout: capture().stream, stderr: err.stream }, echoed, {
      json: false,
      debug: true,
      secrets: ['sk-live-123'],
    });

    expect(err.text()).not.toContain('sk-live-123');
    expect(err.text()).toContain('bad key [redacted]');
  });
});

describe('errorJson', () => {
  it.each([
    [
      'an SDK error keeps its code',
      new NetworkError('refused', { transient: true }),
      'NETWORK_ERROR',
      'refused',
    ],
    ['an abort reads as an interruption', new AbortedError(), 'ABORTED', 'interrupted'],
    [
      'a commander error is a usage error without its prefix',
      new CommanderError(1, 'commander.unknownOption', "error: unknown option '--x'"),
      'USAGE',
      "unknown option '--x'",
    ],
    ['anything else is unexpected', new Error('boom'), 'UNEXPECTED', 'unexpected error: boom'],
  ])('%s', (_, error, code, message) => {
    expect(errorJson(error, [])).toEqual({ error: { code, message } });
  });
});
