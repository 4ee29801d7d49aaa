import { protocolMarkdown } from './round-protocol.js';

describe('the protocol of a date', () => {
  const base = {
    title: 'Sprachmittlung in der Region Leipzig',
    startsAt: new Date('2026-11-04T11:30:00Z'),
    endsAt: new Date('2026-11-04T12:30:00Z'),
    hostName: 'AG Sprachmittlung Region Leipzig',
    municipalities: ['Landkreis Nordsachsen', 'Stadt Leipzig'],
    agenda: ['Dolmetscherpool', 'Abrechnung'],
    notes: '',
    polls: [],
    actions: [],
  };

  it('says when in German time, who took part, the agenda, polls with named voters and the tasks', () => {
    const md = protocolMarkdown({
      ...base,
      polls: [
        {
          id: 'p',
          question: 'Gemeinsamer Pool?',
          options: ['Ja', 'Nein'],
          multiple: false,
          anonymous: false,
          open: false,
          counts: [2, 0],
          voters: [['Ada', 'Nils'], []],
        },
      ],
      actions: [{ who: 'Stadt Leipzig', what: 'Entwurf der Vereinbarung', due: new Date('2026-12-01T00:00:00Z') }],
    });
    expect(md).toContain('Mittwoch, 4. November 2026, 12:30–13:30 Uhr');
    expect(md).toContain('- Landkreis Nordsachsen\n- Stadt Leipzig');
    expect(md).toContain('1. Dolmetscherpool\n2. Abrechnung');
    expect(md).toContain('- Ja: 2 (Ada, Nils)\n- Nein: 0');
    expect(md).toContain('- Stadt Leipzig: Entwurf der Vereinbarung (bis 01.12.2026)');
  });

  it('keeps what people wrote from becoming structure or markup', () => {
    const md = protocolMarkdown({ ...base, agenda: ['# Überschrift <script>'], actions: [{ who: '*fett*', what: 'a\n## b', due: null }] });
    expect(md).toContain('1. \\# Überschrift \\<script\\>');
    expect(md).toContain('- \\*fett\\*: a \\#\\# b');
    expect(md).not.toMatch(/^## b/m);
  });

  it('cuts overlong notes to fit the limit and says so, keeping everything else', () => {
    const notes = 'Wohnungsbörse. '.repeat(20_000);
    const md = protocolMarkdown({ ...base, notes, actions: [{ who: 'Stadt Leipzig', what: 'Kosten prüfen', due: null }] }, 200_000);
    expect(md.length).toBeLessThanOrEqual(200_000);
    expect(md.length).toBeGreaterThan(199_000);
    expect(md).toContain('Die Notizen sind hier gekürzt');
    expect(md).toContain('- Stadt Leipzig: Kosten prüfen');
    expect(protocolMarkdown({ ...base, notes: 'Kurz.' }, 200_000)).not.toContain('gekürzt');
  });

  it('cuts its end when the tasks alone pass the limit, so that the room still closes', () => {
    const actions = Array.from({ length: 300 }, (_, i) => ({ who: `Kommune ${i}`, what: '*'.repeat(1000), due: null }));
    const md = protocolMarkdown({ ...base, notes: 'Notiz.', actions }, 200_000);
    expect(md.length).toBeLessThanOrEqual(200_000);
    expect(md).toContain('- Kommune 0: ');
    expect(md).toContain('Das Protokoll ist hier gekürzt');
  });
});

describe('the shared notes as Markdown', () => {
  it('keeps headings below the protocol, lists, quotes and emphasis, and escapes what was typed', async () => {
    const { notesMarkdown } = await import('./notes-markdown.js');
    const md = notesMarkdown({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Dolmetscherpool' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'wichtig', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' und <b>roh</b>' },
          ],
        },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'eins' }] }] }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Zitat' }] }] },
      ],
    });
    expect(md).toBe('### Dolmetscherpool\n\n**wichtig** und \\<b\\>roh\\</b\\>\n\n- eins\n\n> Zitat');
  });
});
