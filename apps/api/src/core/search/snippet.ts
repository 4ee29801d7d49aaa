import { Field, ObjectType } from '@nestjs/graphql';
import { foldForSearch } from '../../municipalities/search-text.js';

@ObjectType({ description: 'A piece of a snippet; `highlight` marks a match. Rendered as text, never as HTML.' })
export class SnippetPart {
  @Field()
  text!: string;

  @Field()
  highlight!: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
const WINDOW = 220;
const MAX_SCAN = 50_000;

/** Same words as the search: a folded term inside the word, or the word and term sharing a stem. */
function matches(word: string, terms: string[]): boolean {
  const folded = foldForSearch(word);
  return terms.some(
    (t) => folded.includes(t) || (t.length >= 5 && folded.length >= Math.max(4, t.length - 3) && t.startsWith(folded.slice(0, Math.max(4, folded.length - 2)))),
  );
}

/**
 * A window of the text around the first match, as parts with the matching words marked. Computed from the
 * original text (with its umlauts), so the reader sees what the document says.
 */
export function snippet(texts: string[], terms: string[]): SnippetPart[] {
  if (!terms.length) return [];
  for (const whole of texts) {
    // The beginning of a long document is enough for a snippet; scanning all of it is not worth the time.
    const text = whole.slice(0, MAX_SCAN);
    let first: RegExpMatchArray | undefined;
    for (const m of text.matchAll(WORD)) {
      if (matches(m[0], terms)) {
        first = m;
        break;
      }
    }
    if (!first) continue;
    let from = Math.max(0, first.index! - WINDOW / 3);
    const to = Math.min(text.length, Math.max(from + WINDOW, first.index! + first[0].length));
    // Start at a word boundary, but never past the match itself.
    if (from > 0) from = Math.min(first.index!, text.indexOf(' ', from) + 1 || from);
    // Only the window is scanned for further matches: documents can be long.
    const parts: SnippetPart[] = [];
    const word = new RegExp(WORD.source, 'gu');
    word.lastIndex = from;
    let at = from;
    for (let m = word.exec(text); m && m.index + m[0].length <= to; m = word.exec(text)) {
      if (!matches(m[0], terms)) continue;
      if (m.index > at) parts.push({ text: text.slice(at, m.index), highlight: false });
      parts.push({ text: m[0], highlight: true });
      at = m.index + m[0].length;
    }
    if (at < to) parts.push({ text: text.slice(at, to), highlight: false });
    if (!parts.length) continue;
    if (from > 0) parts.unshift({ text: '… ', highlight: false });
    if (to < whole.length) parts.push({ text: ' …', highlight: false });
    return parts.map((p) => ({ ...p, text: p.text.replace(/\s+/g, ' ') }));
  }
  return [];
}
