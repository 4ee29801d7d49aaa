/**
 * Folds text for matching: lower case, umlauts and their spellings without umlauts (ä, ae → a; ß → ss),
 * other accents dropped, anything but letters and digits a single space. "München", "Muenchen" and
 * "Munchen" all become "munchen"; stored names and queries go through the same fold.
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
