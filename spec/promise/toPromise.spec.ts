import { getEventListeners } from 'node:events';
import { EmptyError, NEVER, Observable, Subject, of, throwError } from 'rxjs';

import { AbortedError, NetworkError } from '../../lib/errors';
import { toPromise } from '../../lib/promise/toPromise';

/** A source that counts its subscriptions and records when its teardown runs. */
function trackedSource<T>(inner: Observable<T>) {
  const counts = { subscribed: 0, tornDown: 0 };
  const source = new Observable<T>((subscriber) => {
    counts.subscribed += 1;
    const subscription = inner.subscribe(subscriber);
    return () => {
      counts.tornDown += 1;
      subscription.unsubscribe();
    };
  });
  return { source, counts };
}

/** Lets every queued job and microtask run, so a pending rejection would be reported. */
function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('toPromise', () => {
  it('resolves with the first value and unsubscribes the source', async () => {
    const values = new Subject<number>();
    const { source, counts } = trackedSource(values);

    const promise = toPromise(source);
    values.next(1);
    values.next(2);

    await expect(promise).resolves.toBe(1);
    expect(counts).toEqual({ subscribed: 1, tornDown: 1 });
  });

  it('resolves with a value emitted synchronously on subscribe', async () => {
    await expect(toPromise(of('now', 'later'))).resolves.toBe('now');
  });

  it("rejects with the source's error", async () => {
    const error = new NetworkError('down', { transient: false, statusCode: 401 });

    await expect(toPromise(throwError(() => error))).rejects.toBe(error);
  });

  it('rejects with EmptyError when the source completes without a value', async () => {
    await expect(toPromise(of())).rejects.toBeInstanceOf(EmptyError);
  });

  it('rejects with AbortedError and never subscribes when already aborted', async () => {
    const { source, counts } = trackedSource(of(1));
    const controller = new AbortController();
    controller.abort();

    await expect(toPromise(source, controller.signal)).rejects.toBeInstanceOf(AbortedError);
    expect(counts.subscribed).toBe(0);
  });

  it('unsubscribes the source and rejects with AbortedError when aborted mid-flight', async () => {
    const { source, counts } = trackedSource(NEVER);
    const controller = new AbortController();

    const promise = toPromise(source, controller.signal);
    expect(counts).toEqual({ subscribed: 1, tornDown: 0 });
    controller.abort();

    await expect(promise).rejects.toMatchObject({ code: 'ABORTED' });
    expect(counts.tornDown).toBe(1);
  });

  describe("the abort's reason", () => {
    async function abortedWith(abort: (controller: AbortController) => void, early: boolean) {
      const controller = new AbortController();
      if (early) abort(controller);
      const promise = toPromise(NEVER, controller.signal);
      if (!early) abort(controller);
      return promise.catch((error: unknown) => error as AbortedError);
    }

    it.each([
      ['before the call', true],
      ['during the call', false],
    ])('is the cause when it is an Error the caller built (%s)', async (_when, early) => {
      const why = new Error('user closed the dialog');

      const error = await abortedWith((controller) => controller.abort(why), early);

      expect(error).toBeInstanceOf(AbortedError);
      expect(error.cause).toBe(why);
      expect(error.toJSON()).toMatchObject({
        code: 'ABORTED',
        cause: { name: 'Error', message: 'user closed the dialog' },
      });
    });

    it.each([
      ['no reason (the default AbortError)', (c: AbortController) => c.abort()],
      ['a string', (c: AbortController) => c.abort('sk_live_not_an_error')],
      ['an object', (c: AbortController) => c.abort({ apiKey: 'sk_live_not_an_error' })],
    ])('is left out when it is %s', async (_kind, abort) => {
      for (const early of [true, false]) {
        const error = await abortedWith(abort, early);

        expect(error).toBeInstanceOf(AbortedError);
        expect(error.cause).toBeUndefined();
        expect('cause' in error).toBe(false);
        expect(JSON.stringify(error)).not.toContain('sk_live');
      }
    });
  });

  it('ignores an abort that comes after the promise settled', async () => {
    const controller = new AbortController();
    const promise = toPromise(of('done'), controller.signal);
    controller.abort();

    await expect(promise).resolves.toBe('done');
  });

  it.each([
    ['resolves', of(1)],
    ['rejects', throwError(() => new Error('boom'))],
  ])('removes its abort listener when the promise %s', async (_how, source) => {
    const controller = new AbortController();

    await toPromise(source as Observable<unknown>, controller.signal).catch(() => undefined);

    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('removes its abort listener when the call is aborted', async () => {
    const controller = new AbortController();
    const promise = toPromise(NEVER, controller.signal);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);

    controller.abort();
    await promise.catch(() => undefined);

    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('leaves no listener on a signal shared by many calls', async () => {
    const controller = new AbortController();

    for (let call = 0; call < 20; call += 1) {
      await toPromise(of(call), controller.signal);
    }

    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('causes no unhandledRejection when nobody awaits a rejected promise', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);

    try {
      void toPromise(throwError(() => new Error('nobody listens')));
      const controller = new AbortController();
      controller.abort();
      void toPromise(of(1), controller.signal);
      await nextMacrotask();
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }

    expect(unhandled).toEqual([]);
  });
});
