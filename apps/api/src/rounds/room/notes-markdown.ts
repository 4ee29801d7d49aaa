import type { PmNode } from '../../concepts/section-content.js';

const escape = (s: string) => s.replace(/([\\`*_[\]#<>|])/g, '\\$1');

function inline(nodes: PmNode[] = []): string {
  return nodes
    .map((n) => {
      if (n.type === 'hardBreak') return '  \n';
      let text = escape(n.text ?? '');
      for (const mark of n.marks ?? []) {
        if (mark.type === 'bold') text = `**${text}**`;
        else if (mark.type === 'italic') text = `*${text}*`;
        else if (mark.type === 'code') text = `\`${n.text ?? ''}\``;
      }
      return text;
    })
    .join('');
}

function block(node: PmNode, prefix = ''): string[] {
  switch (node.type) {
    case 'heading':
      // One level below the protocol's own sections (`##`), whatever level the notes used.
      return [`${'#'.repeat(Math.min(6, Math.max(3, Number(node.attrs?.level ?? 3))))} ${inline(node.content)}`];
    case 'paragraph':
      return [`${prefix}${inline(node.content)}`];
    case 'bulletList':
    case 'orderedList':
      return (node.content ?? []).flatMap((item, i) =>
        (item.content ?? []).flatMap((child, j) => block(child, j === 0 ? `${prefix}${node.type === 'bulletList' ? '-' : `${i + 1}.`} ` : `${prefix}   `)),
      );
    case 'blockquote':
      return (node.content ?? []).flatMap((child) => block(child, `${prefix}> `));
    case 'codeBlock':
      return ['```', ...(node.content ?? []).map((t) => t.text ?? ''), '```'];
    default:
      return (node.content ?? []).flatMap((child) => block(child, prefix));
  }
}

/** The shared notes (ProseMirror JSON) as Markdown for the protocol; their headings sit below the protocol's own. */
export function notesMarkdown(doc: PmNode): string {
  return (doc.content ?? [])
    .map((node) => block(node).join('\n'))
    .filter((b) => b.trim())
    .join('\n\n');
}
