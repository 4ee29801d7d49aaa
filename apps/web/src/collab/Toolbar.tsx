import { Button, Group } from '@mantine/core';
import { type Editor, useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';

/**
 * The few formats a concept needs. Undo and redo are the shared editor's own (only one's own changes are undone);
 * the keyboard shortcuts of the editor work as well.
 */
export function Toolbar({ editor, title }: { editor: Editor; title: string }) {
  const { t } = useTranslation();
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      heading: e.isActive('heading', { level: 3 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
    }),
  });
  const chain = () => editor.chain().focus();
  const tools = [
    { key: 'bold', run: () => chain().toggleBold().run() },
    { key: 'italic', run: () => chain().toggleItalic().run() },
    { key: 'heading', run: () => chain().toggleHeading({ level: 3 }).run() },
    { key: 'bulletList', run: () => chain().toggleBulletList().run() },
    { key: 'orderedList', run: () => chain().toggleOrderedList().run() },
  ] as const;
  return (
    <Group gap={4} mb={4} role="toolbar" aria-label={t('concepts.format.toolbar', { title })}>
      {tools.map((tool) => (
        <Button key={tool.key} size="compact-sm" variant={active[tool.key] ? 'filled' : 'default'} aria-pressed={active[tool.key]} onClick={tool.run}>
          {t(`concepts.format.${tool.key}`)}
        </Button>
      ))}
      <Button size="compact-sm" variant="default" onClick={() => chain().undo().run()}>
        {t('concepts.format.undo')}
      </Button>
      <Button size="compact-sm" variant="default" onClick={() => chain().redo().run()}>
        {t('concepts.format.redo')}
      </Button>
    </Group>
  );
}
