import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import shellDe from './locales/de/shell.json';

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'verbund.language';
/** The server renders a page's first view in the language this cookie names (web-app-page.ts). */
export const LANGUAGE_COOKIE = 'verbund-lang';

function storedLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'de';
}

/*
 * The texts come in two parts per language. `shell.json` is what the frame, the start page and the sign-in page
 * say (German is in the first script); `pages.json` is everything else, loaded with the first page that needs
 * data. A key the frame shows before then belongs in `shell.json`.
 */
type Part = 'shell' | 'pages';
const PARTS: Record<`${Language}/${Part}`, () => Promise<{ default: object }>> = {
  'de/shell': () => Promise.resolve({ default: shellDe }),
  'de/pages': () => import('./locales/de/pages.json'),
  'en/shell': () => import('./locales/en/shell.json'),
  'en/pages': () => import('./locales/en/pages.json'),
};
const loaded = new Set<string>(['de/shell']);
let pagesWanted = false;

async function loadPart(language: Language, part: Part): Promise<void> {
  const key = `${language}/${part}` as const;
  if (loaded.has(key)) return;
  const { default: texts } = await PARTS[key]();
  i18next.addResourceBundle(language, 'translation', texts, true, false);
  loaded.add(key);
}

async function load(language: Language): Promise<void> {
  const languages: Language[] = language === 'de' ? ['de'] : [language, 'de'];
  const parts: Part[] = pagesWanted ? ['shell', 'pages'] : ['shell'];
  await Promise.all(languages.flatMap((lng) => parts.map((part) => loadPart(lng, part))));
}

/** The texts of every page but the frame's, in the current language (and German, the fallback). */
export async function loadPageTexts(): Promise<void> {
  pagesWanted = true;
  await load((i18next.language as Language | undefined) ?? storedLanguage());
}

/** German first; the person's choice is remembered in this browser. Resolves once the texts are there. */
export async function initI18n() {
  const lng = storedLanguage();
  await i18next.use(initReactI18next).init({
    resources: { de: { translation: shellDe } },
    lng: 'de',
    fallbackLng: 'de',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = 'de';
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    localStorage.setItem(STORAGE_KEY, language);
    document.cookie = `${LANGUAGE_COOKIE}=${language}; path=/; max-age=31536000; samesite=lax`;
  });
  await changeLanguage(lng);
  return i18next;
}

let latestChoice = 0;

/** Loads the language's texts if needed, then switches to it, unless another language was chosen meanwhile. */
export async function changeLanguage(language: Language): Promise<void> {
  const choice = ++latestChoice;
  await load(language);
  if (choice === latestChoice && i18next.language !== language) await i18next.changeLanguage(language);
}
