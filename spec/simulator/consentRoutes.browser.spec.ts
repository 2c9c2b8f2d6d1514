import { existsSync } from 'node:fs';

import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

import { startSimulator } from '../../lib/simulator';
import type { SimulatorHandle } from '../../lib/simulator';
import { initialize } from './simulatorClient';

/** The system Chromium that `npm run browser:install` provides. */
const CHROMIUM = '/usr/bin/chromium';
const describeInBrowser = existsSync(CHROMIUM) ? describe : describe.skip;

describeInBrowser('the consent page in a real browser', () => {
  let sim: SimulatorHandle;
  let browser: Browser;

  beforeAll(async () => {
    sim = await startSimulator();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser?.close();
    await sim?.close();
  });

  /** Opens a page that records console lines and dialogs, which the policy must keep empty. */
  async function open(url: string): Promise<{ page: Page; events: string[] }> {
    const page = await browser.newPage();
    const events: string[] = [];
    page.on('console', (message) => events.push(`console: ${message.text()}`));
    page.on('dialog', (dialog) => {
      events.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(url);
    return { page, events };
  }

  it('shows hostile values as text, runs no script and applies its own style', async () => {
    const { redirectUrl } = await initialize(sim, {
      connectorId: '<script>alert(1)</script>',
      tenantId: '<img src=x onerror=alert(2)>',
    });

    const { page, events } = await open(redirectUrl);

    expect(await page.locator('dd').allTextContents()).toEqual([
      '<script>alert(1)</script>',
      'community',
      '<img src=x onerror=alert(2)>',
    ]);
    expect(
      await page.locator('#approve').evaluate((button) => getComputedStyle(button).backgroundColor),
    ).toBe('rgb(31, 136, 61)');
    expect(events).toEqual([]);
    await page.close();
  });

  it('approves when the user clicks Approve', async () => {
    const { redirectUrl, sessionId } = await initialize(sim, { connectorId: 'slack' });
    const { page, events } = await open(redirectUrl);

    await Promise.all([page.waitForURL(/\/approve$/), page.click('#approve')]);

    expect(await page.locator('p').textContent()).toBe('Connected. You can close this window.');
    expect(sim.session(sessionId)?.status).toBe('ACTIVE');
    expect(events).toEqual([]);
    await page.close();
  });

  it('denies when the user clicks Deny', async () => {
    const { redirectUrl, sessionId } = await initialize(sim, { connectorId: 'slack' });
    const { page } = await open(redirectUrl);

    await Promise.all([page.waitForURL(/\/deny$/), page.click('#deny')]);

    expect(await page.locator('p').textContent()).toBe('Access denied.');
    expect(sim.session(sessionId)?.status).toBe('FAILED');
    await page.close();
  });
});
