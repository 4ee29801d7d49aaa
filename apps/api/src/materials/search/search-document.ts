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
