import fs from 'node:fs';
import path from 'node:path';

type Tree = { [key: string]: string | Tree };

const read = (file: string) => fs.readFileSync(path.join(process.cwd(), 'src', file), 'utf8');

function loadPart(language: string, part: 'shell' | 'pages'): Tree {
  return JSON.parse(read(`i18n/locales/${language}/${part}.json`));
}

function load(language: string): Tree {
  return { ...loadPart(language, 'shell'), ...loadPart(language, 'pages') };
}

/** What shows before the other texts are loaded (see i18n.ts): the frame, the start and the sign-in page. */
const FIRST_PAINT_FILES = [
  'app/AppLayout.tsx',
  'app/AppFooter.tsx',
  'app/LanguageSwitch.tsx',
  'pages/HomePage.tsx',
  'pages/NotFoundPage.tsx',
  'pages/LoginPage.tsx',
  'features/accounts/components/AuthForm.tsx',
  'components/LoadingState.tsx',
  'components/FormAlert.tsx',
];

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

  it('puts each section of texts into one part only', () => {
    for (const language of ['de', 'en']) {
      const shell = Object.keys(loadPart(language, 'shell'));
      expect(Object.keys(loadPart(language, 'pages')).filter((key) => shell.includes(key))).toEqual([]);
    }
  });

  it('has every text of the first paint in the first part', () => {
    const shell = new Map(entries(loadPart('de', 'shell')));
    const used = FIRST_PAINT_FILES.flatMap((file) => [...read(file).matchAll(/\bt\('([\w.]+)'/g)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((key) => !shell.has(key))).toEqual([]);
    // Keys put together at run time (t(`nav.${key}`)): their section must be in the first part.
    const sections = Object.keys(loadPart('de', 'shell'));
    const built = FIRST_PAINT_FILES.flatMap((file) => [...read(file).matchAll(/\bt\(`(\w+)\./g)].map((m) => m[1]!));
    expect(built.length).toBeGreaterThan(0);
    expect(built.filter((section) => !sections.includes(section))).toEqual([]);
  });

  it('English has exactly the keys German has, in the same part', () => {
    for (const part of ['shell', 'pages'] as const) {
      const keys = (language: string) =>
        entries(loadPart(language, part))
          .map(([key]) => key)
          .sort();
      expect(keys('en')).toEqual(keys('de'));
    }
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
