export { DEFAULT_ENDPOINTS } from './endpoints';
export { credentialsRequest, initializeRequest, statusRequest } from './requests';
export type { SessionRef } from './requests';
export { credentialsResponse, initializeResponse, statusResponse } from './codecs';
export type { InitializeResult } from './codecs';
export { decodeBody } from './decode';
