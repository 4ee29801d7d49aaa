import { markdownToText, renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('keeps formatting and safe links', () => {
    const { html } = renderMarkdown('**Sprachkurse** im [Landkreis](https://www.landkreisleipzig.de) und _mehr_');
    expect(html).toContain('<strong>Sprachkurse</strong>');
    expect(html).toContain('<a href="https://www.landkreisleipzig.de" rel="noopener noreferrer nofollow">Landkreis</a>');
    expect(html).toContain('<em>mehr</em>');
  });

  it.each([
    ['<script>alert(1)</script>Text', '<script'],
    ['[klick](javascript:alert(1))', 'javascript:'],
    ['[klick](JaVaScRiPt:alert(1))', 'alert'],
    ['<a href="javascript:alert(1)">x</a>', 'javascript:'],
    ['<img src=x onerror=alert(1)>', 'onerror'],
    ['<iframe src="https://evil.example"></iframe>', 'iframe'],
    ['<p style="background:url(javascript:alert(1))">x</p>', 'style'],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', 'data:'],
    ['<svg><script>alert(1)</script></svg>', 'script'],
  ])('never lets %j through', (source, forbidden) => {
    const { html } = renderMarkdown(source);
    expect(html.toLowerCase()).not.toContain(forbidden.toLowerCase());
  });

  it('marks mentions of known people only, longest name first, not inside code', () => {
    const people = [
      { id: 'a', name: 'Anna Maria' },
      { id: 'b', name: 'Anna Maria Schulz' },
      { id: 'c', name: 'Dritte Person' },
    ];
    const { html, mentioned } = renderMarkdown('Danke @Anna Maria Schulz! Und `@Dritte Person` nicht, @Niemand auch nicht.', people);
    expect(mentioned).toEqual(['b']);
    expect(html).toContain('<span class="mention" data-user-id="b">@Anna Maria Schulz</span>');
    expect(html).toContain('<code>@Dritte Person</code>');
  });

  it('mentions everyone of a shared name, none left out, and marks no one person', () => {
    const { html, mentioned } = renderMarkdown('Danke @Thomas Müller', [
      { id: 't1', name: 'Thomas Müller' },
      { id: 't2', name: 'Thomas Müller' },
    ]);
    expect(mentioned.sort()).toEqual(['t1', 't2']);
    expect(html).toContain('<span class="mention">@Thomas Müller</span>');
  });

  it('mentions names with & and quotes; a hand-written mention span is dropped', () => {
    const { html, mentioned } = renderMarkdown('Danke @Müller & Söhne und @Jo "JJ" Meier', [
      { id: 'm', name: 'Müller & Söhne' },
      { id: 'j', name: 'Jo "JJ" Meier' },
    ]);
    expect(mentioned.sort()).toEqual(['j', 'm']);
    expect(html).toContain('<span class="mention" data-user-id="m">@Müller &amp; Söhne</span>');
    expect(renderMarkdown('<span class="mention" data-user-id="x">@Chefin</span>').html).toBe('<p>@Chefin</p>\n');
  });

  it('escapes a mentionable name that looks like markup', () => {
    const { html } = renderMarkdown('Hallo @<b>x', [{ id: 'x', name: '<b>x' }]);
    expect(html).not.toContain('<b>');
  });

  it('puts headings below the page’s own and keeps their order', () => {
    const { html } = renderMarkdown('# Eins\n\n## Zwei\n\n### Drei\n\n#### Vier\n\n##### Fünf');
    expect([...html.matchAll(/<(h\d)>/g)].map((m) => m[1])).toEqual(['h3', 'h4', 'h5', 'h6', 'h6']);
  });
});

describe('markdownToText', () => {
  it('gives the words without markup', () => {
    expect(markdownToText('# Titel\n\nEin **fetter** [Link](https://x.example) & mehr')).toBe('Titel\n\nEin fetter Link & mehr');
    expect(markdownToText('Arabisch,\nDari')).toBe('Arabisch,\nDari');
  });
});
