import { createRequire } from 'node:module';
import path from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { attribution, type ExportedConcept, MEASURE_COLUMNS, measureRow, stateLine } from './concept-export.js';

const require = createRequire(import.meta.url);
/** pdfmake's server build; fonts from its own package (Roboto covers German), no network access. */
const pdfmake = require('pdfmake') as {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
};
const fonts = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: path.join(fonts, 'Roboto-Regular.ttf'),
    bold: path.join(fonts, 'Roboto-Medium.ttf'),
    italics: path.join(fonts, 'Roboto-Italic.ttf'),
    bolditalics: path.join(fonts, 'Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);

/** The same content as the Word export, as a PDF to attach to a council resolution or to print. */
export async function conceptPdf(concept: ExportedConcept): Promise<Buffer> {
  const body: Content[] = [
    { text: concept.title, style: 'title' },
    { text: `${concept.owner} · ${stateLine(concept)}`, italics: true, margin: [0, 0, 0, 8] },
    ...(concept.summary ? [{ text: concept.summary, margin: [0, 0, 0, 8] } as Content] : []),
    ...concept.sections.flatMap((s): Content[] => [
      { text: s.title, style: 'heading', tocItem: true },
      ...s.text
        .split('\n')
        .filter((line) => line.trim())
        .map((line): Content => ({ text: line, margin: [0, 0, 0, 6] })),
      ...(s.measures.length
        ? [
            {
              table: {
                headerRows: 1,
                widths: ['*', 'auto', 'auto', 'auto', '*', 'auto'],
                body: [MEASURE_COLUMNS.map((h) => ({ text: h, bold: true })), ...s.measures.map(measureRow)],
              },
              fontSize: 9,
              margin: [0, 4, 0, 8],
            } as Content,
          ]
        : []),
    ]),
    { text: 'Quellen und Lizenz', style: 'heading' },
    ...attribution(concept).map((line): Content => ({ text: line, fontSize: 9, margin: [0, 0, 0, 4] })),
  ];
  return pdfmake
    .createPdf({
      info: { title: concept.title, author: concept.owner, creator: 'Verbund' },
      language: 'de-DE',
      pageSize: 'A4',
      pageMargins: [56, 56, 56, 64],
      footer: (page, pages) => ({ text: `${page} / ${pages}`, alignment: 'center', fontSize: 8, margin: [0, 24, 0, 0] }),
      content: body,
      styles: { title: { fontSize: 20, bold: true, margin: [0, 0, 0, 6] }, heading: { fontSize: 14, bold: true, margin: [0, 12, 0, 6] } },
      defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.25 },
    })
    .getBuffer();
}
