import { startSimulator, type SimulatorHandle } from '../../../lib/simulator';
import { closedPort, runCli, waitForOutput } from '../runCli';

const LOCAL = ['connect', 'google-sheets', '--local', '--interval-ms', '100'];

describe('fastn-auth connect --local', () => {
  it('prints the URL, waits for the simulated approval, prints redacted credentials', async () => {
    const run = await runCli([...LOCAL, '--approve-after-ms', '300']);

    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^Open this URL to authorize: http:\/\/127\.0\.0\.1:\d+\//m);
    expect(run.stderr).toMatch(/simulated user will approve in 0\.3 s/);
    expect(run.stderr).toMatch(/Waiting for authorization: INACTIVE/);
    expect(run.stderr).toMatch(/Authorized: ACTIVE/);
    expect(run.stdout).toMatch(/^connector +google-sheets$/m);
    expect(run.stdout).toMatch(/^status +ACTIVE$/m);
    expect(run.stdout).toMatch(/^accessToken +\S{4}…\[redacted\]$/m);
    expect(run.stdout).toMatch(/^refreshToken +\S{4}…\[redacted\]$/m);
    expect(run.stdout).toMatch(/^expiresAt +\d{4}-\d\d-\d\dT/m);
  });

  it('prints exactly one JSON object on stdout with --json, tokens redacted', async () => {
    const run = await runCli([...LOCAL, '--approve-after-ms', '200', '--json']);

    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(run.stdout)).toEqual({
      status: 'ACTIVE',
      connectorId: 'google-sheets',
      credentials: expect.objectContaining({
        accessToken: expect.stringMatching(/^.{4}…\[redacted\]$/),
        refreshToken: expect.stringMatching(/^.{4}…\[redacted\]$/),
      }),
    });
  });

  it('shows the INACTIVE status it hears, once, then ACTIVE, polling every 100 ms', async () => {
    const run = await runCli([...LOCAL, '--approve-after-ms', '600']);

    expect(run.code).toBe(0);
    const progress = run.stderr.split('\n').filter((line) => /^(Waiting|Authoriz)/.test(line));
    expect(progress).toEqual([
      expect.stringMatching(/^Waiting for authorization: INACTIVE \(0 s\)$/),
      expect.stringMatching(/^Authorized: ACTIVE \(\d+ s\)$/),
    ]);
  });

  it('writes one JSON status event per change on stderr with --json, in order', async () => {
    const run = await runCli([...LOCAL, '--approve-after-ms', '600', '--json']);

    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'ACTIVE' });
    const events = run.stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; status?: string; elapsedMs?: number });
    expect(events.map(({ event, status }) => [event, status])).toEqual([
      ['initialized', undefined],
      ['status', 'INACTIVE'],
      ['status', 'ACTIVE'],
    ]);
    expect(events[2]!.elapsedMs).toBeGreaterThanOrEqual(events[1]!.elapsedMs!);
  });

  it('prints the tokens in full with --show-secrets', async () => {
    const run = await runCli([...LOCAL, '--approve-after-ms', '0', '--json', '--show-secrets']);

    expect(run.code).toBe(0);
    const { credentials } = JSON.parse(run.stdout) as { credentials: Record<string, unknown> };
    expect(credentials.accessToken).toEqual(expect.any(String));
    expect(credentials.accessToken).not.toContain('redacted');
    expect((credentials.accessToken as string).length).toBeGreaterThan(12);
  });

  it('exits 3 when the simulated user denies', async () => {
    const run = await runCli([...LOCAL, '--approve-after-ms', '200', '--deny']);

    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^fastn-auth: Authorization failed: The user denied access/m);
  });

  it('exits 3 with a JSON error on stdout when denied with --json', async () => {
    const run = await runCli([...LOCAL, '--approve-after-ms', '200', '--deny', '--json']);

    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout)).toEqual({
      error: { code: 'AUTH_FAILED', message: expect.stringMatching(/denied/) },
    });
  });

  it('exits 4 when the approval comes after --timeout-ms', async () => {
    const run = await runCli([
      'connect',
      'google-sheets',
      '--local',
      '--approve-after-ms',
      '60000',
      '--timeout-ms',
      '1500',
      '--interval-ms',
      '200',
    ]);

    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/^fastn-auth: Authorization did not complete within 1500 ms/m);
  });

  it('exits 130 when interrupted with Ctrl-C while waiting', async () => {
    const run = await runCli([...LOCAL, '--approve-after-ms', '60000'], {
      onSpawn: (child) => {
        void waitForOutput(child.stderr!, /Open this URL/).then(() => child.kill('SIGINT'));
      },
    });

    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/^fastn-auth: interrupted$/m);
  });

  it('refuses --deny without --local with the usage exit code', async () => {
    const run = await runCli(['connect', 'google-sheets', '--deny']);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe('fastn-auth: --deny needs --local\n');
  });
});

describe('fastn-auth connect against an API', () => {
  it('exits 2 naming FASTN_SPACE_ID and FASTN_API_KEY when nothing is configured', async () => {
    const run = await runCli(['connect', 'google-sheets']);

    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^fastn-auth: missing configuration: set FASTN_SPACE_ID/);
    expect(run.stderr).toContain('FASTN_API_KEY');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 naming only FASTN_API_KEY when the space id is set', async () => {
    const run = await runCli(['connect', 'google-sheets'], { env: { FASTN_SPACE_ID: 'space' } });

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^fastn-auth: missing configuration: set FASTN_API_KEY/);
    expect(run.stderr).not.toContain('FASTN_SPACE_ID');
  });

  it('exits 5 when the base URL points at a closed port, never printing the key', async () => {
    const port = await closedPort();
    const run = await runCli(['connect', 'google-sheets', '--json'], {
      env: {
        FASTN_SPACE_ID: 'space',
        FASTN_API_KEY: 'key-that-must-stay-secret',
        FASTN_BASE_URL: `http://127.0.0.1:${port}/api`,
      },
    });

    expect(run.code).toBe(5);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'NETWORK_ERROR' } });
    expect(run.stderr).toMatch(/^fastn-auth: /m);
    expect(run.stdout + run.stderr).not.toContain('key-that-must-stay-secret');
  });

  it('lets a flag win over its env variable', async () => {
    const port = await closedPort();
    const run = await runCli(['connect', 'google-sheets', '--base-url', 'not a url'], {
      env: {
        FASTN_SPACE_ID: 'space',
        FASTN_API_KEY: 'key',
        FASTN_BASE_URL: `http://127.0.0.1:${port}/api`,
      },
    });

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^fastn-auth: .*baseUrl/);
  });
});

describe('fastn-auth connect against the simulator', () => {
  let simulator: SimulatorHandle;
  let env: Record<string, string>;

  beforeAll(async () => {
    simulator = await startSimulator({ approveAfterMs: 600 });
    env = {
      FASTN_SPACE_ID: simulator.spaceId,
      FASTN_API_KEY: simulator.apiKey,
      FASTN_BASE_URL: simulator.url,
    };
  });

  afterEach(() => simulator.setFaults({}));

  afterAll(() => simulator.close());

  it('reports each status when its answer arrives, with the elapsed time', async () => {
    simulator.setFaults({ latencyMs: 300, paths: ['/ucl/connectorAuth/status'] });

    const run = await runCli(['connect', 'google-sheets', '--json', '--interval-ms', '100'], {
      env,
    });

    expect(run.code).toBe(0);
    const statuses = run.stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { status?: string; elapsedMs?: number })
      .filter((event) => event.status !== undefined);
    expect(statuses.map((event) => event.status)).toEqual(['INACTIVE', 'ACTIVE']);
    expect(statuses[0]!.elapsedMs).toBeGreaterThanOrEqual(250);
  });

  it('gives up on a failing initialize by --timeout-ms with exit code 5', async () => {
    simulator.setFaults({ transientErrorRate: 1, paths: ['/ucl/connectorAuth/initialize'] });
    const startedAtMs = Date.now();

    const run = await runCli(['connect', 'google-sheets', '--timeout-ms', '700'], { env });

    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(/^fastn-auth: .*\b50[0234]\b/m);
    expect(Date.now() - startedAtMs).toBeLessThan(5_000);
  });
});
