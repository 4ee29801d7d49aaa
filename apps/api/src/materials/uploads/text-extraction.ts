import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { badUserInput } from '../../core/errors/app-error.js';

/** Enough for search and snippets; a 300-page report does not need all its text indexed. */
export const MAX_TEXT = 500_000;
const MAX_PDF_PAGES = 300;
const WITH_TEXT = new Set(['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);

export interface ExtractionLimits {
  timeMs: number;
  /** The child's JavaScript heap. */
  heapMb: number;
  /**
   * The child's whole address space (RLIMIT_AS): typed arrays, which pdf.js and the unzip of a DOCX decode
   * into, live outside the heap. Node alone reserves about 1.2 GB of it; what is above that is for the file.
   */
  addressSpaceMb: number;
}

export const DEFAULT_EXTRACTION_LIMITS: ExtractionLimits = { timeMs: 30_000, heapMb: 256, addressSpaceMb: 1536 };

export type ExtractionFailure = 'timeout' | 'memory' | 'unreadable';

const MESSAGES: Record<ExtractionFailure, string> = {
  timeout: 'Der Text der Datei lässt sich nicht in angemessener Zeit lesen. Bitte laden Sie eine kleinere oder einfachere Datei hoch.',
  memory: 'Die Datei entpackt sich zu einer zu großen Datenmenge; ihr Text lässt sich nicht lesen.',
  unreadable: 'Die Datei ist beschädigt oder verschlüsselt: ihr Text lässt sich nicht lesen.',
};

const refused = (reason: ExtractionFailure) => badUserInput(MESSAGES[reason], { field: 'file', reason });

const CHILD = fileURLToPath(new URL('./text-extraction.child.js', import.meta.url));
const OUT_OF_MEMORY = /allocation failed|out of memory|invalid (array|string|typed array) length|Cannot create a string longer/i;

/**
 * The searchable text of a PDF or DOCX (other accepted types have none), read in a child process limited in
 * time, heap and address space, with no secrets in its environment: a hostile file costs at most that process.
 */
export async function extractText(file: string, mimeType: string, limits: ExtractionLimits = DEFAULT_EXTRACTION_LIMITS): Promise<string> {
  if (!WITH_TEXT.has(mimeType)) return '';
  // `ulimit -v` (kB) sets RLIMIT_AS for the shell, which then becomes node: portable, no extra package.
  const child = spawn(
    '/bin/sh',
    [
      '-c',
      'ulimit -v "$1" && exec "$2" "$3" "$4"',
      'sh',
      String(limits.addressSpaceMb * 1024),
      process.execPath,
      `--max-old-space-size=${limits.heapMb}`,
      CHILD,
    ],
    { env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, stdio: ['ignore', 'ignore', 'ignore', 'ipc'] },
  );
  try {
    const result = await new Promise<{ text?: string; error?: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(refused('timeout')), limits.timeMs);
      const crashed = () => {
        clearTimeout(timer);
        // Killed by the address-space limit (V8 aborts when it cannot allocate) or by a hard crash.
        reject(refused('memory'));
      };
      child.once('message', (message: { text?: string; error?: string }) => {
        clearTimeout(timer);
        resolve(message);
      });
      child.once('error', crashed);
      child.once('exit', crashed);
      child.send({ file, mimeType, maxPages: MAX_PDF_PAGES });
    });
    if (result.error !== undefined) throw refused(OUT_OF_MEMORY.test(result.error) ? 'memory' : 'unreadable');
    return clean(result.text ?? '');
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

const clean = (text: string) =>
  text
    .replaceAll(String.fromCharCode(0), '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .slice(0, MAX_TEXT);
