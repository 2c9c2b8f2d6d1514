import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

import { runCli, waitForOutput } from '../runCli';

describe('fastn-auth simulate', () => {
  it('prints its URL, space id and API key, serves the API, and exits 0 on SIGTERM', async () => {
    let answered: Response | undefined;

    const run = await runCli(['simulate', '--approve-after-ms', '0'], {
      onSpawn: (child: ChildProcess) => {
        void waitForOutput(child.stdout!, /FASTN_API_KEY=.+\n/).then(async (printed) => {
          const settings = Object.fromEntries(
            printed
              .trim()
              .split('\n')
              .map((line) => line.split('=', 2) as [string, string]),
          );
          answered = await fetch(`${settings.FASTN_BASE_URL}/ucl/connectorAuth/initialize`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-fastn-space-id': settings.FASTN_SPACE_ID!,
              'x-fastn-api-key': settings.FASTN_API_KEY!,
            },
            body: JSON.stringify({ input: { connectorId: 'google-sheets' } }),
          });
          child.kill('SIGTERM');
        });
      },
    });

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^FASTN_BASE_URL=http:\/\/127\.0\.0\.1:\d+\/api$/m);
    expect(run.stdout).toMatch(/^FASTN_SPACE_ID=\S+$/m);
    expect(run.stdout).toMatch(/^FASTN_API_KEY=\S+$/m);
    expect(answered?.status).toBe(200);
    expect(run.stderr).toMatch(/Simulator stopped/);
  });

  it('exits 2 for a port out of range', async () => {
    const run = await runCli(['simulate', '--port', '70000']);

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^fastn-auth: .*--port.*0 to 65535/);
  });

  it('exits 2 naming the port when another program listens on it', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as { port: number };

    try {
      const run = await runCli(['simulate', '--port', String(port)]);

      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`fastn-auth: port ${port} is already in use\n`);
      expect(run.stdout).toBe('');
    } finally {
      await new Promise<void>((resolve) => busy.close(() => resolve()));
    }
  });
});
