import { Injectable } from '@nestjs/common';
import type { Municipality, User } from '../generated/prisma/client.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { eventDates } from '../events/event-details.js';
import { NeighbourReason } from '../municipalities/models/neighbour.model.js';
import { OpenToRules, type Place } from '../municipalities/open-to.js';
import { ViewerScopeService } from '../core/access/viewer-scope.service.js';
import { CooperationService } from './cooperation.service.js';
import type { CooperationNeighbour } from './models/cooperation.model.js';
import { type CooperationSuggestion, CooperationSuggestionKind as Kind } from './models/suggestion.model.js';

const LIMIT = 12;
const PER_NEIGHBOUR = 3;
const ORDER = [Kind.GROUP, Kind.ROUND, Kind.EVENT, Kind.OFFER, Kind.CONCEPT];

type Candidate = Omit<CooperationSuggestion, 'neighbour'> & { neighbourId: string };

/** Landkreis ↔ kreisfreie Stadt first, then Gemeinden across the Kreis border, other bordering ones, similar ones. */
const priority = (n: CooperationNeighbour) => (n.landkreisAndCity ? 0 : n.acrossKreis ? 1 : n.reasons.includes(NeighbourReason.SHARES_BORDER) ? 2 : 3);

/**
 * What acts on a municipality's gaps: for each bordering or similar municipality it did nothing with in twelve
 * months, what that neighbour takes part in and the municipality could join. Only what the municipality may
 * see and join: no closed group, no round or event not open to it, no unpublished concept.
 */
@Injectable()
export class CooperationSuggestions {
  constructor(
    private readonly prisma: PrismaService,
    private readonly cooperation: CooperationService,
    private readonly openTo: OpenToRules,
    private readonly scopes: ViewerScopeService,
  ) {}

  async forMunicipality(user: User, ags: string): Promise<CooperationSuggestion[]> {
    const self = await this.cooperation.requireMember(user, ags);
    const scope = await this.scopes.of(user);
    // A Landkreis's staff looking at one of its Gemeinden: only what is open to them too is named.
    return this.suggest(self, scope.municipalityIds.includes(self.id) ? undefined : await this.openTo.place(scope.municipalityIds));
  }

  /** For `self`'s people; with `viewer`, also only what is open to that place. */
  async suggest(self: Municipality, viewer?: Place): Promise<CooperationSuggestion[]> {
    const gaps = (await this.cooperation.neighboursOf(self)).filter((n) => n.gap).sort((a, b) => priority(a) - priority(b) || a.distanceKm - b.distanceKm);
    if (!gaps.length) return [];
    const ids = gaps.map((n) => n.municipality.id);
    const place = await this.openTo.place([self.id]);
    const open = async (find: (ids: string[], place: Place) => Promise<Candidate[]>) => {
      const found = await find(ids, place);
      if (!viewer) return found;
      const seen = new Set((await find(ids, viewer)).map((c) => c.subjectId));
      return found.filter((c) => seen.has(c.subjectId));
    };
    const candidates = (
      await Promise.all([
        this.groups(self, ids),
        open((i, p) => this.rounds(i, p)),
        open((i, p) => this.events(i, p)),
        open((i, p) => this.offers(i, p)),
        this.concepts(self, ids),
      ])
    ).flat();
    const suggestions: CooperationSuggestion[] = [];
    for (const neighbour of gaps) {
      const own = candidates
        .filter((c) => c.neighbourId === neighbour.municipality.id)
        .sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind))
        .slice(0, PER_NEIGHBOUR);
      suggestions.push(...own.map(({ neighbourId: _, ...c }) => ({ ...c, neighbour })));
    }
    return suggestions.slice(0, LIMIT);
  }

  /** Open or on-request groups a neighbour's people are active in and the municipality's are not. */
  private async groups(self: Municipality, ids: string[]): Promise<Candidate[]> {
    const rows = await this.prisma.$queryRaw<{ id: string; name: string; neighbourId: string }[]>`
      WITH active AS (
        SELECT DISTINCT gm."groupId", o."locatedInId" AS m FROM "GroupMember" gm
        JOIN "WorkingGroup" g ON g.id = gm."groupId" AND g.access <> 'CLOSED'
        JOIN "Membership" ms ON ms."userId" = gm."userId" AND ms.status = 'CONFIRMED'
        JOIN "Organization" o ON o.id = ms."organizationId"
        WHERE gm.status = 'ACTIVE' AND (o."locatedInId" = ANY(${ids}::uuid[]) OR o."locatedInId" = ${self.id}::uuid)
      )
      SELECT DISTINCT ON (a.m, g.id) g.id, g.name, a.m AS "neighbourId" FROM active a JOIN "WorkingGroup" g ON g.id = a."groupId"
      WHERE a.m <> ${self.id}::uuid AND NOT EXISTS (SELECT 1 FROM active o WHERE o."groupId" = a."groupId" AND o.m = ${self.id}::uuid)
      ORDER BY a.m, g.id`;
    return rows.map((r) => ({ kind: Kind.GROUP, neighbourId: r.neighbourId, subjectId: r.id, seriesId: null, title: r.name, startsAt: null }));
  }

  /** The next date of each series a neighbour hosts, when its audience includes the municipality. */
  private async rounds(ids: string[], place: Place): Promise<Candidate[]> {
    const rows = await this.prisma.$queryRaw<{ id: string; seriesId: string; title: string; startsAt: Date; neighbourId: string }[]>`
      SELECT DISTINCT ON (s.id) r.id, s.id AS "seriesId", s.title, r."startsAt", o."locatedInId" AS "neighbourId"
      FROM "RoundSeries" s JOIN "Organization" o ON o.id = s."hostOrganizationId"
      JOIN "Round" r ON r."seriesId" = s.id AND r.status = 'SCHEDULED' AND r."startsAt" > now()
      WHERE o."locatedInId" = ANY(${ids}::uuid[]) AND (
        s.audience = 'SIGNED_IN'
        OR (s.audience = 'LAND' AND s."audienceLandCode" = ANY(${place.landCodes}))
        OR (s.audience = 'KREIS_AREA' AND s."audienceKreisId" = ANY(${place.kreisArea}::uuid[]))
        OR (s.audience = 'NEIGHBOURS' AND o."locatedInId" = ANY(${place.near}::uuid[])))
      ORDER BY s.id, r."startsAt"`;
    return rows.map((r) => ({ kind: Kind.ROUND, neighbourId: r.neighbourId, subjectId: r.id, seriesId: r.seriesId, title: r.title, startsAt: r.startsAt }));
  }

  /** Coming events held in a neighbour and open to the municipality. */
  private async events(ids: string[], place: Place): Promise<Candidate[]> {
    const now = new Date();
    const rows = await this.prisma.event.findMany({
      where: { homeId: { in: ids }, status: 'SCHEDULED', lastEndsAt: { gt: now }, OR: this.openTo.openWhere(place) },
      orderBy: { startsAt: 'asc' },
      take: 50,
    });
    return rows.map((e) => ({
      kind: Kind.EVENT,
      neighbourId: e.homeId!,
      subjectId: e.id,
      seriesId: null,
      title: e.title,
      startsAt: eventDates(e, now, null, 1)[0]?.startsAt ?? e.startsAt,
    }));
  }

  /** Current offers of a neighbour open to the municipality's residents, by "open to" or named for it. */
  private async offers(ids: string[], place: Place): Promise<Candidate[]> {
    const today = new Date(new Date().toISOString().slice(0, 10));
    const rows = await this.prisma.offer.findMany({
      where: {
        homeId: { in: ids },
        archivedAt: null,
        AND: [
          { OR: [{ validUntil: null }, { validUntil: { gte: today } }] },
          { OR: [...this.openTo.openWhere(place), { areas: { some: { municipalityId: { in: place.municipalityIds } } } }] },
        ],
      },
      orderBy: { createdAt: 'desc' },
      take: 50,
    });
    return rows.map((o) => ({ kind: Kind.OFFER, neighbourId: o.homeId, subjectId: o.id, seriesId: null, title: o.title, startsAt: null }));
  }

  /** Published adaptations made in a neighbour, of concepts the municipality has not adapted itself. */
  private async concepts(self: Municipality, ids: string[]): Promise<Candidate[]> {
    const rows = await this.prisma.concept.findMany({
      where: {
        status: { not: 'ARCHIVED' },
        upstreamConceptId: { not: null },
        versions: { some: {} },
        organization: { locatedInId: { in: ids } },
        upstreamConcept: { adaptations: { none: { organization: { locatedInId: self.id } } } },
      },
      select: {
        id: true,
        organization: { select: { locatedInId: true } },
        versions: { select: { title: true }, orderBy: { number: 'desc' }, take: 1 },
      },
      orderBy: { updatedAt: 'desc' },
      take: 50,
    });
    return rows.map((c) => ({
      kind: Kind.CONCEPT,
      neighbourId: c.organization!.locatedInId,
      subjectId: c.id,
      seriesId: null,
      title: c.versions[0]!.title,
      startsAt: null,
    }));
  }
}
