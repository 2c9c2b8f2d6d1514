import type { IncomingHttpHeaders } from 'node:http';

import { apiError } from './apiError';
import type { ApiErrorBody } from './apiError';
import type { ResolvedSimulatorOptions } from './SimulatorOptions';

/**
 * Checks the headers every API request must carry, in the order a gateway would: space, then
 * credentials, then stage, then content type.
 *
 * Each credential that is present must be valid, so a client that sends a stale API key beside a
 * good token hears about it. Messages never repeat a credential.
 *
 * @param headers - the request's headers
 * @param options - the simulator's space and credentials
 * @returns the error to answer with, or `undefined` when the request may go on
 * @internal
 */
export function checkApiHeaders(
  headers: IncomingHttpHeaders,
  options: Pick<ResolvedSimulatorOptions, 'spaceId' | 'apiKey' | 'authToken'>,
): ApiErrorBody | undefined {
  const spaceId = headerValue(headers, 'x-fastn-space-id');
  if (spaceId === undefined) return apiError(401, 'Missing x-fastn-space-id header');
  if (spaceId !== options.spaceId) return apiError(401, 'Unknown space in x-fastn-space-id');

  const apiKey = headerValue(headers, 'x-fastn-api-key');
  const authorization = headerValue(headers, 'authorization');
  if (apiKey === undefined && authorization === undefined) {
    return apiError(401, 'Missing x-fastn-api-key or Authorization header');
  }
  const token = /^Bearer +(\S+)$/i.exec(authorization ?? '')?.[1];
  const keyValid = apiKey === undefined || apiKey === options.apiKey;
  const tokenValid = authorization === undefined || token === options.authToken;
  if (!keyValid || !tokenValid) return apiError(401, 'Invalid API key or bearer token');

  const stage = headerValue(headers, 'stage');
  if (stage !== undefined && stage !== 'LIVE' && stage !== 'DRAFT') {
    return apiError(400, 'The stage header must be LIVE or DRAFT');
  }

  const mediaType = headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return apiError(415, 'Content-Type must be application/json');
  }
  return undefined;
}

/**
 * A header's value, trimmed, with a blank one read as absent.
 *
 * @param headers - the request's headers
 * @param name - the header's name, lower case
 * @returns the value, or `undefined`
 * @internal
 */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const raw = headers[name];
  const value = (Array.isArray(raw) ? raw.join(', ') : raw)?.trim();
  return value === '' ? undefined : value;
}
