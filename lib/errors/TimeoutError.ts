import { FastnAuthError, guardFor } from './FastnAuthError';
import type { StatusResponse } from '../types';

/** What a {@link TimeoutError} knows about the wait it ended. */
export interface TimeoutInfo {
  /** How many status requests were sent, retries included. */
  readonly attempts: number;
  /** How long the wait ran, in milliseconds. */
  readonly elapsedMs: number;
  /** The wait's budget, in milliseconds. */
  readonly timeoutMs: number;
  /** The last status the server reported, if any. */
  readonly lastStatus?: StatusResponse;
}

/**
 * The wait reached its deadline before the connector became `ACTIVE` or `FAILED`.
 *
 * When the server could not be reached at all near the end, `cause` is the last
 * {@link NetworkError} seen.
 */
export class TimeoutError extends FastnAuthError {
  override readonly name = 'TimeoutError';
  readonly attempts: number;
  readonly elapsedMs: number;
  readonly timeoutMs: number;
  readonly lastStatus?: StatusResponse;

  constructor(info: TimeoutInfo, options?: { cause?: unknown }) {
    super(
      'TIMEOUT',
      `Authorization did not complete within ${info.timeoutMs} ms ` +
        `(${info.attempts} status requests, last status ${info.lastStatus?.status ?? 'none'})`,
      options,
    );
    this.attempts = info.attempts;
    this.elapsedMs = info.elapsedMs;
    this.timeoutMs = info.timeoutMs;
    if (info.lastStatus !== undefined) this.lastStatus = info.lastStatus;
  }

  protected override details(): Record<string, unknown> {
    return {
      attempts: this.attempts,
      elapsedMs: this.elapsedMs,
      timeoutMs: this.timeoutMs,
      lastStatus: this.lastStatus,
    };
  }
}

/** Tells whether a value is a {@link TimeoutError} (matched by code). */
export const isTimeoutError = guardFor<TimeoutError>('TIMEOUT');
