import { CommanderError, InvalidArgumentError as CommanderArgumentError } from 'commander';

import { ExitCode, exitCodeFor } from '../../lib/cli/exitCodes';
import {
  AbortedError,
  AuthenticationError,
  InvalidArgumentError,
  InvalidResponseError,
  NetworkError,
  TimeoutError,
} from '../../lib/errors';

describe('exitCodeFor', () => {
  it.each([
    ['an InvalidArgumentError', new InvalidArgumentError('spaceId', 'missing'), 2],
    ['an AuthenticationError', new AuthenticationError('denied'), 3],
    ['a TimeoutError', new TimeoutError({ attempts: 3, elapsedMs: 1500, timeoutMs: 1500 }), 4],
    ['a NetworkError', new NetworkError('refused', { transient: true }), 5],
    ['an InvalidResponseError', new InvalidResponseError('bad status', 'status'), 6],
    ['an AbortedError', new AbortedError(), 130],
    ['a plain Error', new Error('boom'), 1],
    ['a thrown string', 'boom', 1],
  ])('maps %s to exit code %i', (_, error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });

  it('maps a commander parse error to the usage code', () => {
    const unknownOption = new CommanderError(1, 'commander.unknownOption', "unknown option '--x'");

    expect(exitCodeFor(unknownOption)).toBe(ExitCode.USAGE);
    expect(exitCodeFor(new CommanderArgumentError('expected a number'))).toBe(ExitCode.USAGE);
  });

  it('maps the exit commander takes after --help or --version to success', () => {
    const help = new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)');

    expect(exitCodeFor(help)).toBe(ExitCode.SUCCESS);
  });

  it('recognises SDK errors by their code, as from another copy of the package', () => {
    const foreign = Object.assign(new Error('late'), { code: 'TIMEOUT', toJSON: () => ({}) });

    expect(exitCodeFor(foreign)).toBe(ExitCode.TIMEOUT);
  });
});
