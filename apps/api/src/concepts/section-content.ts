/**
 * Section text is ProseMirror JSON (what tiptap edits and the shared Yjs document turns into). Comparisons and
 * search use its plain text; a published version keeps sections in this snapshot form.
 */
export interface PmNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  content?: PmNode[];
}

export interface MeasureSnapshot {
  id: string;
  title: string;
  responsible: string;
  partners: string;
  timeline: string;
  indicator: string;
  status: string;
}

export interface SectionSnapshot {
  id: string;
  position: number;
  title: string;
  content: PmNode;
  text: string;
  measures: MeasureSnapshot[];
}

export const EMPTY_DOC: PmNode = { type: 'doc', content: [] };

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock', 'tableRow']);

/** Plain text of a document: blocks on their own lines. */
export function plainText(node: PmNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const inner = (node.content ?? []).map(plainText).join('');
  return BLOCKS.has(node.type) ? `${inner}\n` : inner;
}

/** A document of plain paragraphs (demo data, tests, imports). */
export function docFromText(text: string): PmNode {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  return { type: 'doc', content: paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) };
}

/** What counts as "the same section" when comparing versions: title, text and measures (not their ids). */
export function sameSection(a: Pick<SectionSnapshot, 'title' | 'text' | 'measures'>, b: Pick<SectionSnapshot, 'title' | 'text' | 'measures'>): boolean {
  return fingerprint(a) === fingerprint(b);
}

function fingerprint(s: Pick<SectionSnapshot, 'title' | 'text' | 'measures'>): string {
  const norm = (v: string) => v.replace(/\s+/g, ' ').trim();
  return JSON.stringify([
    norm(s.title),
    norm(s.text),
    s.measures.map((m) => [norm(m.title), norm(m.responsible), norm(m.partners), norm(m.timeline), norm(m.indicator), m.status]),
  ]);
}

/** Rejects what is not a ProseMirror document of reasonable size, before it is stored. */
export function validDoc(value: unknown, maxBytes = 200_000): value is PmNode {
  if (!value || typeof value !== 'object' || (value as PmNode).type !== 'doc') return false;
  return JSON.stringify(value).length <= maxBytes;
}
