import { badUserInput } from '../errors/app-error.js';

const HTML = /<\s*[a-z!/?]/i;

/** Trimmed text of `min` to `max` characters without HTML (texts are shown as written, never as markup). */
export function plainText(value: string | null | undefined, field: string, min: number, max: number): string {
  const v = (value ?? '').trim();
  if (v.length < min || v.length > max) throw badUserInput(min ? `${min} bis ${max} Zeichen.` : `Höchstens ${max} Zeichen.`, { field, limit: max });
  if (HTML.test(v)) throw badUserInput('Bitte ohne HTML.', { field });
  return v;
}

/** An https address, normalised; anything else is refused with `message`. */
export function httpsUrl(value: string, field: string, message: string): string {
  const url = URL.canParse(value.trim()) ? new URL(value.trim()) : null;
  if (!url || url.protocol !== 'https:') throw badUserInput(message, { field });
  return url.toString();
}

const LANGUAGE = /^([a-z]{2}|leichte-sprache)$/;

/** Languages as two-letter codes (ISO 639-1) or `leichte-sprache`; none given means German. */
export function languageList(values: string[] | null | undefined): string[] {
  const languages = [...new Set((values?.length ? values : ['de']).map((l) => l.trim().toLowerCase()))];
  if (languages.length > 20 || languages.some((l) => !LANGUAGE.test(l))) {
    throw badUserInput('Sprachen als zweistellige Kürzel (de, en, ar …) oder leichte-sprache.', { field: 'languages' });
  }
  return languages;
}

/** A position given as both latitude and longitude, or not at all. */
export function position(latitude: number | null | undefined, longitude: number | null | undefined): { latitude: number | null; longitude: number | null } {
  const hasLat = latitude !== null && latitude !== undefined;
  const hasLon = longitude !== null && longitude !== undefined;
  if (hasLat !== hasLon) throw badUserInput('Bitte Breite und Länge angeben, oder keine von beiden.', { field: hasLat ? 'longitude' : 'latitude' });
  return { latitude: hasLat ? latitude : null, longitude: hasLon ? longitude : null };
}
