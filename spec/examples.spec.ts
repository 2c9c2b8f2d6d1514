import { lastValueFrom, type Observable } from 'rxjs';

import * as promiseQuickstart from '../docs/examples/promise-quickstart';
import * as rxjsQuickstart from '../docs/examples/rxjs-quickstart';
import { FastnAuth, type AuthSession } from '../lib';
import { startSimulator, type SimulatorHandle } from '../lib/simulator';

/** Plays the user on the simulator's consent page: posts its form's Approve or Deny button. */
async function answerConsent(redirectUrl: string, button: 'approve' | 'deny'): Promise<void> {
  const page = new URL(redirectUrl);
  const form = new URLSearchParams({ state: page.searchParams.get('state') ?? '' });
  const response = await fetch(`${page.origin}${page.pathname}/${button}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  await response.text();
  if (!response.ok) throw new Error(`consent page answered ${response.status}`);
}

/** Every value a stream emits until it completes. */
function collect<T>(source: Observable<T>): Promise<T[]> {
  const values: T[] = [];
  return new Promise((resolve, reject) => {
    source.subscribe({
      next: (value) => values.push(value),
      error: reject,
      complete: () => resolve(values),
    });
  });
}

describe('docs/examples', () => {
  let sim: SimulatorHandle;

  beforeAll(async () => {
    sim = await startSimulator();
  });

  afterAll(() => sim.close());

  describe('promise-quickstart', () => {
    it('returns the credentials once the user approves on the consent page', async () => {
      const credentials = await promiseQuickstart.connectGoogleSheets({
        spaceId: sim.spaceId,
        apiKey: sim.apiKey,
        baseUrl: sim.url,
        tenantId: 'acme',
        openUrl: (url) => answerConsent(url, 'approve'),
      });

      expect(credentials.accessToken).toEqual(expect.any(String));
    });

    it('explains a denial', async () => {
      const connecting = promiseQuickstart.connectGoogleSheets({
        spaceId: sim.spaceId,
        apiKey: sim.apiKey,
        baseUrl: sim.url,
        tenantId: 'acme',
        openUrl: (url) => answerConsent(url, 'deny'),
      });

      await expect(connecting).rejects.toThrow(/^Not connected: /);
    });
  });

  describe('rxjs-quickstart', () => {
    it('hands over the session, labels its status and emits the credentials', async () => {
      const client = new FastnAuth({
        spaceId: sim.spaceId,
        apiKey: sim.apiKey,
        baseUrl: sim.url,
        polling: { intervalMs: 20 },
      });
      let labels: Promise<string[]> | undefined;
      let consent: Promise<void> | undefined;

      const credentials = await lastValueFrom(
        rxjsQuickstart.connectGoogleSheets(client, 'acme', (session: AuthSession) => {
          labels = collect(rxjsQuickstart.watchStatus(session));
          consent = answerConsent(session.redirectUrl, 'approve');
        }),
      );

      await consent;
      expect(credentials.accessToken).toEqual(expect.any(String));
      await expect(labels).resolves.toEqual(expect.arrayContaining(['Connected']));
    });
  });
});
