import { asyncScheduler } from 'rxjs';
import type { SchedulerLike } from 'rxjs';
import { InvalidArgumentError } from '../errors';
import type { Transport } from '../http/Transport';
import { silentLogger } from '../logger';
import type { Logger } from '../logger';
import { describeValue } from './describeValue';

/**
 * Checks the `logger` option: an object with a `debug` function, and `warn` a function if given.
 *
 * @internal
 * @param value - The option, `undefined` when absent.
 * @returns The logger, or the silent one when absent.
 * @throws {@link InvalidArgumentError} naming `logger`.
 */
export function resolveLogger(value: unknown): Logger {
  if (value === undefined) return silentLogger;
  const logger = value as Partial<Record<keyof Logger, unknown>> | null;
  const valid =
    typeof logger === 'object' &&
    logger !== null &&
    typeof logger.debug === 'function' &&
    (logger.warn === undefined || typeof logger.warn === 'function');
  if (!valid) {
    throw new InvalidArgumentError(
      'logger',
      `logger must be an object with a debug function (and optionally warn), ` +
        `got ${describeValue(value)}`,
    );
  }
  return value as Logger;
}

/**
 * Checks the `scheduler` option: an RxJS scheduler, which has `now()` and `schedule()`.
 *
 * @internal
 * @param value - The option, `undefined` when absent.
 * @returns The scheduler, or `asyncScheduler` when absent.
 * @throws {@link InvalidArgumentError} naming `scheduler`.
 */
export function resolveScheduler(value: unknown): SchedulerLike {
  if (value === undefined) return asyncScheduler;
  const scheduler = value as Partial<Record<keyof SchedulerLike, unknown>> | null;
  const valid =
    typeof scheduler === 'object' &&
    scheduler !== null &&
    typeof scheduler.now === 'function' &&
    typeof scheduler.schedule === 'function';
  if (!valid) {
    throw new InvalidArgumentError(
      'scheduler',
      `scheduler must be an RxJS scheduler with now() and schedule(), got ${describeValue(value)}`,
    );
  }
  return value as SchedulerLike;
}

/**
 * Checks the `transport` option: a function from request to Observable.
 *
 * @internal
 * @param value - The option, `undefined` when absent.
 * @returns The transport, or `undefined` when absent (the client then builds its axios one).
 * @throws {@link InvalidArgumentError} naming `transport`.
 */
export function resolveTransport(value: unknown): Transport | undefined {
  if (value === undefined || typeof value === 'function') return value as Transport | undefined;
  throw new InvalidArgumentError(
    'transport',
    `transport must be a function, got ${describeValue(value)}`,
  );
}
