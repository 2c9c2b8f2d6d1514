/**
 * fastn-auth/promise: the same client with Promise-returning methods, for scripts and back ends.
 * Every method takes an optional `signal` (`AbortSignal`).
 *
 * @packageDocumentation
 */
export { FastnAuth } from './FastnAuth';
export { AuthSession } from './AuthSession';
export type { WaitOptions } from './AuthSession';
export type { SignalOption } from './withSignal';
export type { SessionState } from '../session/SessionState';

export {
  AbortedError,
  AuthenticationError,
  FastnAuthError,
  InvalidArgumentError,
  InvalidResponseError,
  NetworkError,
  TimeoutError,
  isAbortedError,
  isAuthenticationError,
  isFastnAuthError,
  isInvalidArgumentError,
  isInvalidResponseError,
  isNetworkError,
  isTimeoutError,
} from '../errors';
export type { FastnAuthErrorCode, NetworkErrorInfo, TimeoutInfo } from '../errors';

export type {
  AuthResult,
  AuthStatus,
  ConnectorParams,
  Credentials,
  PollOptions,
  StatusResponse,
} from '../types';
export type { EndpointPaths, FastnAuthOptions } from '../config/FastnAuthOptions';
export type { Logger } from '../logger';
export type { HttpRequest, Transport } from '../http/Transport';
