import JSZip from 'jszip';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { docxWith, pdfWith } from '../../../test/support/documents.js';
import { extractText } from './text-extraction.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A DOCX of a few hundred kB whose document.xml unpacks to `megabytes` MB. */
async function docxBomb(megabytes: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await docxWith('x'));
  const body = `<w:p><w:r><w:t>${'Sprachkurs '.repeat(Math.ceil((megabytes * 1024 * 1024) / 11))}</w:t></w:r></w:p>`;
  const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<w:body>/, `<w:body>${body}`);
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

describe('text extraction in a worker', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-extract-'));
  const write = (name: string, data: Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, data);
    return file;
  };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the text of PDF and DOCX files', async () => {
    expect(await extractText(write('a.pdf', await pdfWith('Willkommenslotsen im Landkreis')), 'application/pdf')).toContain('Willkommenslotsen');
    expect(await extractText(write('a.docx', await docxWith('Elternbrief in Leichter Sprache')), DOCX)).toBe('Elternbrief in Leichter Sprache');
  });

  it('a file that unpacks beyond the memory limit is refused, and the process lives on', async () => {
    const bomb = write('bomb.docx', await docxBomb(60));
    expect(fs.statSync(bomb).size).toBeLessThan(2 * 1024 * 1024);
    await expect(extractText(bomb, DOCX, { timeMs: 30_000, memoryMb: 24 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await extractText(write('b.docx', await docxWith('Danach geht es weiter')), DOCX)).toBe('Danach geht es weiter');
  });

  it('a file that takes too long is refused', async () => {
    const slow = write('slow.docx', await docxBomb(20));
    await expect(extractText(slow, DOCX, { timeMs: 1, memoryMb: 384 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
