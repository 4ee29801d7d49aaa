import JSZip from 'jszip';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { docxZipBomb, pdfFlateBomb } from '../../../test/support/bombs.js';
import { docxWith, pdfWith } from '../../../test/support/documents.js';
import { DEFAULT_EXTRACTION_LIMITS, extractText } from './text-extraction.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A DOCX of a few hundred kB whose document.xml unpacks to `megabytes` MB. */
async function docxBomb(megabytes: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await docxWith('x'));
  const body = `<w:p><w:r><w:t>${'Sprachkurs '.repeat(Math.ceil((megabytes * 1024 * 1024) / 11))}</w:t></w:r></w:p>`;
  const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<w:body>/, `<w:body>${body}`);
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** The pid of this process's child whose command line names `script`, once it has exec'd into node. */
async function childRunning(script: string): Promise<number> {
  for (let i = 0; i < 500; i++) {
    const tasks = fs.readdirSync(`/proc/${process.pid}/task`);
    const pids = tasks.flatMap((task) => fs.readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
    const found = pids.find((pid) => {
      try {
        // The shell that sets the limit names the script too; only once it has exec'd is the process node.
        const [program, ...args] = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return program === process.execPath && args.some((a) => a.includes(script));
      } catch {
        return false;
      }
    });
    if (found) return Number(found);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no child running ${script}`);
}

describe('text extraction in a child process', () => {
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

  it('a file that unpacks beyond the heap limit is refused, and the process lives on', async () => {
    const bomb = write('bomb.docx', await docxBomb(60));
    expect(fs.statSync(bomb).size).toBeLessThan(2 * 1024 * 1024);
    await expect(extractText(bomb, DOCX, { ...DEFAULT_EXTRACTION_LIMITS, heapMb: 24 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { reason: 'memory' },
    });
    expect(await extractText(write('b.docx', await docxWith('Danach geht es weiter')), DOCX)).toBe('Danach geht es weiter');
  });

  it('a file that takes too long is refused, distinguishably from one that is too big', async () => {
    const slow = write('slow.docx', await docxBomb(20));
    await expect(extractText(slow, DOCX, { ...DEFAULT_EXTRACTION_LIMITS, timeMs: 1 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { reason: 'timeout' },
    });
  });

  describe('deflate bombs against the address-space limit', () => {
    const rssMb = () => process.memoryUsage().rss / 1024 / 1024;

    it.each([
      ['a DOCX zip bomb (2 GB of XML in 2 MB)', 'zip.docx', () => docxZipBomb(2048), DOCX],
      ['a PDF with a 2 GB flate stream', 'flate.pdf', () => Promise.resolve(pdfFlateBomb(2048)), 'application/pdf'],
    ])('%s is refused or text-less, and the API process stays small', async (_name, fileName, make, mimeType) => {
      const file = write(fileName, await make());
      expect(fs.statSync(file).size).toBeLessThan(4 * 1024 * 1024);
      const before = rssMb();
      const outcome = await extractText(file, mimeType).then(
        (text) => ({ text }),
        (error: { details?: { reason?: string } }) => ({ reason: error.details?.reason }),
      );
      expect([{ text: '' }, { reason: 'memory' }]).toContainEqual(outcome);
      expect(rssMb() - before).toBeLessThan(100);
      expect(await extractText(write('after.pdf', await pdfWith('Weiter geht es')), 'application/pdf')).toContain('Weiter geht es');
    });

    it('runs the child under an address-space limit, with none of the API secrets in its environment', async () => {
      const file = write('observed.pdf', pdfFlateBomb(2048));
      process.env.DATABASE_URL = 'postgresql://geheim:nicht-weitergeben@db/verbund';
      process.env.S3_SECRET_ACCESS_KEY = 'nicht-weitergeben';
      try {
        const running = extractText(file, 'application/pdf').catch(() => '');
        const child = await childRunning('text-extraction.child.js');
        const limits = fs.readFileSync(`/proc/${child}/limits`, 'utf8');
        const addressSpace = /^Max address space\s+(\d+)/m.exec(limits)?.[1];
        expect(Number(addressSpace)).toBe(DEFAULT_EXTRACTION_LIMITS.addressSpaceMb * 1024 * 1024);
        const environ = fs.readFileSync(`/proc/${child}/environ`, 'utf8');
        expect(environ).not.toContain('nicht-weitergeben');
        expect(environ).not.toContain('DATABASE_URL');
        await running;
      } finally {
        delete process.env.DATABASE_URL;
        delete process.env.S3_SECRET_ACCESS_KEY;
      }
    });
  });
});
