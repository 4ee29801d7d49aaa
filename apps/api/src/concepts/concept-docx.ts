import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { attribution, type ExportedConcept, MEASURE_COLUMNS, measureRow, stateLine } from './concept-export.js';
import type { SectionSnapshot } from './section-content.js';

function measuresTable(section: SectionSnapshot): Table {
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: MEASURE_COLUMNS.map((h) => cell(h, true)) }),
      ...section.measures.map((m) => new TableRow({ children: measureRow(m).map((v) => cell(v)) })),
    ],
  });
}

/** A Word document for a council resolution (Beschlussvorlage): title, version, sections, measures, attribution. */
export async function conceptDocx(concept: ExportedConcept): Promise<Buffer> {
  const state = stateLine(concept);
  const doc = new Document({
    creator: 'Verbund',
    title: concept.title,
    description: concept.summary,
    sections: [
      {
        children: [
          new Paragraph({ text: concept.title, heading: HeadingLevel.TITLE }),
          new Paragraph({ children: [new TextRun({ text: `${concept.owner} · ${state}`, italics: true })] }),
          ...(concept.summary ? [new Paragraph({ text: concept.summary })] : []),
          ...concept.sections.flatMap((s) => [
            new Paragraph({ text: s.title, heading: HeadingLevel.HEADING_1 }),
            ...s.text
              .split('\n')
              .filter((line) => line.trim())
              .map((line) => new Paragraph({ text: line })),
            ...(s.measures.length ? [measuresTable(s)] : []),
          ]),
          new Paragraph({ text: 'Quellen und Lizenz', heading: HeadingLevel.HEADING_1 }),
          ...attribution(concept).map((line) => new Paragraph({ text: line, alignment: AlignmentType.LEFT })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
