import { Group, Text } from '@mantine/core';
import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import type { RoomDocs } from '@verbund/shared/collab';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { Carets } from './carets';
import { Toolbar } from './Toolbar';

interface Props {
  sync: RoomDocs;
  docId: string;
  /** What the text is, for its label and its toolbar's ("Abschnitt „Ziele“", "Notizen"). */
  title: string;
  label: string;
  readOnly: boolean;
  /** The text reached its length limit: it stays locked until the page is loaded again, and says so. */
  full?: boolean;
}

/**
 * A text written together (a concept's section, a round's notes): tiptap on the document's Yjs state. The schema
 * (StarterKit) is the server's too (apps/api/src/concepts/collab/editor-schema.ts).
 */
export default function SectionEditor({ sync, docId, title, label, readOnly, full = false }: Props) {
  const { t } = useTranslation();
  const section = sync.doc(docId);
  const others = useOthers(section.awareness);
  const editor = useEditor(
    {
      editable: !readOnly,
      // The page's content security policy allows no inline styles: the editor's styles are in styles.css.
      injectCSS: false,
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: section.doc, field: 'default' }),
        Carets.configure({ awareness: section.awareness }),
      ],
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          class: 'section-editor',
          lang: 'de',
        },
      },
    },
    [section],
  );
  useEffect(() => () => sync.release(docId), [sync, docId]);
  useEffect(() => editor?.setEditable(!readOnly), [editor, readOnly]);
  return (
    <div>
      {editor && !readOnly && <Toolbar editor={editor} title={title} />}
      <EditorContent editor={editor} />
      {full && (
        <Text size="sm" c="red.9" mt={4} role="alert">
          {t('concepts.collab.full')}
        </Text>
      )}
      {others.length > 0 && (
        <Group gap={6} mt={4}>
          <Text size="sm" c="gray.7">
            {t('concepts.writingHere', { names: others.join(', ') })}
          </Text>
        </Group>
      )}
    </div>
  );
}

/** The names of the others whose cursor is in this section now. */
function useOthers(awareness: Awareness) {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    const update = () =>
      setNames(
        [...awareness.getStates().entries()]
          .filter(([client, state]) => client !== awareness.clientID && (state as { cursor?: unknown }).cursor)
          .map(([, state]) => (state as { user?: { name?: string } }).user?.name)
          .filter((n): n is string => Boolean(n)),
      );
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);
  return [...new Set(names)];
}
