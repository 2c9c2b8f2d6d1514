import type { EndpointPaths } from '../config/FastnAuthOptions';

/**
 * The paths of the three calls of the connector-auth contract, below the API root.
 *
 * Only the credentials path is published by Fastn; the other two follow its conventions. Each
 * can therefore be overridden through the client's `endpoints` option.
 */
export const DEFAULT_ENDPOINTS: EndpointPaths = Object.freeze({
  initialize: '/ucl/connectorAuth/initialize',
  status: '/ucl/connectorAuth/status',
  credentials: '/ucl/connectorAuth',
});
