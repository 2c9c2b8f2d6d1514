import { createHash } from 'node:crypto';

import {
  CONSENT_PAGE_HEADERS,
  renderConsentPage,
  renderMessagePage,
} from '../../lib/simulator/consentPage';

describe('renderConsentPage', () => {
  const record = {
    sessionId: 'a b/c',
    stateKey: 'k"ey',
    expiresAtMs: 0,
    connectorId: 'slack',
    orgId: 'community',
  };

  it('encodes the session id in the form actions and escapes the state key', () => {
    const html = renderConsentPage(record);

    expect(html).toContain('action="/consent/a%20b%2Fc/approve"');
    expect(html).toContain('formaction="/consent/a%20b%2Fc/deny"');
    expect(html).toContain('value="k&quot;ey"');
  });

  it('leaves out the tenant and connection rows when the session has none', () => {
    const html = renderConsentPage(record);

    expect(html).not.toContain('<dt>Tenant</dt>');
    expect(html).not.toContain('<dt>Connection</dt>');
  });

  it('allows exactly its own inline style by hash, and no script', () => {
    const html = renderMessagePage('Done', 'Bye.');
    const style = /<style>(.*)<\/style>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');

    expect(CONSENT_PAGE_HEADERS['content-security-policy']).toBe(
      `default-src 'none'; style-src 'sha256-${hash}'; form-action 'self'; base-uri 'none'; ` +
        "frame-ancestors 'none'",
    );
    expect(html).not.toContain('<script');
  });
});

describe('renderMessagePage', () => {
  it('escapes its title and message', () => {
    const html = renderMessagePage('<b>', '& "x"');

    expect(html).toContain('<h1>&lt;b&gt;</h1>');
    expect(html).toContain('<p>&amp; &quot;x&quot;</p>');
  });
});
