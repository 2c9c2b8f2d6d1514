/**
 * fastn-auth: start a Fastn connector authorization, watch its status, read the credentials.
 * RxJS-first; the Promise flavour lives in `fastn-auth/promise`.
 *
 * @packageDocumentation
 */
export { FastnAuth } from './client/FastnAuth';
export { AuthSession } from './session/AuthSession';
export type { SessionState } from './session/SessionState';

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
} from './errors';
export type { FastnAuthErrorCode, NetworkErrorInfo, TimeoutInfo } from './errors';

export type {
  AuthResult,
  AuthStatus,
  ConnectorParams,
  Credentials,
  PollOptions,
  StatusResponse,
} from './types';
export type { EndpointPaths, FastnAuthOptions } from './config/FastnAuthOptions';
export { DEFAULT_ENDPOINTS } from './wire/endpoints';
export type { Logger } from './logger';
export type { HttpRequest, Transport } from './http/Transport';
