import type { AddressInfo } from 'node:net';

import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';

import { apiError } from './apiError';
import { apiRoutes } from './apiRoutes';
import { consentRoutes } from './consentRoutes';
import type { FaultOptions } from './FaultOptions';
import type { SessionSnapshot } from './SessionStore';
import { SimulatorCore } from './SimulatorCore';
import type { SimulatorHandle } from './SimulatorHandle';
import { resolveSimulatorOptions } from './SimulatorOptions';
import type { SimulatorOptions } from './SimulatorOptions';

/**
 * Starts a local Fastn connector-auth API on 127.0.0.1, with a consent page and fault injection.
 *
 * It serves the SDK's wire contract (initialize, status, credentials) from memory, so a test, a
 * demo or the CLI's local mode runs the whole authorization flow with no network and no account.
 * Sessions are approved through the consent page, the handle, or automatically after
 * `approveAfterMs`.
 *
 * @param options - how to run it; every field has a default
 * @returns a promise of the running simulator's handle
 * @throws TypeError (as a rejection) naming a bad option, before anything listens; or the
 *   listen error, such as `EADDRINUSE`, with nothing left open
 * @example
 * ```ts
 * const sim = await startSimulator({ approveAfterMs: 100 });
 * const client = new FastnAuth({ spaceId: sim.spaceId, apiKey: sim.apiKey, baseUrl: sim.url });
 * // ... run the flow, then:
 * await sim.close();
 * ```
 */
export async function startSimulator(options?: SimulatorOptions): Promise<SimulatorHandle> {
  const resolved = resolveSimulatorOptions(options);
  const core = new SimulatorCore(resolved);
  const app = Fastify({
    logger: false,
    // close() must not wait for keep-alive clients or requests held by the latency fault.
    forceCloseConnections: true,
    // The contract's ids are strings: a number where a string belongs is a client bug to report.
    ajv: { customOptions: { coerceTypes: false } },
  });

  // The consent URL needs the port, known only once the server listens.
  let origin = '';
  const consentUrl = (record: { sessionId: string; stateKey: string }) =>
    `${origin}/consent/${encodeURIComponent(record.sessionId)}` +
    `?state=${encodeURIComponent(record.stateKey)}`;

  app.addHook('onResponse', async (request, reply) => {
    const elapsedMs = Math.round(reply.elapsedTime);
    resolved.logger(`${request.method} ${pathOf(request.url)} ${reply.statusCode} ${elapsedMs}ms`);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(apiError(404, `No route ${request.method} ${pathOf(request.url)}`)),
  );
  await app.register(apiRoutes(core, consentUrl), { prefix: resolved.basePath });
  await app.register(consentRoutes(core), { prefix: '/consent' });

  try {
    await app.listen({ host: '127.0.0.1', port: resolved.port });
  } catch (error) {
    // A failed listen (port taken) must not leave the instance's resources behind.
    await app.close();
    throw error;
  }

  const { port } = app.server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return new RunningSimulator(app, core, `${origin}${resolved.basePath}`, port);
}

/** The handle's implementation; its secrets sit in private fields, out of `util.inspect`. */
class RunningSimulator implements SimulatorHandle {
  readonly #app: FastifyInstance;
  readonly #core: SimulatorCore;
  #closing?: Promise<void>;

  constructor(
    app: FastifyInstance,
    core: SimulatorCore,
    readonly url: string,
    readonly port: number,
  ) {
    this.#app = app;
    this.#core = core;
  }

  get spaceId(): string {
    return this.#core.options.spaceId;
  }

  get apiKey(): string {
    return this.#core.options.apiKey;
  }

  get authToken(): string {
    return this.#core.options.authToken;
  }

  approve(sessionId: string): void {
    this.#core.approve(sessionId);
  }

  deny(sessionId: string, message?: string): void {
    this.#core.deny(sessionId, message);
  }

  session(sessionId: string): SessionSnapshot | undefined {
    return this.#core.snapshot(sessionId);
  }

  sessions(): SessionSnapshot[] {
    return this.#core.sessions.list().map((record) => this.#core.sessions.snapshot(record));
  }

  requestCount(path?: string): number {
    return this.#core.requestCount(path);
  }

  setFaults(faults: FaultOptions): void {
    this.#core.faults.update(faults);
  }

  close(): Promise<void> {
    // Timers first: a request held by the latency fault gives up instead of answering late.
    this.#closing ??= (async () => {
      this.#core.timers.cancelAll();
      await this.#app.close();
    })();
    return this.#closing;
  }

  toJSON(): Record<string, unknown> {
    return { url: this.url, port: this.port, spaceId: this.spaceId };
  }
}

function pathOf(url: string): string {
  return url.split('?')[0] ?? url;
}
