import { Injectable } from '@nestjs/common';
import type { Concept, ConceptVersion, Prisma, User } from '../generated/prisma/client.js';
import { ViewerScopeService } from '../core/access/viewer-scope.service.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { badUserInput, conflict, forbidden, notFound } from '../core/errors/app-error.js';
import { isUuid } from '../core/validation/ids.js';
import { toMunicipality } from '../municipalities/municipality.mapper.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { canEdit, visibleConcepts } from './concept-access.js';
import { SearchWords } from '../core/search/search-words.service.js';
import { ConceptCollab } from './collab/concept-collab.service.js';
import { indexConcept } from './concept-index.js';
import { ConceptDrafting, GONE } from './concept-drafting.js';
import { ADAPTABLE_LICENCES } from './concept-outline.js';
import { SECTION_INCLUDE, snapshotOf } from './concept.mapper.js';
import type { UpstreamDecisionInput } from './dto/concept.inputs.js';
import type { ConceptLineage, LineageEntry, SectionAdaptation, SectionChange } from './models/concept.model.js';
import { SectionChangeState } from './models/concept.model.js';
import { type SectionSnapshot, sameSection } from './section-content.js';
import { compareWithUpstream, isPending, type SectionComparison } from './upstream-changes.js';

/**
 * Versions and adaptations: publishing freezes the working state as a numbered version; adapting copies a version
 * into an organisation's own concept, each section remembering the upstream section and version it follows; the
 * comparison says per section what changed where, and the adaptation takes or keeps, one section at a time.
 */
@Injectable()
export class UpstreamService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly scopes: ViewerScopeService,
    private readonly drafting: ConceptDrafting,
    private readonly notifications: NotificationsService,
    private readonly collab: ConceptCollab,
    private readonly words: SearchWords,
  ) {
    notifications.seesSubjects('concept', async (scope, ids) =>
      (await this.prisma.concept.findMany({ where: { AND: [{ id: { in: ids } }, visibleConcepts(scope)] }, select: { id: true } })).map((r) => r.id),
    );
  }

  async publish(user: User, conceptId: string, note: string): Promise<number> {
    const why = note.trim();
    if (why.length < 3 || why.length > 1000)
      throw badUserInput('Bitte beschreiben Sie in 3 bis 1000 Zeichen, was sich geändert hat.', { field: 'note', limit: 1000 });
    let words: string[] = [];
    const published = await this.drafting.asDrafter(user, conceptId, async (tx, concept) => {
      // What was typed in the last moments is in the shared editor's updates: the version takes it too.
      // A text the editor holds but the section cannot keep is refused by name, never published as it was before.
      const live = await tx.conceptSection.findMany({ where: { conceptId, removedAt: null }, select: { id: true, title: true } });
      for (const { id, title } of live) {
        if (!(await this.collab.materialize(tx, conceptId, id))) {
          throw badUserInput(
            `Der Abschnitt „${title}“ lässt sich so nicht veröffentlichen (zu lang oder mit Inhalten, die der Editor nicht kennt): Bitte kürzen oder teilen Sie ihn.`,
            {
              field: 'sectionId',
              sectionId: id,
            },
          );
        }
      }
      const sections = await tx.conceptSection.findMany({ where: { conceptId, removedAt: null }, orderBy: { position: 'asc' }, include: SECTION_INCLUDE });
      if (sections.length === 0) throw badUserInput('Ein Konzept ohne Abschnitte kann nicht veröffentlicht werden.', { field: 'conceptId' });
      const last = await tx.conceptVersion.aggregate({ where: { conceptId }, _max: { number: true } });
      const number = (last._max.number ?? 0) + 1;
      const snapshot = sections.map(snapshotOf);
      await tx.conceptVersion.create({
        data: {
          conceptId,
          number,
          title: concept.title,
          summary: concept.summary,
          licence: concept.licence,
          upstreamVersion: concept.upstreamConceptId ? Math.max(0, ...sections.map((s) => s.baseVersion ?? 0)) : null,
          note: why,
          publishedById: user.id,
          sections: snapshot as unknown as Prisma.InputJsonArray,
        },
      });
      words = await indexConcept(tx, conceptId, concept.title, concept.summary, snapshot);
      if (concept.status === 'DRAFT') await tx.concept.update({ where: { id: conceptId }, data: { status: 'PUBLISHED' } });
      // Those who adapted it hear of the new version: the person who made each adaptation and its organisation's admins.
      const adaptations = await tx.concept.findMany({ where: { upstreamConceptId: conceptId }, select: { id: true, createdById: true, organizationId: true } });
      for (const adaptation of adaptations) {
        const admins = adaptation.organizationId
          ? await tx.membership.findMany({ where: { organizationId: adaptation.organizationId, role: 'ADMIN', status: 'CONFIRMED' }, select: { userId: true } })
          : [];
        await this.notifications.notify(tx, {
          recipients: [...(adaptation.createdById ? [adaptation.createdById] : []), ...admins.map((a) => a.userId)],
          kind: 'CONCEPT_UPSTREAM_CHANGED',
          subjectType: 'concept',
          subjectId: adaptation.id,
          payload: { actorId: user.id, conceptId: adaptation.id, upstreamConceptId: conceptId, versionNumber: number },
        });
      }
      return number;
    });
    await this.words.remember(words);
    return published;
  }

  /** An organisation's own concept from a published version, linked section by section. */
  async adapt(user: User, versionId: string, organizationId: string): Promise<string> {
    const scope = await this.scopes.requireConfirmed(user);
    if (!isUuid(organizationId) || !scope.organizationIds.includes(organizationId)) {
      throw forbidden('Anpassen können Sie für eine Organisation, der Sie bestätigt angehören.');
    }
    const version = isUuid(versionId)
      ? await this.prisma.conceptVersion.findFirst({ where: { id: versionId, concept: visibleConcepts(scope) }, include: { concept: true } })
      : null;
    if (!version) throw notFound('Diese Version gibt es nicht.');
    if (version.concept.organizationId === organizationId) throw conflict('Das ist schon das Konzept Ihrer Organisation.');
    // The licence the version was published under decides: it was granted for that version, whatever came after.
    if (!ADAPTABLE_LICENCES.has(version.licence)) {
      throw forbidden('Die Lizenz dieser Version erlaubt keine Anpassung. Fragen Sie die Trägerin des Konzepts nach einer offenen Lizenz.');
    }
    const snapshot = version.sections as unknown as SectionSnapshot[];
    // Under the organisation's lock: two colleagues adapting at once make one adaptation, and the second hears of it.
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId}::uuid FOR UPDATE`;
      const existing = await tx.concept.findFirst({ where: { upstreamConceptId: version.conceptId, organizationId }, select: { id: true } });
      if (existing) throw conflict('Ihre Organisation hat dieses Konzept schon angepasst: Übernehmen Sie dort die neuen Änderungen.');
      return (await this.createAdaptation(tx, user, version, organizationId, snapshot)).id;
    });
  }

  private createAdaptation(
    tx: Prisma.TransactionClient,
    user: User,
    version: ConceptVersion & { concept: Concept },
    organizationId: string,
    snapshot: SectionSnapshot[],
  ) {
    return tx.concept.create({
      data: {
        title: version.title,
        summary: version.summary,
        topics: version.concept.topics,
        licence: version.licence,
        organizationId,
        upstreamConceptId: version.conceptId,
        adaptedFromVersionId: version.id,
        createdById: user.id,
        sections: {
          create: snapshot.map((s) => ({
            title: s.title,
            position: s.position,
            content: s.content as unknown as Prisma.InputJsonObject,
            text: s.text,
            upstreamSectionId: s.id,
            baseVersion: version.number,
            measures: { create: s.measures.map(({ id: _id, ...m }, position) => ({ ...m, status: m.status as 'PLANNED', position })) },
          })),
        },
      },
    });
  }

  /** Each section against the upstream's latest version, with that version's number (0: none, or no upstream). */
  private async compare(db: Prisma.TransactionClient, conceptId: string): Promise<{ latest: number; sections: SectionComparison[] }> {
    const concept = await db.concept.findUnique({ where: { id: conceptId }, select: { upstreamConceptId: true } });
    if (!concept?.upstreamConceptId) return { latest: 0, sections: [] };
    const sections = await db.conceptSection.findMany({ where: { conceptId }, orderBy: { position: 'asc' }, include: SECTION_INCLUDE });
    const versions = await db.conceptVersion.findMany({ where: { conceptId: concept.upstreamConceptId }, select: { number: true, sections: true } });
    const latest = Math.max(0, ...versions.map((v) => v.number));
    const compared = compareWithUpstream(
      sections.map((s) => ({ snapshot: snapshotOf(s), upstreamSectionId: s.upstreamSectionId, baseVersion: s.baseVersion, removed: s.removedAt !== null })),
      new Map(versions.map((v) => [v.number, v.sections as unknown as SectionSnapshot[]])),
      latest,
    );
    return { latest, sections: compared };
  }

  async pendingCount(conceptId: string): Promise<number> {
    return (await this.compare(this.prisma, conceptId)).sections.filter(isPending).length;
  }

  /** For the adaptation's drafters: every section that differs from its upstream, and why. */
  async changes(user: User, conceptId: string): Promise<SectionChange[]> {
    const { latest, sections: comparison } = await this.drafting.readAsDrafter(user, conceptId, (db) => this.compare(db, conceptId));
    return comparison
      .filter((c) => c.state !== 'UNCHANGED' || !c.local)
      .concat(comparison.filter((c) => c.state === 'UNCHANGED' && c.local))
      .map((c) => ({
        upstreamVersion: latest,
        section: { id: c.id, title: c.title },
        state: SectionChangeState[c.state],
        addedUpstream: c.addedUpstream,
        removedUpstream: c.removedUpstream,
        baseText: c.base?.text ?? null,
        upstreamText: c.upstream?.text ?? null,
        localText: c.local?.text ?? null,
      }));
  }

  /** One click: the section becomes what upstream's latest version says (added, replaced or removed), recorded. */
  async takeUpstream(user: User, input: UpstreamDecisionInput): Promise<void> {
    const { conceptId } = input;
    await this.drafting.asDrafter(user, conceptId, async (tx) => {
      const { change, latest } = await this.pendingChange(tx, input);
      const upstream = change.upstream;
      let localId = change.local || change.removedUpstream || !change.addedUpstream ? change.id : null;
      if (!upstream) {
        await tx.conceptSection.update({ where: { id: change.id }, data: { removedAt: new Date(), baseVersion: latest } });
      } else {
        const data = { title: upstream.title, baseVersion: latest, removedAt: null };
        if (localId) {
          await tx.conceptSection.update({ where: { id: localId }, data });
          await this.collab.rewrite(tx, { conceptId, sectionId: localId }, upstream.content);
          await tx.conceptMeasure.deleteMany({ where: { sectionId: localId } });
        } else {
          const count = await tx.conceptSection.count({ where: { conceptId, removedAt: null } });
          localId = (
            await tx.conceptSection.create({
              data: {
                ...data,
                content: upstream.content as unknown as Prisma.InputJsonObject,
                text: upstream.text,
                conceptId,
                position: Math.min(upstream.position, count),
                upstreamSectionId: upstream.id,
              },
            })
          ).id;
        }
        await tx.conceptMeasure.createMany({
          data: upstream.measures.map(({ id: _id, ...m }, position) => ({ ...m, status: m.status as 'PLANNED', position, sectionId: localId! })),
        });
      }
      await this.renumber(tx, conceptId);
      await tx.conceptSectionDecision.create({
        data: { conceptId, sectionId: localId ?? change.id, decision: 'TAKE_UPSTREAM', upstreamVersion: latest, decidedById: user.id },
      });
    });
  }

  /** The local section stays as it is and is aligned with the latest upstream version: no longer pending, recorded. */
  async keepLocal(user: User, input: UpstreamDecisionInput): Promise<void> {
    const { conceptId } = input;
    await this.drafting.asDrafter(user, conceptId, async (tx) => {
      const { change, latest } = await this.pendingChange(tx, input);
      let localId = change.addedUpstream ? null : change.id;
      if (localId) {
        await tx.conceptSection.update({ where: { id: localId }, data: { baseVersion: latest } });
      } else {
        // Declining a new upstream section: a removed local row remembers the decision.
        localId = (
          await tx.conceptSection.create({
            data: { conceptId, title: change.title, position: 0, upstreamSectionId: change.upstreamSectionId, baseVersion: latest, removedAt: new Date() },
          })
        ).id;
      }
      await tx.conceptSectionDecision.create({
        data: { conceptId, sectionId: localId, decision: 'KEEP_LOCAL', upstreamVersion: latest, decidedById: user.id },
      });
    });
  }

  /**
   * The decision's section as compared with the upstream's latest version, which must be the one the drafter saw:
   * a version published meanwhile is looked at first. The upstream is held (shared) so none is published meanwhile.
   */
  private async pendingChange(tx: Prisma.TransactionClient, input: UpstreamDecisionInput): Promise<{ change: SectionComparison; latest: number }> {
    await tx.$queryRaw`SELECT u.id FROM "Concept" c JOIN "Concept" u ON u.id = c."upstreamConceptId" WHERE c.id = ${input.conceptId}::uuid FOR SHARE OF u`;
    const { latest, sections } = await this.compare(tx, input.conceptId);
    const change = sections.find((c) => c.id === input.sectionId);
    if (!change) throw notFound('Diesen Abschnitt gibt es in diesem Konzept nicht, oder er folgt keinem Abschnitt der Vorlage.');
    if (input.upstreamVersion !== latest) {
      throw conflict(`Inzwischen ist Version ${latest} der Vorlage erschienen: Bitte sehen Sie sich ihre Änderungen noch einmal an.`);
    }
    if (!isPending(change)) throw conflict('Für diesen Abschnitt gibt es keine offene Änderung der Vorlage.');
    return { change, latest };
  }

  private async renumber(tx: Prisma.TransactionClient, conceptId: string): Promise<void> {
    const ids = await tx.conceptSection.findMany({
      where: { conceptId, removedAt: null },
      orderBy: [{ position: 'asc' }, { updatedAt: 'desc' }],
      select: { id: true },
    });
    for (const [position, { id }] of ids.entries()) await tx.conceptSection.update({ where: { id }, data: { position } });
  }

  /** "Who adapted this section, and how": each adaptation the person may see, with its text of the section. */
  async sectionAdaptations(user: User, conceptId: string, sectionId: string): Promise<SectionAdaptation[]> {
    const scope = await this.scopes.requireConfirmed(user);
    const visible = visibleConcepts(scope);
    const upstream = isUuid(conceptId) ? await this.prisma.concept.findFirst({ where: { AND: [{ id: conceptId }, visible] } }) : null;
    if (!upstream || !isUuid(sectionId)) throw notFound(GONE);
    const latest = await this.prisma.conceptVersion.findFirst({ where: { conceptId }, orderBy: { number: 'desc' } });
    const reference = ((latest?.sections ?? []) as unknown as SectionSnapshot[]).find((s) => s.id === sectionId);
    const rows = await this.prisma.conceptSection.findMany({
      where: { upstreamSectionId: sectionId, concept: { AND: [{ upstreamConceptId: conceptId }, visible] } },
      include: {
        ...SECTION_INCLUDE,
        concept: { include: { organization: { include: { locatedIn: true } }, versions: { orderBy: { number: 'desc' }, take: 1 } } },
      },
      orderBy: { concept: { createdAt: 'asc' } },
    });
    return rows.map((row) => {
      const own = canEdit(scope, row.concept);
      const published = ((row.concept.versions[0]?.sections ?? []) as unknown as SectionSnapshot[]).find((s) => s.id === row.id);
      const shown = own ? (row.removedAt ? null : snapshotOf(row)) : (published ?? null);
      const org = row.concept.organization;
      return {
        concept: { id: row.concept.id, title: own ? row.concept.title : (row.concept.versions[0]?.title ?? row.concept.title) },
        organization: org ? { id: org.id, name: org.name, kind: org.kind, municipality: toMunicipality(org.locatedIn) } : null,
        text: shown?.text ?? '',
        removed: !shown,
        adapted: !shown || !reference || !sameSection(reference, shown),
      };
    });
  }

  /** Where a concept came from (up to its original) and every adaptation of it that the person may see. */
  async lineage(user: User, conceptId: string): Promise<ConceptLineage> {
    const scope = await this.scopes.requireConfirmed(user);
    const visible = visibleConcepts(scope);
    const start = isUuid(conceptId) ? await this.prisma.concept.findFirst({ where: { AND: [{ id: conceptId }, visible] } }) : null;
    if (!start) throw notFound(GONE);
    const include = {
      organization: { include: { locatedIn: true } },
      group: { select: { id: true, name: true } },
      adaptedFromVersion: { select: { number: true } },
      versions: { select: { number: true, title: true }, orderBy: { number: 'desc' as const }, take: 1 },
    };
    // The lineage is of published versions: each under the title it was last published with.
    const entry = (row: Prisma.ConceptGetPayload<{ include: typeof include }>): LineageEntry => ({
      concept: { id: row.id, title: row.versions[0]?.title ?? row.title },
      organization: row.organization
        ? { id: row.organization.id, name: row.organization.name, kind: row.organization.kind, municipality: toMunicipality(row.organization.locatedIn) }
        : null,
      group: row.group,
      adaptedFromVersion: row.adaptedFromVersion?.number ?? null,
      latestVersion: row.versions[0]?.number ?? 0,
    });
    const ancestors: LineageEntry[] = [];
    let next = start.upstreamConceptId;
    while (next && ancestors.length < 20) {
      const row = await this.prisma.concept.findFirst({ where: { AND: [{ id: next }, visible] }, include });
      if (!row) break;
      ancestors.push(entry(row));
      next = row.upstreamConceptId;
    }
    const adaptations = await this.prisma.concept.findMany({
      where: { AND: [{ upstreamConceptId: start.id }, visible] },
      include,
      orderBy: { createdAt: 'asc' },
    });
    return { ancestors, adaptations: adaptations.map(entry) };
  }
}
