import fs from 'node:fs';
import path from 'node:path';

type Tree = { [key: string]: string | Tree };

function load(language: string): Tree {
  return JSON.parse(fs.readFileSync(path.join(process.cwd(), 'src', 'i18n', 'locales', `${language}.json`), 'utf8'));
}

function entries(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : entries(value, `${prefix}${key}.`),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)(?:, *\w+)?\}\}/g)].map((m) => m[1]!).sort();
}

describe('translations', () => {
  const de = new Map(entries(load('de')));
  const en = new Map(entries(load('en')));

  it('English has exactly the keys German has', () => {
    expect([...en.keys()].sort()).toEqual([...de.keys()].sort());
  });

  it('has no empty text in either language', () => {
    expect([...de, ...en].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = [...de].filter(([key, text]) => placeholders(text).join() !== placeholders(en.get(key) ?? '').join());
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it("writes every count with the language's digit grouping (11.062, not 11062)", () => {
    const unformatted = [...de, ...en].filter(([, text]) => text.includes('{{count}}')).map(([key]) => key);
    expect(unformatted).toEqual([]);
  });
});
