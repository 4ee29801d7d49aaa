import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { MATERIAL_LICENCE_LABELS } from './concept-outline.js';
import type { SectionSnapshot } from './section-content.js';

export interface ExportedConcept {
  title: string;
  summary: string;
  owner: string;
  licence: string;
  /** The published version exported, or null for the working state. */
  version: { number: number; publishedAt: Date } | null;
  sections: SectionSnapshot[];
  /** For an adaptation: whose concept it rests on, under which licence. */
  upstream: { title: string; owner: string; version: number; licence: string; url: string } | null;
  url: string;
}

const STATUS: Record<string, string> = { PLANNED: 'geplant', RUNNING: 'läuft', DONE: 'abgeschlossen', PAUSED: 'pausiert' };
const date = (d: Date) => d.toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' });

/** The attribution every export carries: the licence, and for an adaptation the upstream it rests on (CC BY requires it). */
export function attribution(concept: ExportedConcept): string[] {
  const lines = [`„${concept.title}“ von ${concept.owner}, Lizenz: ${MATERIAL_LICENCE_LABELS[concept.licence] ?? concept.licence}. Quelle: ${concept.url}`];
  if (concept.upstream) {
    lines.push(
      `Beruht auf „${concept.upstream.title}“ von ${concept.upstream.owner}, Version ${concept.upstream.version}, Lizenz: ${
        MATERIAL_LICENCE_LABELS[concept.upstream.licence] ?? concept.upstream.licence
      }, ${concept.upstream.url}. Für die eigene Kommune angepasst.`,
    );
  }
  return lines;
}

function measuresTable(section: SectionSnapshot): Table {
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: ['Maßnahme', 'Verantwortlich', 'Partner', 'Zeitraum', 'Indikator', 'Stand'].map((h) => cell(h, true)) }),
      ...section.measures.map(
        (m) => new TableRow({ children: [m.title, m.responsible, m.partners, m.timeline, m.indicator, STATUS[m.status] ?? m.status].map((v) => cell(v)) }),
      ),
    ],
  });
}

/** A Word document for a council resolution (Beschlussvorlage): title, version, sections, measures, attribution. */
export async function conceptDocx(concept: ExportedConcept): Promise<Buffer> {
  const state = concept.version ? `Version ${concept.version.number} vom ${date(concept.version.publishedAt)}` : `Arbeitsstand vom ${date(new Date())}`;
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
