import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';
import { badUserInput } from '../../core/errors/app-error.js';

/** Enough for search and snippets; a 300-page report does not need all its text indexed. */
export const MAX_TEXT = 500_000;
const MAX_PDF_PAGES = 300;

/** The searchable text of a PDF or DOCX; other accepted types (images, spreadsheets, slides) have none. */
export async function extractText(data: Buffer, mimeType: string): Promise<string> {
  try {
    if (mimeType === 'application/pdf') {
      const parser = new PDFParse({ data: new Uint8Array(data) });
      try {
        const result = await parser.getText({ first: MAX_PDF_PAGES });
        return clean(result.text.replace(/^-- \d+ of \d+ --$/gm, ''));
      } finally {
        await parser.destroy();
      }
    }
    if (mimeType === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') {
      return clean((await mammoth.extractRawText({ buffer: data })).value);
    }
    return '';
  } catch {
    throw badUserInput('Die Datei ist beschädigt oder verschlüsselt: ihr Text lässt sich nicht lesen.', { field: 'file' });
  }
}

const clean = (text: string) => text.replaceAll(String.fromCharCode(0), '').replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim().slice(0, MAX_TEXT);
