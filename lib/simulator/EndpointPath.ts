/**
 * The API paths the simulator serves, by name, below its base path, exactly as in the contract.
 *
 * @internal
 */
export const ENDPOINTS = {
  initialize: '/ucl/connectorAuth/initialize',
  status: '/ucl/connectorAuth/status',
  credentials: '/ucl/connectorAuth',
} as const;

/** One of the paths the simulator serves, such as `/ucl/connectorAuth/status`. */
export type EndpointPath = (typeof ENDPOINTS)[keyof typeof ENDPOINTS];

/**
 * Every path the simulator serves, below its base path: initialize, status, credentials.
 *
 * They name endpoints in a fault set's `paths` and in the handle's `requestCount(path)`.
 */
export const ENDPOINT_PATHS: readonly EndpointPath[] = Object.freeze(Object.values(ENDPOINTS));

/**
 * Tells whether a value names one of the simulated endpoints.
 *
 * @param value - any value
 * @returns true when it is one of {@link ENDPOINT_PATHS}
 * @internal
 */
export function isEndpointPath(value: unknown): value is EndpointPath {
  return (ENDPOINT_PATHS as readonly unknown[]).includes(value);
}
