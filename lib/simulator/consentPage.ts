import { createHash } from 'node:crypto';

import { escapeHtml } from './escapeHtml';
import type { SessionRecord } from './SessionStore';

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;' +
  'color:#1f2328}dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{color:#59636e}' +
  'dd{margin:0;font-family:ui-monospace,monospace;overflow-wrap:anywhere}' +
  'button{font-size:1rem;padding:.5rem 1.25rem;margin-right:.5rem;cursor:pointer}' +
  '#approve{background:#1f883d;color:#fff;border:0;border-radius:6px}' +
  '#deny{background:#fff;border:1px solid #d1d9e0;border-radius:6px}';

/**
 * The headers of every consent page.
 *
 * The policy allows nothing but the page's own inline style (by hash) and forms posting back to
 * the simulator, so even a value that escaped escaping could run no script. No referrer leaves the
 * page, since its URL carries the session's state key.
 *
 * @internal
 */
export const CONSENT_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': [
    "default-src 'none'",
    `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/**
 * Renders the page where a simulated user approves or denies a session.
 *
 * One form holds both buttons; each posts the state key to its own action, so the page works
 * without any script.
 *
 * @param record - the pending session
 * @returns the HTML document
 * @internal
 */
export function renderConsentPage(record: SessionRecord): string {
  const action = `/consent/${encodeURIComponent(record.sessionId)}`;
  const rows: Array<[string, string | undefined]> = [
    ['Connector', record.connectorId],
    ['Org', record.orgId],
    ['Tenant', record.tenantId],
    ['Connection', record.connectionId],
  ];
  const details = rows
    .filter((row): row is [string, string] => row[1] !== undefined)
    .map(([label, value]) => `<dt>${label}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');

  return page(
    `Connect ${escapeHtml(record.connectorId)}`,
    `<h1>Connect ${escapeHtml(record.connectorId)}?</h1>
<p>An app asks for access to this connector through the Fastn simulator.</p>
<dl>${details}</dl>
<form method="post" action="${escapeHtml(`${action}/approve`)}">
<input type="hidden" name="state" value="${escapeHtml(record.stateKey)}">
<button id="approve" type="submit">Approve</button>
<button id="deny" type="submit" formaction="${escapeHtml(`${action}/deny`)}">Deny</button>
</form>`,
  );
}

/**
 * Renders a page with a title and one sentence: a consent result or an error.
 *
 * @param title - the page title and heading (plain text)
 * @param message - the sentence (plain text)
 * @returns the HTML document
 * @internal
 */
export function renderMessagePage(title: string, message: string): string {
  return page(escapeHtml(title), `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} - Fastn simulator</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
