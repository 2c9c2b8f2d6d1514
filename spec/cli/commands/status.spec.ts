import { FastnAuth, type AuthSession } from '../../../lib/promise';
import { startSimulator, type SimulatorHandle } from '../../../lib/simulator';
import { runCli } from '../runCli';

describe('fastn-auth status', () => {
  let simulator: SimulatorHandle;
  let client: FastnAuth;
  let env: Record<string, string>;

  beforeAll(async () => {
    simulator = await startSimulator();
    client = new FastnAuth({
      spaceId: simulator.spaceId,
      apiKey: simulator.apiKey,
      baseUrl: simulator.url,
    });
    env = {
      FASTN_SPACE_ID: simulator.spaceId,
      FASTN_API_KEY: simulator.apiKey,
      FASTN_BASE_URL: simulator.url,
    };
  });

  afterAll(() => simulator.close());

  const statusOf = (session: AuthSession, ...flags: string[]) =>
    runCli(['status', '--session', session.id, '--state-key', session.stateKey, ...flags], {
      env,
    });

  it('prints INACTIVE for a pending session, with one status request', async () => {
    const session = await client.initialize({ connectorId: 'google-sheets' });
    const before = simulator.requestCount('/ucl/connectorAuth/status');

    const run = await statusOf(session);

    expect(run.code).toBe(0);
    expect(run.stdout).toBe('status        INACTIVE\n');
    expect(simulator.requestCount('/ucl/connectorAuth/status')).toBe(before + 1);
  });

  it('prints ACTIVE as JSON once the session is approved', async () => {
    const session = await client.initialize({ connectorId: 'google-sheets' });
    simulator.approve(session.id);

    const run = await statusOf(session, '--json');

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ status: 'ACTIVE' });
  });

  it('prints FAILED with the reason once the session is denied, still exiting 0', async () => {
    const session = await client.initialize({ connectorId: 'google-sheets' });
    simulator.deny(session.id, 'Nope');

    const run = await statusOf(session);

    expect(run.code).toBe(0);
    expect(run.stdout).toBe('status        FAILED\nerrorMessage  Nope\n');
  });

  it('exits 2 when --state-key is missing', async () => {
    const run = await runCli(['status', '--session', 'abc'], { env });

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/required option '--state-key <key>' not specified/);
  });
});
