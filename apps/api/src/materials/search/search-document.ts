import { foldForSearch } from '../../municipalities/search-text.js';

/** Folded text kept for substring (trigram) matching; the full-text vector is built from the same parts. */
export const MAX_SEARCH_TEXT = 200_000;

export interface SearchParts {
  title: string;
  summary: string;
  body: string;
}

/** Title, summary and body folded alike (ü, ue → u; case; punctuation), so queries match spellings without umlauts. */
export function foldParts(parts: SearchParts): SearchParts {
  return { title: foldForSearch(parts.title), summary: foldForSearch(parts.summary), body: foldForSearch(parts.body).slice(0, MAX_SEARCH_TEXT) };
}

/** Query words, folded; at most eight, each at least two characters. */
export function queryTerms(search: string): string[] {
  return [...new Set(foldForSearch(search.slice(0, 200)).split(' ').filter((w) => w.length >= 2))].slice(0, 8);
}

const ENDINGS = /(ern|em|en|er|es|e|n|s)$/;

/**
 * The word without a German inflection ending, for substring matching: "sprachkurse" → "sprachkurs", so it is
 * found inside "Sprachkurs-Angebote" too, where the stemmer would reduce the stored word further ("sprachkur").
 */
export function substringStem(term: string): string {
  const stem = term.replace(ENDINGS, '');
  return stem.length >= 4 ? stem : term;
}
