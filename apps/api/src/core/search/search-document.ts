import { foldForSearch } from '../../municipalities/search-text.js';

/** How much of a document's text is indexed. */
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

/** The folded words of a document, each once, for the shared word list that query words expand against. */
export function distinctWords(...folded: string[]): string[] {
  return [
    ...new Set(
      folded
        .join(' ')
        .split(' ')
        .filter((w) => w.length >= 2 && w.length <= 60),
    ),
  ];
}

/** Query words, folded; at most eight, each at least two characters. */
export function queryTerms(search: string): string[] {
  return [
    ...new Set(
      foldForSearch(search.slice(0, 200))
        .split(' ')
        .filter((w) => w.length >= 2),
    ),
  ].slice(0, 8);
}

const ENDINGS = /(ern|em|en|er|es|e|n|s)$/;

/**
 * The word without a German inflection ending, for matching parts of words: "sprachkurse" → "sprachkurs", so it
 * is found inside "Sprachkurs-Angebote" too, where the stemmer reduces the stored word further ("sprachkur").
 */
export function substringStem(term: string): string {
  const stem = term.replace(ENDINGS, '');
  return stem.length >= 4 ? stem : term;
}
