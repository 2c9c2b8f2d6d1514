import type { ResolvedOptions } from '../config/FastnAuthOptions';
import type { NormalizedConnectorParams } from '../config/validate';
import type { HttpRequest } from '../http/Transport';

/** What identifies a started authorization when its status is asked for. */
export interface SessionRef {
  readonly sessionId: string;
  readonly stateKey: string;
  /** The tenant the authorization was started for, sent again as a header. */
  readonly tenantId?: string;
  /** The connection the authorization was started for, sent again as a header. */
  readonly connectionId?: string;
}

/**
 * Builds the request that starts an authorization (`POST {root}/ucl/connectorAuth/initialize`).
 *
 * @internal
 * @param options - The client's resolved options: path, space, credential, stage.
 * @param params - The validated connector parameters.
 * @returns The request, with every header of the contract and `{ input: { connectorId, orgId,
 * tenantId?, connectionId? } }` as its body.
 */
export function initializeRequest(
  options: ResolvedOptions,
  params: NormalizedConnectorParams,
): HttpRequest {
  return {
    path: options.endpoints.initialize,
    headers: headersFor(options, params),
    body: { input: connectorInput(params) },
  };
}

/**
 * Builds the request that asks for an authorization's status
 * (`POST {root}/ucl/connectorAuth/status`).
 *
 * @internal
 * @param options - The client's resolved options.
 * @param session - The session's id and state key, and the tenant and connection it was started
 * for.
 * @returns The request, with `{ input: { sessionId, stateKey } }` as its body.
 */
export function statusRequest(options: ResolvedOptions, session: SessionRef): HttpRequest {
  return {
    path: options.endpoints.status,
    headers: headersFor(options, session),
    body: { input: { sessionId: session.sessionId, stateKey: session.stateKey } },
  };
}

/**
 * Builds the request that reads a connector's credentials (`POST {root}/ucl/connectorAuth`).
 *
 * @internal
 * @param options - The client's resolved options.
 * @param params - The validated connector parameters, and the session id when asked for through
 * a session.
 * @returns The request, with `{ input: { connectorId, orgId, tenantId?, connectionId?,
 * sessionId?, refresh: false } }` as its body.
 */
export function credentialsRequest(
  options: ResolvedOptions,
  params: NormalizedConnectorParams & { sessionId?: string },
): HttpRequest {
  return {
    path: options.endpoints.credentials,
    headers: headersFor(options, params),
    body: {
      input: {
        ...connectorInput(params),
        ...(params.sessionId !== undefined && { sessionId: params.sessionId }),
        // The SDK reads the stored credentials; refreshing them is the connector's business.
        refresh: false,
      },
    },
  };
}

/** The body keys shared by initialize and credentials; absent ids are left out, not nulled. */
function connectorInput(params: NormalizedConnectorParams): Record<string, string> {
  return {
    connectorId: params.connectorId,
    orgId: params.orgId,
    ...(params.tenantId !== undefined && { tenantId: params.tenantId }),
    ...(params.connectionId !== undefined && { connectionId: params.connectionId }),
  };
}

/** The contract's common headers; tenant and connection only when the call has them. */
function headersFor(
  options: ResolvedOptions,
  scope: { readonly tenantId?: string; readonly connectionId?: string },
): Readonly<Record<string, string>> {
  return {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'x-fastn-space-id': options.spaceId,
    ...options.authHeaders(),
    stage: options.stage,
    ...(scope.tenantId !== undefined && { 'x-fastn-space-tenantid': scope.tenantId }),
    ...(scope.connectionId !== undefined && { 'x-fastn-space-connection-id': scope.connectionId }),
  };
}
