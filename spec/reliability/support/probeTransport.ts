import {
  asyncScheduler,
  Observable,
  type SchedulerAction,
  type SchedulerLike,
  type Subscriber,
  type Subscription,
} from 'rxjs';

import type { HttpRequest, Transport } from '../../../lib/http/Transport';

/**
 * A transport that costs nothing per request yet holds what a real one holds while a request is
 * in flight: an abort listener on a signal of its own, which only the teardown removes. A
 * subscription the SDK forgot to tear down therefore stays visible as a listener
 * (`getEventListeners`) and in the counts below.
 *
 * It holds no timer of its own on purpose: under jest's `--detectOpenHandles` every timer
 * created costs a captured, source-mapped stack (about 2 ms), and the timers worth counting are
 * the SDK's own (poll interval, deadline, backoff), which run on the real `asyncScheduler`.
 */
export interface ProbeTransport {
  readonly transport: Transport;
  /** Requests subscribed so far. */
  readonly subscribed: () => number;
  /** Requests torn down so far (unsubscribed, or ended by their own answer or error). */
  readonly tornDown: () => number;
  /** The signal of every request, to check that none keeps a listener. */
  readonly signals: readonly AbortSignal[];
}

/**
 * Builds a {@link ProbeTransport}.
 *
 * @param answer - What each request does once its resources are held: nothing (it hangs), an
 *   answer, or an error; called synchronously inside the subscription.
 * @returns The transport and its counters.
 */
export function probeTransport(
  answer: (subscriber: Subscriber<unknown>, request: HttpRequest) => void = () => undefined,
): ProbeTransport {
  let subscribed = 0;
  let tornDown = 0;
  const signals: AbortSignal[] = [];

  const transport: Transport = (request) =>
    new Observable<unknown>((subscriber) => {
      // What a real request holds: its abort wiring, freed only by the teardown.
      subscribed += 1;
      const controller = new AbortController();
      const onAbort = (): void => undefined;
      controller.signal.addEventListener('abort', onAbort);
      signals.push(controller.signal);

      answer(subscriber, request);

      return () => {
        tornDown += 1;
        controller.signal.removeEventListener('abort', onAbort);
        controller.abort();
      };
    });

  return { transport, subscribed: () => subscribed, tornDown: () => tornDown, signals };
}

/** An `asyncScheduler` that also tells how many of the timers it armed are still armed. */
export interface CountingScheduler extends SchedulerLike {
  /** Timers armed through this scheduler and neither fired nor cleared. */
  readonly armed: () => number;
}

/**
 * Wraps the real `asyncScheduler`, so the SDK's timers are real `setInterval`s, and keeps every
 * action it scheduled. An action's timer is armed while it holds an interval id: rxjs clears the
 * id when the action runs without rescheduling and when it is unsubscribed. Counting here, rather
 * than all of the process's `Timeout`s, keeps out the test runner's own timers (jest's reporter
 * debounces with one), which come and go at any moment.
 *
 * @returns The scheduler to hand the client as its `scheduler` option.
 */
export function countingScheduler(): CountingScheduler {
  const actions = new Set<Subscription & { id?: unknown }>();

  return {
    now: () => asyncScheduler.now(),
    schedule<T>(
      work: (this: SchedulerAction<T>, state?: T) => void,
      delay?: number,
      state?: T,
    ): Subscription {
      const action = asyncScheduler.schedule(work, delay, state) as Subscription & {
        id?: unknown;
      };
      actions.add(action);
      action.add(() => actions.delete(action));
      return action;
    },
    armed: () => [...actions].filter((action) => !action.closed && action.id != null).length,
  };
}
