import type { Prisma } from '../generated/prisma/client.js';
import type { MaterialLicence, Topic } from '../core/catalogue/catalogue.enums.js';
import { person } from '../groups/group.mapper.js';
import { toMunicipality } from '../municipalities/municipality.mapper.js';
import type { SectionSnapshot } from './section-content.js';
import { type Concept, type ConceptSection, ConceptStatus, MeasureStatus } from './models/concept.model.js';

export const SECTION_INCLUDE = { measures: { orderBy: { position: 'asc' } } } as const satisfies Prisma.ConceptSectionInclude;

/**
 * What a concept is shown with, in a list as on its page: no section texts, of no version. Its sections are a field
 * of their own (`ConceptsService.sectionsOf`), loaded only where a query asks for them.
 */
export const CONCEPT_INCLUDE = {
  group: { select: { id: true, name: true } },
  organization: { include: { locatedIn: true } },
  versions: { orderBy: { number: 'desc' }, omit: { sections: true }, include: { publishedBy: { select: { id: true, name: true } } } },
  upstreamConcept: { select: { id: true, title: true, versions: { select: { number: true, title: true }, orderBy: { number: 'desc' }, take: 1 } } },
  adaptedFromVersion: { select: { number: true } },
  _count: { select: { adaptations: true } },
} as const satisfies Prisma.ConceptInclude;

export type ConceptRow = Prisma.ConceptGetPayload<{ include: typeof CONCEPT_INCLUDE }>;
export type SectionRow = Prisma.ConceptSectionGetPayload<{ include: typeof SECTION_INCLUDE }>;

/** A working section in the form a published version keeps. */
export function snapshotOf(section: SectionRow): SectionSnapshot {
  return {
    id: section.id,
    position: section.position,
    title: section.title,
    content: section.content as unknown as SectionSnapshot['content'],
    text: section.text,
    measures: section.measures.map((m) => ({
      id: m.id,
      title: m.title,
      responsible: m.responsible,
      partners: m.partners,
      timeline: m.timeline,
      indicator: m.indicator,
      status: m.status,
    })),
  };
}

export function toSection(s: SectionSnapshot, upstreamSectionId: string | null): ConceptSection {
  return {
    id: s.id,
    position: s.position,
    title: s.title,
    content: JSON.stringify(s.content),
    text: s.text,
    upstreamSectionId,
    measures: s.measures.map((m) => ({ ...m, status: MeasureStatus[m.status as MeasureStatus] })),
  };
}

/** Drafters see the working state; everyone else the latest published version. */
export function toConcept(row: ConceptRow, editable: boolean, pendingSections: number): Concept {
  const latest = row.versions[0];
  return {
    id: row.id,
    title: editable ? row.title : (latest?.title ?? row.title),
    summary: editable ? row.summary : (latest?.summary ?? row.summary),
    topics: row.topics as Topic[],
    licence: (editable ? row.licence : (latest?.licence ?? row.licence)) as MaterialLicence,
    status: ConceptStatus[row.status],
    editable,
    group: row.group,
    organization: row.organization
      ? { id: row.organization.id, name: row.organization.name, kind: row.organization.kind, municipality: toMunicipality(row.organization.locatedIn) }
      : null,
    showingVersion: editable ? null : (latest?.number ?? null),
    versions: row.versions.map((v) => ({
      id: v.id,
      number: v.number,
      note: v.note,
      licence: v.licence as MaterialLicence,
      publishedAt: v.publishedAt,
      publishedBy: v.publishedBy ? person(v.publishedBy) : null,
    })),
    upstream: row.upstreamConcept
      ? {
          concept: { id: row.upstreamConcept.id, title: row.upstreamConcept.versions[0]?.title ?? row.upstreamConcept.title },
          adaptedFromVersion: row.adaptedFromVersion?.number ?? 0,
          latestVersion: row.upstreamConcept.versions[0]?.number ?? 0,
          pendingSections,
        }
      : null,
    adaptationCount: row._count.adaptations,
    updatedAt: row.updatedAt,
  };
}
