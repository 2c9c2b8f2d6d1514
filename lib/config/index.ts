export { resolveOptions } from './FastnAuthOptions';
export type { EndpointPaths, FastnAuthOptions, ResolvedOptions } from './FastnAuthOptions';
export { validateConnectorParams, validateId, validatePollOptions } from './validate';
export type { NormalizedConnectorParams } from './validate';
