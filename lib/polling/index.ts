export { poll } from './poll';
export type { PollConfig, PollTimeoutInfo } from './poll';
export { retryWithBackoff } from './retryWithBackoff';
export type { RetryWithBackoffOptions } from './retryWithBackoff';
export { backoffDelayMs } from './backoffDelayMs';
export type { RetryPolicy } from './backoffDelayMs';
