// Runs as a child process with its own heap limit (see text-extraction.ts): a crafted PDF or a DOCX that
// unpacks to gigabytes can only kill this process, never the API. (A worker thread is not enough: one huge
// allocation can take the whole process down.) Plain JS: it is started by Node, outside the TypeScript toolchain.
import fs from 'node:fs';
import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function extract({ file, mimeType, maxPages }) {
  const data = await fs.promises.readFile(file);
  if (mimeType === 'application/pdf') {
    const parser = new PDFParse({ data: new Uint8Array(data) });
    try {
      return (await parser.getText({ first: maxPages })).text.replace(/^-- \d+ of \d+ --$/gm, '');
    } finally {
      await parser.destroy();
    }
  }
  if (mimeType === DOCX) return (await mammoth.extractRawText({ buffer: data })).value;
  return '';
}

process.once('message', (job) => {
  extract(job).then(
    // The caller keeps at most 500,000 characters; no need to send more.
    (text) => process.send({ text: text.slice(0, 1_000_000) }, () => process.exit(0)),
    (error) => process.send({ error: String(error?.message ?? error) }, () => process.exit(0)),
  );
});
