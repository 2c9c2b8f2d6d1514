import { existsSync } from 'node:fs';

import { chromium, type Browser, type Page } from 'playwright-core';

import { AuthenticationError, FastnAuth } from '../../lib/promise';
import { startSimulator, type SimulatorHandle } from '../../lib/simulator';

/** Debian's Chromium; these tests never download a browser of their own. */
const CHROMIUM_PATH = '/usr/bin/chromium';

jest.setTimeout(30_000);

describe("the simulator's consent page in a real browser", () => {
  let browser: Browser | undefined;
  let simulator: SimulatorHandle | undefined;
  let client: FastnAuth;
  let page: Page;

  beforeAll(async () => {
    // A missing browser fails every test here with the fix, rather than skipping silently.
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(`${CHROMIUM_PATH} is missing: run \`npm run browser:install\``);
    }
    simulator = await startSimulator();
    client = new FastnAuth({
      spaceId: simulator.spaceId,
      apiKey: simulator.apiKey,
      baseUrl: simulator.url,
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await simulator?.close();
  });

  beforeEach(async () => {
    page = await browser!.newPage();
  });

  afterEach(async () => {
    await page.close();
  });

  it('resolves the waiting SDK with ACTIVE and credentials when Approve is clicked', async () => {
    const session = await client.initialize({ connectorId: 'google-sheets', tenantId: 'acme' });
    const completion = session.waitForCompletion({ intervalMs: 100, timeoutMs: 20_000 });

    await page.goto(session.redirectUrl);
    await page.click('#approve');

    await expect(completion).resolves.toEqual({
      status: 'ACTIVE',
      credentials: expect.objectContaining({ accessToken: expect.any(String) }),
    });
    expect(await page.textContent('h1')).toBe('Connected');
  });

  it('rejects the waiting SDK with an AuthenticationError when Deny is clicked', async () => {
    const session = await client.initialize({ connectorId: 'google-sheets' });
    const completion = session.waitForCompletion({ intervalMs: 100, timeoutMs: 20_000 });

    await page.goto(session.redirectUrl);
    await page.click('#deny');

    await expect(completion).rejects.toBeInstanceOf(AuthenticationError);
    expect(await page.textContent('h1')).toBe('Denied');
  });

  it('shows a connector id carrying markup as text: no element made, no script run', async () => {
    const markup = '<img src=x onerror=alert(1)>';
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const session = await client.initialize({ connectorId: markup });

    await page.goto(session.redirectUrl);

    expect(await page.textContent('body')).toContain(markup);
    expect(await page.$$('img')).toHaveLength(0);
    expect(dialogs).toEqual([]);
  });
});
