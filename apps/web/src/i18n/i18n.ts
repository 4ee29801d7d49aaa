import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './locales/de.json';

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'verbund.language';

function storedLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'de';
}

/** German is in the first script; English arrives as its own chunk when someone reads in English. */
async function load(language: Language): Promise<void> {
  if (language === 'de' || i18next.hasResourceBundle(language, 'translation')) return;
  const { default: en } = await import('./locales/en.json');
  i18next.addResourceBundle('en', 'translation', en);
}

/** German first; the person's choice is remembered in this browser. Resolves once the texts are there. */
export async function initI18n() {
  const lng = storedLanguage();
  await i18next.use(initReactI18next).init({
    resources: { de: { translation: de } },
    lng: 'de',
    fallbackLng: 'de',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = 'de';
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    localStorage.setItem(STORAGE_KEY, language);
  });
  await changeLanguage(lng);
  return i18next;
}

/** Loads the language's texts if needed, then switches to it. */
export async function changeLanguage(language: Language): Promise<void> {
  await load(language);
  if (i18next.language !== language) await i18next.changeLanguage(language);
}
