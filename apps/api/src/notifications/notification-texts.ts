import type { NotificationKind, Prisma } from '../generated/prisma/client.js';
import { type Locale, type Names, NOTIFICATION_KINDS, type NotificationPayload } from './notification-kinds.js';

export interface Described {
  text: string;
  link: string;
}

/**
 * Told to the drafters of `conceptId` (a mention in its comments, a new version of what their adaptation follows):
 * they read its working title. Everyone else reads a concept by what was published (ADR 0011).
 */
const TO_DRAFTERS: ReadonlySet<NotificationKind> = new Set(['CONCEPT_COMMENT_MENTION', 'CONCEPT_UPSTREAM_CHANGED']);

const ids = (rows: NotificationPayload[], key: keyof NotificationPayload) => [
  ...new Set(rows.map((r) => r[key]).filter((v): v is string => typeof v === 'string')),
];

/** Texts and links of notifications in one language, with every referenced name loaded in one query per kind of record. */
export async function describe(db: Prisma.TransactionClient, rows: { kind: NotificationKind; payload: unknown }[], locale: Locale): Promise<Described[]> {
  const payloads = rows.map((r) => (r.payload ?? {}) as NotificationPayload);
  const [people, groups, threads, organizations, materials, concepts, sections, rounds, events, offers, municipalities] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids(payloads, 'actorId') } }, select: { id: true, name: true } }),
    db.workingGroup.findMany({ where: { id: { in: ids(payloads, 'groupId') } }, select: { id: true, name: true } }),
    db.thread.findMany({ where: { id: { in: ids(payloads, 'threadId') } }, select: { id: true, title: true } }),
    db.organization.findMany({ where: { id: { in: ids(payloads, 'organizationId') } }, select: { id: true, name: true } }),
    db.material.findMany({ where: { id: { in: ids(payloads, 'materialId') } }, select: { id: true, title: true } }),
    db.concept.findMany({
      where: { id: { in: [...ids(payloads, 'conceptId'), ...ids(payloads, 'upstreamConceptId')] } },
      select: { id: true, title: true, versions: { select: { number: true, title: true }, orderBy: { number: 'desc' } } },
    }),
    db.conceptSection.findMany({ where: { id: { in: ids(payloads, 'sectionId') } }, select: { id: true, title: true } }),
    db.round.findMany({ where: { id: { in: ids(payloads, 'roundId') } }, select: { id: true, series: { select: { title: true } } } }),
    db.event.findMany({ where: { id: { in: ids(payloads, 'eventId') } }, select: { id: true, title: true } }),
    db.offer.findMany({ where: { id: { in: ids(payloads, 'offerId') } }, select: { id: true, title: true } }),
    db.municipality.findMany({
      where: { id: { in: [...ids(payloads, 'municipalityId'), ...ids(payloads, 'neighbourId')] } },
      select: { id: true, displayName: true },
    }),
  ]);
  const name = (list: { id: string; name?: string; title?: string }[], id?: string) => {
    const found = id ? list.find((x) => x.id === id) : undefined;
    return found ? (found.name ?? found.title ?? null) : null;
  };
  /** The title of the given version, else of the latest one; null when nothing was published. */
  const published = (id?: string, number?: number) => {
    const versions = concepts.find((c) => c.id === id)?.versions ?? [];
    return (versions.find((v) => v.number === number) ?? versions[0])?.title ?? null;
  };
  return rows.map((row, i) => {
    const p = payloads[i]!;
    const names: Names = {
      actor: name(people, p.actorId),
      group: name(groups, p.groupId),
      thread: name(threads, p.threadId),
      organization: name(organizations, p.organizationId),
      material: name(materials, p.materialId),
      concept: TO_DRAFTERS.has(row.kind) ? name(concepts, p.conceptId) : published(p.conceptId),
      upstreamConcept: published(p.upstreamConceptId, p.versionNumber),
      section: name(sections, p.sectionId),
      round: name(
        rounds.map((r) => ({ id: r.id, title: r.series.title })),
        p.roundId,
      ),
      event: name(events, p.eventId),
      offer: name(offers, p.offerId),
      municipality: name(
        municipalities.map((m) => ({ id: m.id, name: m.displayName })),
        p.municipalityId,
      ),
      neighbour: name(
        municipalities.map((m) => ({ id: m.id, name: m.displayName })),
        p.neighbourId,
      ),
    };
    const rule = NOTIFICATION_KINDS[row.kind];
    return { text: rule.text[locale](p, names), link: rule.link(p) };
  });
}
