/** A place taken in a {@link ConcurrencyLimit}, running or still waiting. */
export interface ConcurrencySlot {
  /** Gives the place back (or leaves the queue); calling it again does nothing. */
  release(): void;
}

/**
 * @internal Runs a task at once while fewer than the limit are running, or queues it until one
 * releases its slot. Tasks start in arrival order.
 */
export type ConcurrencyLimit = (start: () => void) => ConcurrencySlot;

/**
 * @internal Creates a {@link ConcurrencyLimit}: at most `maxRunning` tasks hold a slot at once.
 *
 * The transport puts its requests through one, so that thousands of sessions polling through one
 * client open a bounded number of connections instead of one each at the same instant (which
 * overflows the server's accept queue and ends in resets and timeouts).
 *
 * @param maxRunning - How many tasks may run at once; at least 1.
 * @returns The limit; each call takes a slot for one task and returns it.
 *
 * @example
 * ```ts
 * const limit = createConcurrencyLimit(2);
 * const slot = limit(() => send());
 * // ... when the answer has arrived, or the caller gave up:
 * slot.release();
 * ```
 */
export function createConcurrencyLimit(maxRunning: number): ConcurrencyLimit {
  let running = 0;
  // A Set keeps arrival order and lets a waiting task leave in O(1) when its caller gives up.
  const waiting = new Set<() => void>();

  const startNext = (): void => {
    const next = waiting.values().next();
    if (next.done === true) return;
    waiting.delete(next.value);
    next.value();
  };

  return (start) => {
    let state: 'waiting' | 'running' | 'released' = 'waiting';
    const run = (): void => {
      state = 'running';
      running += 1;
      start();
    };

    if (running < maxRunning) run();
    else waiting.add(run);

    return {
      release: () => {
        if (state === 'waiting') waiting.delete(run);
        if (state === 'running') {
          // The freed slot goes to the longest-waiting task.
          running -= 1;
          startNext();
        }
        state = 'released';
      },
    };
  };
}
