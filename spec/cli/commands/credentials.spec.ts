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
    expect(run.stdout).toMatch(/^accessToken +\S{4}…\(redacted\)$/m);
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
});
