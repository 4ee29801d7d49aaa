import { Extension } from '@tiptap/core';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';

/** Where the others are in the section: a caret in their colour with their name. */
export const Carets = Extension.create<{ awareness: Awareness | null }>({
  name: 'carets',
  addOptions() {
    return { awareness: null };
  },
  addProseMirrorPlugins() {
    return this.options.awareness ? [yCursorPlugin(this.options.awareness, { cursorBuilder: caret })] : [];
  },
});

function caret(user: { name?: string; color?: string }): HTMLElement {
  const mark = document.createElement('span');
  mark.className = 'collab-caret';
  mark.style.borderColor = user.color ?? '#0b5394';
  const label = document.createElement('span');
  label.className = 'collab-caret-label';
  label.style.backgroundColor = user.color ?? '#0b5394';
  label.textContent = user.name ?? '';
  mark.append(label);
  return mark;
}
