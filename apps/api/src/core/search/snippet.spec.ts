import { snippet } from './snippet.js';

describe('snippet', () => {
  it('marks words that contain a folded term, keeping the original spelling', () => {
    const parts = snippet(['Angebote für Flüchtlinge im Landkreis'], ['fluchtling']);
    expect(parts.filter((p) => p.highlight).map((p) => p.text)).toEqual(['Flüchtlinge']);
    expect(parts.map((p) => p.text).join('')).toBe('Angebote für Flüchtlinge im Landkreis');
  });

  it('marks parts of compound words and stem variants', () => {
    const parts = snippet(['Unser Integrationskonzept und die Sprachkurse'], ['konzept', 'sprachkurs']);
    expect(parts.filter((p) => p.highlight).map((p) => p.text)).toEqual(['Integrationskonzept', 'Sprachkurse']);
  });

  it('cuts a window around the first match in a long text', () => {
    const text = `${'Vorrede '.repeat(100)}Der Sprachmittlerpool hilft. ${'Nachrede '.repeat(100)}`;
    const parts = snippet([text], ['sprachmittlerpool']);
    const joined = parts.map((p) => p.text).join('');
    expect(joined.startsWith('… ')).toBe(true);
    expect(joined.endsWith(' …')).toBe(true);
    expect(joined.length).toBeLessThan(260);
    expect(parts.some((p) => p.highlight && p.text === 'Sprachmittlerpool')).toBe(true);
  });

  it('copes with words separated only by line breaks and with a match at the very end', () => {
    const text = `${'Zeile\n'.repeat(80)}Sprachkurs`;
    const parts = snippet([text], ['sprachkurs']);
    expect(parts.some((p) => p.highlight && p.text === 'Sprachkurs')).toBe(true);
    const spaceFarAway = `${'\n'.repeat(100)}Wohnen${'\n'.repeat(300)} Ende`;
    expect(
      snippet([spaceFarAway], ['wohnen'])
        .filter((p) => p.highlight)
        .map((p) => p.text),
    ).toEqual(['Wohnen']);
  });

  it('tries the texts in order and gives nothing without a match', () => {
    expect(snippet(['ohne Treffer', 'mit Wohnen'], ['wohnen']).some((p) => p.highlight)).toBe(true);
    expect(snippet(['ohne Treffer'], ['wohnen'])).toEqual([]);
  });
});
