import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: true, async: false });

/** What Markdown may become; everything else (script, style, iframes, event handlers, inline styles) is dropped. */
const POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
    'h3', 'h4', 'h5', 'h6', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'], th: ['align'], td: ['align'], span: ['class', 'data-user-id'] },
  allowedClasses: { span: ['mention'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Headings inside a post or document sit below the page's own h1/h2.
    h1: 'h3',
    h2: 'h4',
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
  },
};

export interface Mentionable {
  id: string;
  name: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Markdown → HTML that is safe to insert into a page: rendered by marked, then reduced to an allow-list by
 * sanitize-html. `@Name` of a mentionable person becomes a mention in text (never inside links or code).
 */
export function renderMarkdown(source: string, mentionable: Mentionable[] = []): { html: string; mentioned: string[] } {
  const raw = marked.parse(source) as string;
  const mentioned = new Set<string>();
  // Longest names first, so "@Anna Maria Schulz" wins over "@Anna Maria".
  const byToken = new Map(mentionable.filter((p) => p.name.trim()).map((p) => [`@${escapeHtml(p.name)}`, p.id]));
  const tokens = [...byToken.keys()].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = tokens.length ? new RegExp(`(${tokens.join('|')})(?![\\p{L}\\p{N}])`, 'gu') : null;
  const html = sanitizeHtml(raw, {
    ...POLICY,
    // One pass over the text, longest names first, so "@Anna Maria Schulz" is not also "@Anna Maria".
    textFilter: (text, tagName) => {
      if (!pattern || tagName === 'a' || tagName === 'code' || tagName === 'pre') return text;
      return text.replace(pattern, (token: string) => {
        const id = byToken.get(token)!;
        mentioned.add(id);
        return `<span class="mention" data-user-id="${id}">${token}</span>`;
      });
    },
  });
  return { html, mentioned: [...mentioned] };
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
