import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchemaValidationError,
} from 'fastify';

import { apiError } from './apiError';
import { checkApiHeaders, headerValue } from './checkApiHeaders';
import { ENDPOINTS } from './EndpointPath';
import type { EndpointPath } from './EndpointPath';
import { resolveTarget } from './resolveTarget';
import type { ConnectorInput } from './resolveTarget';
import type { SessionRecord } from './SessionStore';
import type { SimulatorCore } from './SimulatorCore';
import { styleResponse } from './styleResponse';

interface StatusInput {
  readonly sessionId: string;
  readonly stateKey: string;
}

const id = { type: 'string', minLength: 1, maxLength: 512 } as const;
const connectorFields = {
  connectorId: id,
  orgId: { ...id, default: 'community' },
  tenantId: id,
  connectionId: id,
} as const;

/**
 * The API endpoints of the contract, as a fastify plugin to register under the base path.
 *
 * Each request is counted, meets the injected faults, then has its headers checked, its body
 * validated against a JSON schema, and finally its answer shaped in the configured style.
 *
 * @param core - the simulator's state
 * @param consentUrl - the absolute consent page URL for a session
 * @returns the plugin
 * @internal
 */
export function apiRoutes(core: SimulatorCore, consentUrl: (record: SessionRecord) => string) {
  const style = core.options.responseStyle;

  return async function api(app: FastifyInstance): Promise<void> {
    app.setErrorHandler((error: FastifyError, _request, reply) => {
      if (error.validation) {
        return reply.code(400).send(apiError(400, describeValidation(error.validation)));
      }

      // Parser errors (bad JSON, empty or oversized body) are the client's; the rest are ours.
      const statusCode = clientStatus(error.statusCode);
      const message = statusCode === 500 ? 'Internal simulator error' : error.message;
      return reply.code(statusCode).send(apiError(statusCode, message));
    });

    app.post<{ Body: { input: ConnectorInput } }>(
      ENDPOINTS.initialize,
      endpointOptions(core, ENDPOINTS.initialize, ['connectorId'], connectorFields),
      async (request, reply) => {
        const resolved = resolveTarget(request.headers, request.body.input);
        if ('error' in resolved) return reply.code(400).send(resolved.error);

        const record = core.initialize(resolved.target);
        return styleResponse(style, {
          sessionId: record.sessionId,
          stateKey: record.stateKey,
          redirectUrl: consentUrl(record),
          status: 'INACTIVE',
          expiresAt: new Date(record.expiresAtMs).toISOString(),
        });
      },
    );

    app.post<{ Body: { input: StatusInput } }>(
      ENDPOINTS.status,
      endpointOptions(core, ENDPOINTS.status, ['sessionId', 'stateKey'], {
        sessionId: id,
        stateKey: id,
      }),
      async (request, reply) => {
        const { sessionId, stateKey } = request.body.input;
        const record = core.sessions.find(sessionId);

        // Another tenant's session is as unknown as a missing one: no hint that it exists.
        const tenantId = headerValue(request.headers, 'x-fastn-space-tenantid');
        if (record === undefined || (tenantId !== undefined && tenantId !== record.tenantId)) {
          return reply.code(404).send(apiError(404, 'Session not found'));
        }
        if (stateKey !== record.stateKey) {
          return reply.code(403).send(apiError(403, 'State key does not match the session'));
        }

        const { status, errorMessage } = core.sessions.statusOf(record);
        return styleResponse(style, { status, errorMessage: errorMessage ?? null });
      },
    );

    app.post<{ Body: { input: ConnectorInput } }>(
      ENDPOINTS.credentials,
      endpointOptions(core, ENDPOINTS.credentials, ['connectorId'], {
        ...connectorFields,
        sessionId: id,
        refresh: { type: 'boolean' },
      }),
      async (request, reply) => {
        const resolved = resolveTarget(request.headers, request.body.input);
        if ('error' in resolved) return reply.code(400).send(resolved.error);

        const stored = core.credentials.find(resolved.target);
        if (stored === undefined) {
          return reply.code(404).send(apiError(404, 'Connector not connected'));
        }

        const remainingMs = stored.expiresAtMs - core.options.now();
        return styleResponse(style, {
          auth: {
            access_token: stored.accessToken,
            refresh_token: stored.refreshToken,
            token_type: 'Bearer',
            expires_in: Math.ceil(remainingMs / 1000),
            scope: stored.scope,
          },
        });
      },
    );
  };
}

/** The route options of one endpoint: its body schema and its fault and header hooks. */
function endpointOptions(
  core: SimulatorCore,
  path: EndpointPath,
  required: readonly string[],
  properties: Record<string, unknown>,
) {
  return {
    schema: {
      body: {
        type: 'object',
        required: ['input'],
        properties: { input: { type: 'object', required, properties } },
      },
    },
    onRequest: (request: FastifyRequest, reply: FastifyReply) => admit(core, path, request, reply),
    onSend: async (request: FastifyRequest, reply: FastifyReply, payload: unknown) =>
      corrupt(core, path, request, reply, payload),
  };
}

/** Counts the request, applies the faults, and checks the headers, answering early if need be. */
async function admit(
  core: SimulatorCore,
  path: EndpointPath,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply | undefined> {
  core.count(path);

  if (core.faults.appliesTo(path)) {
    // A close() during the wait cancels it; the connection is being destroyed, so give it up.
    const latencyMs = core.faults.latencyMs();
    if (latencyMs > 0 && !(await core.timers.delay(latencyMs))) return reply.hijack();

    const fault = core.faults.decide();
    if (fault.kind === 'drop') {
      core.options.logger(`${request.method} ${request.url} dropped (fault)`);
      reply.hijack();
      request.raw.socket.destroy();
      return reply;
    }
    if (fault.kind === 'rateLimit') {
      reply.header('retry-after', String(fault.retryAfterSeconds));
      return reply.code(429).send(apiError(429, 'Too many requests (simulated)'));
    }
    if (fault.kind === 'transient') {
      return reply
        .code(fault.statusCode)
        .send(apiError(fault.statusCode, 'Simulated transient failure'));
    }
  }

  const denied = checkApiHeaders(request.headers, core.options);
  if (denied !== undefined) return reply.code(denied.statusCode).send(denied);
  return undefined;
}

/** Cuts a 200 answer's body in half when the malformed-body fault strikes. */
function corrupt(
  core: SimulatorCore,
  path: EndpointPath,
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): unknown {
  const strikes =
    reply.statusCode === 200 &&
    typeof payload === 'string' &&
    core.faults.appliesTo(path) &&
    core.faults.corruptsBody();
  if (!strikes) return payload;

  core.options.logger(`${request.method} ${request.url} body cut short (fault)`);
  return payload.slice(0, Math.floor(payload.length / 2));
}

function clientStatus(statusCode: number | undefined): number {
  return statusCode !== undefined && statusCode >= 400 && statusCode < 500 ? statusCode : 500;
}

/** Turns the first schema failure into a message naming the field: `input.x is required`. */
function describeValidation(errors: readonly FastifySchemaValidationError[]): string {
  const [first] = errors;
  if (first === undefined) return 'Invalid request body';

  const path = first.instancePath.split('/').filter(Boolean).join('.');
  if (first.keyword === 'required') {
    return `${path === '' ? '' : `${path}.`}${String(first.params.missingProperty)} is required`;
  }
  return `${path === '' ? 'body' : path} ${first.message ?? 'is invalid'}`;
}
