import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { FastnAuth } from '../../../lib/promise';
import { startSimulator, type SimulatorHandle } from '../../../lib/simulator';
import { runCli } from '../runCli';

describe('fastn-auth credentials', () => {
  let simulator: SimulatorHandle;
  let env: Record<string, string>;

  beforeAll(async () => {
    simulator = await startSimulator();
    env = {
      FASTN_SPACE_ID: simulator.spaceId,
      FASTN_API_KEY: simulator.apiKey,
      FASTN_BASE_URL: simulator.url,
    };
  });

  afterAll(() => simulator.close());

  async function connectThroughSimulator(connectorId: string, tenantId: string): Promise<void> {
    const client = new FastnAuth({
      spaceId: simulator.spaceId,
      apiKey: simulator.apiKey,
      baseUrl: simulator.url,
    });
    const session = await client.initialize({ connectorId, tenantId });
    simulator.approve(session.id);
  }

  it('prints the redacted credentials of a connector approved in the simulator', async () => {
    await connectThroughSimulator('google-sheets', 'acme');

    const run = await runCli(['credentials', 'google-sheets', '--tenant', 'acme'], { env });

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^connector +google-sheets$/m);
    expect(run.stdout).toMatch(/^accessToken +\S{4}…\[redacted\]$/m);
    expect(run.stdout).not.toContain(simulator.apiKey);
  });

  it('prints one JSON object with --json and the full token with --show-secrets', async () => {
    await connectThroughSimulator('salesforce', 'acme');

    const run = await runCli(
      ['credentials', 'salesforce', '--tenant', 'acme', '--json', '--show-secrets'],
      { env },
    );

    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { credentials: { accessToken: string } };
    expect(result).toMatchObject({ status: 'ACTIVE', connectorId: 'salesforce' });
    expect(result.credentials.accessToken).not.toContain('redacted');
  });

  it('exits 5 when the connector is not connected (404)', async () => {
    const run = await runCli(['credentials', 'never-connected', '--tenant', 'nobody'], { env });

    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(/^fastn-auth: .*\b404\b/m);
  });

  it('exits 5 when the API key is wrong, without printing it', async () => {
    const run = await runCli(['credentials', 'google-sheets', '--tenant', 'acme'], {
      env: { ...env, FASTN_API_KEY: 'wrong-key-not-to-be-printed' },
    });

    expect(run.code).toBe(5);
    expect(run.stdout + run.stderr).not.toContain('wrong-key-not-to-be-printed');
  });

  it('gives up on transient failures by --timeout-ms with exit code 5', async () => {
    simulator.setFaults({ transientErrorRate: 1 });
    const startedAtMs = Date.now();

    try {
      const run = await runCli(['credentials', 'google-sheets', '--timeout-ms', '700'], { env });

      expect(run.code).toBe(5);
      expect(run.stderr).toMatch(/^fastn-auth: .*\b50[0234]\b/m);
      expect(Date.now() - startedAtMs).toBeLessThan(5_000);
    } finally {
      simulator.setFaults({});
    }
  });

  it('exits 2 with the message intact when the key and token are one letter each', async () => {
    const run = await runCli([
      'credentials',
      'google-sheets',
      '--space-id',
      's',
      '--api-key',
      'a',
      '--auth-token',
      'b',
    ]);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe('fastn-auth: give only one of --api-key and --auth-token\n');
  });
});

describe('fastn-auth credentials against a server that echoes the key', () => {
  const apiKey = 'sk_live_echoed_0123456789';
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ message: `invalid key ${request.headers['x-fastn-api-key']}` }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('prints the error with the key redacted, in text and in JSON', async () => {
    const run = await runCli(['credentials', 'google-sheets', '--json'], {
      env: { FASTN_SPACE_ID: 'space', FASTN_API_KEY: apiKey, FASTN_BASE_URL: baseUrl },
    });

    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(/^fastn-auth: .*invalid key \[redacted\]/m);
    expect(JSON.parse(run.stdout)).toMatchObject({
      error: { code: 'NETWORK_ERROR', message: expect.stringContaining('[redacted]') },
    });
    expect(run.stdout + run.stderr).not.toContain(apiKey);
  });
});
