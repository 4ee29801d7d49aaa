import { Injectable } from '@nestjs/common';
import type { Prisma, User } from '../generated/prisma/client.js';
import { ViewerScopeService, type ViewerScope } from '../core/access/viewer-scope.service.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { badUserInput, forbidden, notFound } from '../core/errors/app-error.js';
import { RealtimeService } from '../core/realtime/realtime.service.js';
import { isUuid } from '../core/validation/ids.js';
import { groupIn, organizationIn } from '../municipalities/urbanisation-where.js';
import { canEdit, editableConcepts, titleOrSummaryContains, visibleConcepts } from './concept-access.js';
import { ConceptCollab } from './collab/concept-collab.service.js';
import { ConceptDrafting, GONE } from './concept-drafting.js';
import { STANDARD_OUTLINE } from './concept-outline.js';
import { CONCEPT_INCLUDE, type ConceptRow, SECTION_INCLUDE, snapshotOf, toConcept, toSection } from './concept.mapper.js';
import type {
  AddConceptMeasureInput,
  AddConceptSectionInput,
  ConceptsFilter,
  CreateConceptInput,
  MeasureFields,
  MoveConceptSectionInput,
  UpdateConceptInput,
} from './dto/concept.inputs.js';
import { type Concept, ConceptOutline, type ConceptPage, type ConceptSection } from './models/concept.model.js';
import { EMPTY_DOC, type SectionSnapshot, validDoc } from './section-content.js';
import { UpstreamService } from './upstream.service.js';
import type { Urbanisation } from '../municipalities/models/municipality.model.js';

const MAX_SECTIONS = 60;
const MAX_MEASURES = 100;
const text = (value: string | null | undefined, field: string, min: number, max: number): string => {
  const v = (value ?? '').trim();
  if (v.length < min || v.length > max) throw badUserInput(min ? `${min} bis ${max} Zeichen.` : `Höchstens ${max} Zeichen.`, { field, limit: max });
  return v;
};

/** Concepts and their structure (sections, measures); versions and adaptations are in UpstreamService. */
@Injectable()
export class ConceptsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly scopes: ViewerScopeService,
    private readonly upstream: UpstreamService,
    private readonly drafting: ConceptDrafting,
    private readonly collab: ConceptCollab,
    realtime: RealtimeService,
  ) {
    // The live room of a concept (drafting together) is for those who draft it.
    realtime.registerRoom('concept', async (userId, conceptId) => {
      const user = await prisma.user.findUnique({ where: { id: userId } });
      if (!user) return false;
      const scope = await this.scopes.of(user);
      return (await prisma.concept.count({ where: { AND: [{ id: conceptId }, editableConcepts(scope)] } })) > 0;
    });
  }

  async create(user: User, input: CreateConceptInput): Promise<Concept> {
    const scope = await this.scopes.requireConfirmed(user);
    const title = text(input.title, 'title', 3, 200);
    const summary = text(input.summary, 'summary', 0, 2000);
    const topics = [...new Set(input.topics)];
    if (!topics.length) throw badUserInput('Bitte wählen Sie mindestens ein Thema.', { field: 'topics' });
    if (Boolean(input.groupId) === Boolean(input.organizationId)) {
      throw badUserInput('Bitte wählen Sie entweder eine Arbeitsgruppe oder eine Organisation als Trägerin.', { field: 'groupId' });
    }
    if (input.groupId && (!isUuid(input.groupId) || !scope.activeGroupIds.includes(input.groupId))) {
      throw forbidden('Ein Konzept einer Arbeitsgruppe legen ihre Mitglieder an.');
    }
    if (input.organizationId && (!isUuid(input.organizationId) || !scope.organizationIds.includes(input.organizationId))) {
      throw forbidden('Sie können nur für eine Organisation schreiben, der Sie bestätigt angehören.');
    }
    const outline = (input.outline ?? ConceptOutline.STANDARD) === ConceptOutline.STANDARD ? STANDARD_OUTLINE : [];
    const concept = await this.prisma.concept.create({
      data: {
        title,
        summary,
        topics,
        licence: input.licence ?? 'CC_BY_4_0',
        groupId: input.groupId ?? null,
        organizationId: input.organizationId ?? null,
        createdById: user.id,
        sections: { create: outline.map((title, position) => ({ title, position, content: EMPTY_DOC as unknown as Prisma.InputJsonObject })) },
      },
    });
    return this.get(user, concept.id);
  }

  async get(user: User, id: string): Promise<Concept> {
    const scope = await this.scopes.requireConfirmed(user);
    const row = isUuid(id) ? await this.prisma.concept.findFirst({ where: { AND: [{ id }, visibleConcepts(scope)] }, include: CONCEPT_INCLUDE }) : null;
    if (!row) throw notFound(GONE);
    return this.present(scope, row);
  }

  async present(scope: ViewerScope, row: ConceptRow): Promise<Concept> {
    const editable = canEdit(scope, row);
    const pending = editable && row.upstreamConceptId ? await this.upstream.pendingCount(row.id) : 0;
    return toConcept(row, editable, pending);
  }

  /** What a presented concept shows: the working sections to its drafters, the shown version's to everyone else. */
  async sectionsOf(concept: Pick<Concept, 'id' | 'editable' | 'showingVersion'>): Promise<ConceptSection[]> {
    if (concept.editable) {
      const rows = await this.prisma.conceptSection.findMany({
        where: { conceptId: concept.id, removedAt: null },
        orderBy: { position: 'asc' },
        include: SECTION_INCLUDE,
      });
      return rows.map((s) => toSection(snapshotOf(s), s.upstreamSectionId));
    }
    if (concept.showingVersion === null) return [];
    const version = await this.prisma.conceptVersion.findUnique({
      where: { conceptId_number: { conceptId: concept.id, number: concept.showingVersion } },
      select: { sections: true },
    });
    return ((version?.sections ?? []) as unknown as SectionSnapshot[]).map((s) => toSection(s, null));
  }

  /** The sections of one published version, for anyone who sees the concept (history, side by side). */
  async versionSections(user: User, conceptId: string, number: number): Promise<ConceptSection[]> {
    const scope = await this.scopes.requireConfirmed(user);
    const version =
      isUuid(conceptId) && Number.isInteger(number)
        ? await this.prisma.conceptVersion.findFirst({ where: { number, concept: { AND: [{ id: conceptId }, visibleConcepts(scope)] } } })
        : null;
    if (!version) throw notFound('Diese Version gibt es nicht.');
    return (version.sections as unknown as SectionSnapshot[]).map((s) => toSection(s, null));
  }

  async list(user: User, search: string | null | undefined, filter: ConceptsFilter | null | undefined, first: number, offset: number): Promise<ConceptPage> {
    const scope = await this.scopes.requireConfirmed(user);
    if (first < 1 || first > 100 || offset < 0) throw badUserInput('first: 1 bis 100, offset ab 0.', { field: 'first', limit: 100 });
    const words = (search ?? '').trim();
    const where: Prisma.ConceptWhereInput = {
      AND: [
        filter?.mine ? editableConcepts(scope) : visibleConcepts(scope),
        ...(filter?.topics?.length ? [{ topics: { hasSome: filter.topics } }] : []),
        ...(filter?.status ? [{ status: filter.status }] : []),
        ...(filter?.urbanisation?.length ? [fromPlaces(filter.urbanisation)] : []),
        ...(words ? [titleOrSummaryContains(scope, words)] : []),
      ],
    };
    const [rows, totalCount] = await Promise.all([
      this.prisma.concept.findMany({ where, include: CONCEPT_INCLUDE, orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }], take: first, skip: offset }),
      this.prisma.concept.count({ where }),
    ]);
    return { nodes: await Promise.all(rows.map((row) => this.present(scope, row))), totalCount };
  }

  async update(user: User, input: UpdateConceptInput): Promise<Concept> {
    await this.drafting.asDrafter(user, input.conceptId, async (tx, concept) => {
      const current = await tx.concept.findUniqueOrThrow({ where: { id: concept.id }, include: { _count: { select: { versions: true } } } });
      if (input.status === 'DRAFT' && current._count.versions > 0)
        throw badUserInput('Ein veröffentlichtes Konzept bleibt veröffentlicht.', { field: 'status' });
      if (input.status === 'PUBLISHED' && current._count.versions === 0) throw badUserInput('Veröffentlichen Sie es mit einer Notiz.', { field: 'status' });
      if (input.topics && input.topics.length === 0) throw badUserInput('Bitte wählen Sie mindestens ein Thema.', { field: 'topics' });
      await tx.concept.update({
        where: { id: concept.id },
        data: {
          ...(input.title != null ? { title: text(input.title, 'title', 3, 200) } : {}),
          ...(input.summary != null ? { summary: text(input.summary, 'summary', 0, 2000) } : {}),
          ...(input.topics ? { topics: [...new Set(input.topics)] } : {}),
          ...(input.licence ? { licence: input.licence } : {}),
          ...(input.status ? { status: input.status } : {}),
        },
      });
    });
    return this.get(user, input.conceptId);
  }

  async addSection(user: User, input: AddConceptSectionInput): Promise<Concept> {
    const title = text(input.title, 'title', 1, 200);
    await this.drafting.asDrafter(user, input.conceptId, async (tx, concept) => {
      const ids = await this.order(tx, concept.id);
      if (ids.length >= MAX_SECTIONS) throw badUserInput(`Höchstens ${MAX_SECTIONS} Abschnitte.`, { field: 'title', limit: MAX_SECTIONS });
      const at = Math.min(Math.max(input.position ?? ids.length, 0), ids.length);
      const created = await tx.conceptSection.create({
        data: { conceptId: concept.id, title, position: at, content: EMPTY_DOC as unknown as Prisma.InputJsonObject },
      });
      await this.renumber(tx, [...ids.slice(0, at), created.id, ...ids.slice(at)]);
    });
    return this.get(user, input.conceptId);
  }

  async renameSection(user: User, conceptId: string, sectionId: string, title: string): Promise<Concept> {
    const name = text(title, 'title', 1, 200);
    await this.drafting.asDrafter(user, conceptId, async (tx, concept) => {
      await this.section(tx, concept.id, sectionId);
      await tx.conceptSection.update({ where: { id: sectionId }, data: { title: name } });
    });
    return this.get(user, conceptId);
  }

  async moveSection(user: User, input: MoveConceptSectionInput): Promise<Concept> {
    await this.drafting.asDrafter(user, input.conceptId, async (tx, concept) => {
      await this.section(tx, concept.id, input.sectionId);
      const ids = (await this.order(tx, concept.id)).filter((id) => id !== input.sectionId);
      const at = Math.min(Math.max(input.position, 0), ids.length);
      await this.renumber(tx, [...ids.slice(0, at), input.sectionId, ...ids.slice(at)]);
    });
    return this.get(user, input.conceptId);
  }

  /** The row stays (`removedAt`): published versions and adaptations still refer to its id. */
  async removeSection(user: User, conceptId: string, sectionId: string): Promise<Concept> {
    await this.drafting.asDrafter(user, conceptId, async (tx, concept) => {
      await this.section(tx, concept.id, sectionId);
      await tx.conceptSection.update({ where: { id: sectionId }, data: { removedAt: new Date() } });
      await this.renumber(tx, await this.order(tx, concept.id));
    });
    return this.get(user, conceptId);
  }

  /** The text of a section, from the shared editor (or the demo data): ProseMirror JSON and its plain text. */
  async setSectionContent(tx: Prisma.TransactionClient, conceptId: string, sectionId: string, content: unknown): Promise<void> {
    if (!validDoc(content)) throw badUserInput('Der Text des Abschnitts ist kein gültiges Dokument oder zu lang.', { field: 'content' });
    await this.section(tx, conceptId, sectionId);
    await this.collab.rewrite(tx, { conceptId, sectionId }, content);
  }

  async addMeasure(user: User, input: AddConceptMeasureInput): Promise<Concept> {
    const fields = this.measureFields(input);
    await this.drafting.asDrafter(user, input.conceptId, async (tx, concept) => {
      await this.section(tx, concept.id, input.sectionId);
      const count = await tx.conceptMeasure.count({ where: { sectionId: input.sectionId } });
      if (count >= MAX_MEASURES) throw badUserInput(`Höchstens ${MAX_MEASURES} Maßnahmen je Abschnitt.`, { field: 'title', limit: MAX_MEASURES });
      await tx.conceptMeasure.create({ data: { ...fields, sectionId: input.sectionId, position: count } });
    });
    return this.get(user, input.conceptId);
  }

  async updateMeasure(user: User, conceptId: string, measureId: string, input: MeasureFields): Promise<Concept> {
    const fields = this.measureFields(input);
    await this.drafting.asDrafter(user, conceptId, async (tx, concept) => {
      await this.measure(tx, concept.id, measureId);
      await tx.conceptMeasure.update({ where: { id: measureId }, data: fields });
    });
    return this.get(user, conceptId);
  }

  async removeMeasure(user: User, conceptId: string, measureId: string): Promise<Concept> {
    await this.drafting.asDrafter(user, conceptId, async (tx, concept) => {
      const measure = await this.measure(tx, concept.id, measureId);
      await tx.conceptMeasure.delete({ where: { id: measureId } });
      const rest = await tx.conceptMeasure.findMany({ where: { sectionId: measure.sectionId }, orderBy: { position: 'asc' }, select: { id: true } });
      for (const [position, m] of rest.entries()) await tx.conceptMeasure.update({ where: { id: m.id }, data: { position } });
    });
    return this.get(user, conceptId);
  }

  private measureFields(input: MeasureFields) {
    return {
      title: text(input.title, 'title', 1, 300),
      responsible: text(input.responsible, 'responsible', 0, 300),
      partners: text(input.partners, 'partners', 0, 1000),
      timeline: text(input.timeline, 'timeline', 0, 300),
      indicator: text(input.indicator, 'indicator', 0, 1000),
      ...(input.status ? { status: input.status } : {}),
    };
  }

  private async section(tx: Prisma.TransactionClient, conceptId: string, sectionId: string) {
    const section = isUuid(sectionId) ? await tx.conceptSection.findFirst({ where: { id: sectionId, conceptId, removedAt: null } }) : null;
    if (!section) throw notFound('Diesen Abschnitt gibt es in diesem Konzept nicht.');
    return section;
  }

  private async measure(tx: Prisma.TransactionClient, conceptId: string, measureId: string) {
    const measure = isUuid(measureId) ? await tx.conceptMeasure.findFirst({ where: { id: measureId, section: { conceptId, removedAt: null } } }) : null;
    if (!measure) throw notFound('Diese Maßnahme gibt es in diesem Konzept nicht.');
    return measure;
  }

  private async order(tx: Prisma.TransactionClient, conceptId: string): Promise<string[]> {
    return (await tx.conceptSection.findMany({ where: { conceptId, removedAt: null }, orderBy: { position: 'asc' }, select: { id: true } })).map((s) => s.id);
  }

  private async renumber(tx: Prisma.TransactionClient, ids: string[]): Promise<void> {
    for (const [position, id] of ids.entries()) await tx.conceptSection.update({ where: { id }, data: { position } });
  }
}

/** Concepts owned in municipalities of these degrees of urbanisation: by the organisation, or by a group's members. */
function fromPlaces(urbanisation: Urbanisation[]): Prisma.ConceptWhereInput {
  return { OR: [{ organization: organizationIn(urbanisation) }, { group: groupIn(urbanisation) }] };
}
