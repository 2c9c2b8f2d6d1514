/**
 * The timer functions the simulator schedules with: latency delays and automatic approvals.
 *
 * Inject your own to drive them from a test without real waiting; the handle's `close()` clears
 * every timer still pending through `clearTimeout`.
 *
 * @example
 * ```ts
 * const pending: Array<() => void> = [];
 * const timers: SimulatorTimers = {
 *   setTimeout: (callback) => pending.push(callback),
 *   clearTimeout: () => undefined,
 * };
 * ```
 */
export interface SimulatorTimers {
  /** Calls `callback` once, after `delayMs`; returns a handle for `clearTimeout`. */
  setTimeout(callback: () => void, delayMs: number): unknown;
  /** Cancels a timer that has not fired. */
  clearTimeout(handle: unknown): void;
}

/** The global timers, bound so they can be called detached. */
export const globalTimers: SimulatorTimers = {
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface PendingTimer {
  handle: unknown;
  readonly onCancel: () => void;
}

/**
 * Every timer the simulator has pending, so closing it leaves none behind.
 *
 * @internal
 */
export class TimerSet {
  private readonly pending = new Set<PendingTimer>();
  private closed = false;

  constructor(private readonly timers: SimulatorTimers) {}

  /**
   * Calls `callback` after `delayMs`, unless the set is cancelled first.
   *
   * @returns a function that cancels this timer
   */
  schedule(callback: () => void, delayMs: number): () => void {
    return this.start(delayMs, callback, () => undefined);
  }

  /**
   * Waits `delayMs`.
   *
   * @returns a promise of `true` once the delay has passed, or `false` when the set was cancelled
   *   first: the caller then drops what it was about to do
   */
  delay(delayMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      this.start(
        delayMs,
        () => resolve(true),
        () => resolve(false),
      );
    });
  }

  /** Clears every pending timer and refuses new ones: the simulator is closing. */
  cancelAll(): void {
    this.closed = true;

    // Settle each waiter as cancelled, so no promise is left hanging on a dead server.
    for (const timer of this.pending) {
      this.timers.clearTimeout(timer.handle);
      timer.onCancel();
    }
    this.pending.clear();
  }

  private start(delayMs: number, onFire: () => void, onCancel: () => void): () => void {
    if (this.closed) {
      onCancel();
      return () => undefined;
    }

    // The entry exists before the timer, so even a timer that fires at once can remove it.
    const entry: PendingTimer = { handle: undefined, onCancel };
    let fired = false;
    entry.handle = this.timers.setTimeout(() => {
      fired = true;
      this.pending.delete(entry);
      onFire();
    }, delayMs);
    if (!fired) this.pending.add(entry);

    return () => {
      if (this.pending.delete(entry)) this.timers.clearTimeout(entry.handle);
    };
  }
}
