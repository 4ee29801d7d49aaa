import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { badUserInput } from '../../core/errors/app-error.js';

/** Enough for search and snippets; a 300-page report does not need all its text indexed. */
export const MAX_TEXT = 500_000;
const MAX_PDF_PAGES = 300;
const TIME_LIMIT_MS = 30_000;
const MEMORY_LIMIT_MB = 384;
const WITH_TEXT = new Set(['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);

const unreadable = () => badUserInput('Die Datei ist beschädigt, verschlüsselt oder zu aufwendig: ihr Text lässt sich nicht lesen.', { field: 'file' });

/**
 * The searchable text of a PDF or DOCX (other accepted types have none), read in a child process with a heap
 * and a time limit, so that a hostile file costs at most that process.
 */
export async function extractText(file: string, mimeType: string, limits = { timeMs: TIME_LIMIT_MS, memoryMb: MEMORY_LIMIT_MB }): Promise<string> {
  if (!WITH_TEXT.has(mimeType)) return '';
  const child = fork(fileURLToPath(new URL('./text-extraction.child.js', import.meta.url)), [], {
    execArgv: [`--max-old-space-size=${limits.memoryMb}`],
    // Without the parent's flags (e.g. Jest's), and without its output.
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  try {
    const result = await new Promise<{ text?: string; error?: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(unreadable()), limits.timeMs);
      const fail = () => {
        clearTimeout(timer);
        reject(unreadable());
      };
      child.once('message', (message: { text?: string; error?: string }) => {
        clearTimeout(timer);
        resolve(message);
      });
      child.once('error', fail);
      child.once('exit', fail);
      child.send({ file, mimeType, maxPages: MAX_PDF_PAGES });
    });
    if (result.error !== undefined) throw unreadable();
    return clean(result.text ?? '');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

const clean = (text: string) => text.replaceAll(String.fromCharCode(0), '').replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim().slice(0, MAX_TEXT);
