import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

/**
 * The document schema of the shared editor: the web app's editor uses the same StarterKit, so what the server
 * writes into a section (demo data, "take upstream") is what the browser can show. The field is tiptap's default.
 */
export const EDITOR_SCHEMA = getSchema([StarterKit]);
export const EDITOR_FIELD = 'default';
