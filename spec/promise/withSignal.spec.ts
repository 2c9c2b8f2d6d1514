import { of, type Observable } from 'rxjs';

import { InvalidArgumentError } from '../../lib/errors';
import { withSignal } from '../../lib/promise/withSignal';

describe('withSignal', () => {
  it('hands the options without signal to the builder and resolves with its value', async () => {
    const build = jest.fn((rest: Record<string, unknown>): Observable<unknown> => of(rest));
    const { signal } = new AbortController();

    await expect(withSignal('wait', { timeoutMs: 5, signal }, build)).resolves.toEqual({
      timeoutMs: 5,
    });
  });

  it('hands an empty object to the builder when no options are given', async () => {
    await expect(withSignal('wait', undefined, (rest) => of(rest))).resolves.toEqual({});
  });

  it.each([
    ['options', null],
    ['options', 'fast'],
    ['options', []],
    ['signal', { signal: 'stop' }],
    ['signal', { signal: { aborted: false } }],
  ])(
    'rejects with an InvalidArgumentError naming %s for %p, without building',
    async (field, options) => {
      const build = jest.fn(() => of(1));

      const outcome = withSignal('wait', options, build);

      await expect(outcome).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(outcome).rejects.toMatchObject({ field });
      expect(build).not.toHaveBeenCalled();
    },
  );

  it('accepts a signal from another realm that has the AbortSignal shape', async () => {
    const foreign = {
      aborted: true,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    };

    await expect(withSignal('wait', { signal: foreign }, () => of(1))).rejects.toMatchObject({
      code: 'ABORTED',
    });
  });

  it('does not throw synchronously, even for bad options', () => {
    expect(() => withSignal('wait', null, () => of(1))).not.toThrow();
  });
});
