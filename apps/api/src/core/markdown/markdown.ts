import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: true, async: false });

/** What Markdown may become; everything else (script, style, iframes, event handlers, inline styles) is dropped. */
const POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'h3',
    'h4',
    'h5',
    'h6',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  // No span: mention markup is added by renderMarkdown afterwards, never taken from what a person wrote.
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Headings inside a post or document sit below the page's own h1/h2, each level keeping its order.
    h1: 'h3',
    h2: 'h4',
    h3: 'h5',
    h4: 'h6',
    h5: 'h6',
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
  },
};

export interface Mentionable {
  id: string;
  name: string;
}

/** The escaping sanitize-html applies to text, so names match as they appear in its output. */
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Markdown → HTML that is safe to insert into a page: rendered by marked, then reduced to an allow-list by
 * sanitize-html. Afterwards `@Name` of a mentionable person becomes a mention in text (never inside links or
 * code); the allow-list itself has no span, so nobody can write one by hand.
 */
export function renderMarkdown(source: string, mentionable: Mentionable[] = []): { html: string; mentioned: string[] } {
  const html = sanitizeHtml(marked.parse(source) as string, POLICY);
  // People may share a name: each of them is mentioned, none is left out (and the mark names a person only when one is meant).
  const byToken = new Map<string, string[]>();
  for (const p of mentionable.filter((m) => m.name.trim())) {
    const token = `@${escapeText(p.name)}`;
    byToken.set(token, [...(byToken.get(token) ?? []), p.id]);
  }
  if (!byToken.size) return { html, mentioned: [] };
  // Longest names first, so "@Anna Maria Schulz" is not also "@Anna Maria".
  const tokens = [...byToken.keys()].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(${tokens.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const mentioned = new Set<string>();
  let literal = 0;
  // The sanitised HTML is well-formed: tags and text alternate. Text inside links and code stays as it is.
  const withMentions = html.replace(/(<[^>]+>)|([^<]+)/g, (_all, tag: string | undefined, text: string | undefined) => {
    if (tag) {
      if (/^<(a|code|pre)[\s>]/.test(tag)) literal++;
      else if (/^<\/(a|code|pre)>/.test(tag)) literal--;
      return tag;
    }
    if (literal > 0) return text!;
    return text!.replace(pattern, (token: string) => {
      const ids = byToken.get(token)!;
      for (const id of ids) mentioned.add(id);
      return ids.length === 1 ? `<span class="mention" data-user-id="${ids[0]}">${token}</span>` : `<span class="mention">${token}</span>`;
    });
  });
  return { html: withMentions, mentioned: [...mentioned] };
}

/** Plain text of Markdown, for search documents and snippets. */
export function markdownToText(source: string): string {
  const html = marked.parse(source) as string;
  return sanitizeHtml(html.replace(/<br\s*\/?>/g, '\n').replace(/<\/(p|li|h\d|tr|blockquote|pre)>/g, '$&\n'), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
