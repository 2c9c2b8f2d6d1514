import { escapeHtml } from '../../lib/simulator/escapeHtml';

describe('escapeHtml', () => {
  it('replaces each of & < > " and \' with its entity', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('escapes an ampersand once, so entities in the input stay visible as text', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });

  it('leaves other text untouched', () => {
    expect(escapeHtml('google-sheets é 東京')).toBe('google-sheets é 東京');
  });
});
