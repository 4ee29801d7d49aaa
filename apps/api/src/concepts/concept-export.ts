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

export const MEASURE_STATUS: Record<string, string> = { PLANNED: 'geplant', RUNNING: 'läuft', DONE: 'abgeschlossen', PAUSED: 'pausiert' };
export const germanDate = (d: Date) => d.toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' });

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

/** "Version 2 vom 01.12.2026", or the working state of today for drafters. */
export function stateLine(concept: ExportedConcept): string {
  return concept.version ? `Version ${concept.version.number} vom ${germanDate(concept.version.publishedAt)}` : `Arbeitsstand vom ${germanDate(new Date())}`;
}

export const MEASURE_COLUMNS = ['Maßnahme', 'Verantwortlich', 'Partner', 'Zeitraum', 'Indikator', 'Stand'];

export function measureRow(m: SectionSnapshot['measures'][number]): string[] {
  return [m.title, m.responsible, m.partners, m.timeline, m.indicator, MEASURE_STATUS[m.status] ?? m.status];
}
