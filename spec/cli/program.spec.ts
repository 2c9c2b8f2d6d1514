import { runCli } from './runCli';

describe('fastn-auth program', () => {
  it('exits 2 with one line on stderr for an unknown flag', async () => {
    const run = await runCli(['connect', 'google-sheets', '--no-such-flag']);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe("fastn-auth: unknown option '--no-such-flag'\n");
    expect(run.stdout).toBe('');
  });

  it('also writes a JSON error on stdout for a bad flag when --json is given', async () => {
    const run = await runCli(['connect', 'google-sheets', '--json', '--interval-ms', 'soon']);

    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      error: { code: 'USAGE', message: expect.stringMatching(/--interval-ms/) },
    });
  });

  it('exits 2 for an unknown command', async () => {
    const run = await runCli(['conect', 'google-sheets']);

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^fastn-auth: unknown command 'conect'/);
  });

  it('exits 2 when a required argument is missing', async () => {
    const run = await runCli(['connect']);

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/missing required argument 'connectorId'/);
  });

  it('lists the commands and the exit codes in --help, exiting 0', async () => {
    const run = await runCli(['--help']);

    expect(run.code).toBe(0);
    for (const command of ['connect', 'credentials', 'status', 'simulate']) {
      expect(run.stdout).toContain(command);
    }
    expect(run.stdout).toMatch(/^ {2}4 +timed out/m);
    expect(run.stdout).toMatch(/^ {2}130 +interrupted/m);
  });

  it('names the env variable of each connection flag in a command help', async () => {
    const run = await runCli(['connect', '--help']);

    expect(run.code).toBe(0);
    for (const name of ['FASTN_SPACE_ID', 'FASTN_API_KEY', 'FASTN_AUTH_TOKEN', 'FASTN_BASE_URL']) {
      expect(run.stdout.replace(/\s+/g, ' ')).toContain(`(env: ${name})`);
    }
  });

  it('prints a stack only when FASTN_DEBUG=1', async () => {
    const args = ['connect', 'google-sheets', '--interval-ms', '0', '--local'];
    const quiet = await runCli(args);
    const debug = await runCli(args, { env: { FASTN_DEBUG: '1' } });

    expect(quiet.code).toBe(2);
    expect(quiet.stderr).not.toMatch(/\n\s+at /);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
