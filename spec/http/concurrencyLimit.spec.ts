import { createConcurrencyLimit } from '../../lib/http/concurrencyLimit';

describe('createConcurrencyLimit', () => {
  it('starts tasks at once up to the limit and queues the rest in arrival order', () => {
    const limit = createConcurrencyLimit(2);
    const started: string[] = [];

    const a = limit(() => started.push('a'));
    limit(() => started.push('b'));
    limit(() => started.push('c'));
    limit(() => started.push('d'));
    expect(started).toEqual(['a', 'b']);

    a.release();
    expect(started).toEqual(['a', 'b', 'c']);
  });

  it('never starts a waiting task that was released, and gives its turn to the next', () => {
    const limit = createConcurrencyLimit(1);
    const started: string[] = [];

    const a = limit(() => started.push('a'));
    const b = limit(() => started.push('b'));
    limit(() => started.push('c'));
    b.release();
    a.release();

    expect(started).toEqual(['a', 'c']);
  });

  it('frees one slot per running task however often it is released', () => {
    const limit = createConcurrencyLimit(1);
    const started: string[] = [];

    const a = limit(() => started.push('a'));
    limit(() => started.push('b'));
    limit(() => started.push('c'));
    a.release();
    a.release();

    expect(started).toEqual(['a', 'b']);
  });
});
