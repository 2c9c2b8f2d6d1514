import { startSimulator } from '../../lib/simulator';
import type { SimulatorHandle } from '../../lib/simulator';
import { ManualClock, initialize, post, read } from './simulatorClient';

describe('the consent pages', () => {
  const clock = new ManualClock();
  let sim: SimulatorHandle;

  beforeAll(async () => {
    sim = await startSimulator({ now: clock.now, sessionTtlMs: 60_000 });
  });

  afterAll(() => sim.close());

  /** Posts the consent form the way a browser does. */
  async function submit(sessionId: string, action: 'approve' | 'deny', state: string) {
    const response = await fetch(`http://127.0.0.1:${sim.port}/consent/${sessionId}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ state }).toString(),
    });
    return read(response);
  }

  it('shows an HTML page naming the connector, org and tenant, with Approve and Deny', async () => {
    const { redirectUrl, sessionId, stateKey } = await initialize(sim, {
      connectorId: 'google-sheets',
      orgId: 'acme',
      tenantId: 'tenant-7',
    });

    const page = await read(await fetch(redirectUrl));

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; /);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.text).toMatch(/^<!doctype html>/);
    expect(page.text).toContain('<dd>google-sheets</dd>');
    expect(page.text).toContain('<dd>acme</dd>');
    expect(page.text).toContain('<dd>tenant-7</dd>');
    expect(page.text).toContain(`<form method="post" action="/consent/${sessionId}/approve">`);
    expect(page.text).toContain(`<input type="hidden" name="state" value="${stateKey}">`);
    expect(page.text).toContain('<button id="approve" type="submit">Approve</button>');
    expect(page.text).toContain(
      `<button id="deny" type="submit" formaction="/consent/${sessionId}/deny">Deny</button>`,
    );
  });

  it('escapes every value it echoes', async () => {
    const { redirectUrl } = await initialize(sim, {
      connectorId: '<script>alert(1)</script>',
      orgId: `"'&`,
      tenantId: '<img src=x onerror=alert(2)>',
    });

    const page = await read(await fetch(redirectUrl));

    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).not.toContain('<img');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.text).toContain('<dd>&quot;&#39;&amp;</dd>');
    expect(page.text).toContain('&lt;img src=x onerror=alert(2)&gt;');
  });

  it('approves through the form: the session turns ACTIVE and credentials are issued', async () => {
    const { sessionId, stateKey } = await initialize(sim, {
      connectorId: 'trello',
      tenantId: 'tx',
    });

    const result = await submit(sessionId, 'approve', stateKey);
    const credentials = await post(sim, '/ucl/connectorAuth', {
      connectorId: 'trello',
      tenantId: 'tx',
    });

    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(result.text).toContain('Connected. You can close this window.');
    expect(sim.session(sessionId)?.status).toBe('ACTIVE');
    expect(credentials.status).toBe(200);
  });

  it('denies through the form: the session turns FAILED with the denial message', async () => {
    const { sessionId, stateKey } = await initialize(sim);

    const result = await submit(sessionId, 'deny', stateKey);

    expect(result.status).toBe(200);
    expect(result.text).toContain('Access denied.');
    expect(sim.session(sessionId)).toMatchObject({
      status: 'FAILED',
      errorMessage: 'The user denied access',
    });
  });

  it('answers 409 to a second answer and keeps the first', async () => {
    const { sessionId, stateKey } = await initialize(sim);
    await submit(sessionId, 'approve', stateKey);

    const again = await submit(sessionId, 'deny', stateKey);

    expect(again.status).toBe(409);
    expect(sim.session(sessionId)?.status).toBe('ACTIVE');
  });

  it('answers 403 and changes nothing when the state is wrong or missing', async () => {
    const { sessionId, redirectUrl } = await initialize(sim);

    const page = await read(await fetch(redirectUrl.replace(/state=.*/, 'state=guess')));
    const noState = await read(await fetch(redirectUrl.replace(/\?.*/, '')));
    const form = await submit(sessionId, 'approve', 'guess');

    expect([page.status, noState.status, form.status]).toEqual([403, 403, 403]);
    expect(form.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(sim.session(sessionId)?.status).toBe('INACTIVE');
  });

  it('answers a 404 page for an unknown session', async () => {
    const page = await read(await fetch(`http://127.0.0.1:${sim.port}/consent/unknown?state=x`));

    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('There is no authorization at this address.');
  });

  it('answers a 410 page once the session has expired, to the page and to the form', async () => {
    const { sessionId, stateKey, redirectUrl } = await initialize(sim);

    clock.advance(60_000);
    const page = await read(await fetch(redirectUrl));
    const form = await submit(sessionId, 'approve', stateKey);

    expect([page.status, form.status]).toEqual([410, 410]);
    expect(page.text).toContain('This authorization has expired.');
    expect(sim.session(sessionId)?.status).toBe('EXPIRED');
  });

  it('is neither counted nor touched by faults', async () => {
    const { redirectUrl } = await initialize(sim);
    const counted = sim.requestCount();
    sim.setFaults({ transientErrorRate: 1 });

    const page = await read(await fetch(redirectUrl));
    sim.setFaults({ transientErrorRate: 0 });

    expect(page.status).toBe(200);
    expect(sim.requestCount()).toBe(counted);
  });
});
