import type { IncomingHttpHeaders } from 'node:http';

import { apiError } from './apiError';
import type { ApiErrorBody } from './apiError';
import { headerValue } from './checkApiHeaders';
import type { ConnectorTarget } from './SessionStore';

/** The connector fields of an initialize or credentials request body. @internal */
export interface ConnectorInput {
  readonly connectorId: string;
  readonly orgId: string;
  readonly tenantId?: string;
  readonly connectionId?: string;
}

/**
 * Works out which connector, tenant and connection a request is about.
 *
 * The tenant and connection may come from their headers or from the body; when both are given
 * they must agree, so a client that mixes up two tenants is told rather than served.
 *
 * @param headers - the request's headers
 * @param input - the request body's validated `input`
 * @returns the target, or the 400 error to answer with
 * @internal
 */
export function resolveTarget(
  headers: IncomingHttpHeaders,
  input: ConnectorInput,
): { target: ConnectorTarget } | { error: ApiErrorBody } {
  const tenantId = pick(headerValue(headers, 'x-fastn-space-tenantid'), input.tenantId);
  if (tenantId === CONFLICT) {
    return { error: apiError(400, 'x-fastn-space-tenantid and input.tenantId differ') };
  }

  const connectionId = pick(
    headerValue(headers, 'x-fastn-space-connection-id'),
    input.connectionId,
  );
  if (connectionId === CONFLICT) {
    return { error: apiError(400, 'x-fastn-space-connection-id and input.connectionId differ') };
  }

  return {
    target: {
      connectorId: input.connectorId,
      orgId: input.orgId,
      ...(tenantId !== undefined && { tenantId }),
      ...(connectionId !== undefined && { connectionId }),
    },
  };
}

const CONFLICT = Symbol('conflict');

function pick(fromHeader?: string, fromBody?: string): string | undefined | typeof CONFLICT {
  if (fromHeader !== undefined && fromBody !== undefined && fromHeader !== fromBody) {
    return CONFLICT;
  }
  return fromHeader ?? fromBody;
}
