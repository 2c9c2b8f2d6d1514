import { EmptyError, Subscription, type Observable } from 'rxjs';

import { abortedError } from './abortedError';

/**
 * Subscribes to an Observable and settles with its first value, cancellable through a signal.
 *
 * - An already-aborted signal rejects at once and never subscribes, so no request is sent.
 * - Aborting while the Observable runs unsubscribes from it (which aborts the HTTP request in
 *   flight) and rejects with an {@link AbortedError}.
 * - The abort listener is removed as soon as the promise settles, so a long-lived signal shared
 *   by many calls collects no listeners.
 * - The returned promise already has a no-op rejection handler on a branch: a promise nobody
 *   awaits never raises `unhandledRejection`, while a caller that awaits still sees the error.
 *
 * @param source - A cold Observable that emits at least one value or errors.
 * @param signal - Cancels the call when aborted.
 * @returns A promise of the first value.
 * @throws Rejects with the Observable's error, with {@link AbortedError} when aborted (its
 *   `cause` is the signal's reason when the caller aborted with an `Error`), or with
 *   RxJS's `EmptyError` if the Observable completes without a value.
 * @internal
 */
export function toPromise<T>(source: Observable<T>, signal?: AbortSignal): Promise<T> {
  const promise = new Promise<T>((resolve, reject) => {
    // Checked before subscribing: an aborted call must not even build its request.
    if (signal?.aborted === true) {
      reject(abortedError(signal));
      return;
    }

    let settled = false;
    // Created before subscribing, so that a source settling synchronously can already close it.
    const subscription = new Subscription();
    const settle = (finish: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      finish();

      // Unsubscribing is what aborts the request in flight and clears any pending timer; a
      // promise carries one value, so nothing after the first one is wanted either.
      subscription.unsubscribe();
    };
    const onAbort = (): void => settle(() => reject(abortedError(signal)));

    // The listener goes on before subscribing so that an abort fired from inside the source's
    // synchronous start is not missed; settle() takes it off again.
    signal?.addEventListener('abort', onAbort);
    // Adding to a closed subscription tears the source down at once: a source that settled
    // during its own subscribe is stopped as well.
    subscription.add(
      source.subscribe({
        next: (value) => settle(() => resolve(value)),
        error: (error: unknown) => settle(() => reject(error)),
        complete: () => settle(() => reject(new EmptyError())),
      }),
    );
  });

  promise.catch(() => undefined);
  return promise;
}
