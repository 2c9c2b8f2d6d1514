/** What {@link watchUnhandledRejections} collected, and how to stop collecting. */
export interface RejectionWatch {
  /** Every reason reported to `process` as an unhandled rejection since the watch began. */
  readonly reasons: readonly unknown[];
  /** Removes the listener. */
  stop(): void;
}

/**
 * Records the unhandled promise rejections of the process while a test runs.
 *
 * A reliability run settles hundreds of requests, retries and aborts: one promise that rejects
 * with nobody listening would go unnoticed without this.
 *
 * @returns The live list of reasons and a `stop` to call in `afterEach`/`afterAll`.
 */
export function watchUnhandledRejections(): RejectionWatch {
  const reasons: unknown[] = [];
  const listener = (reason: unknown) => {
    reasons.push(reason);
  };

  process.on('unhandledRejection', listener);
  return { reasons, stop: () => process.off('unhandledRejection', listener) };
}
