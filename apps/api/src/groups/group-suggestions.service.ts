import { Injectable } from '@nestjs/common';
import type { User } from '../generated/prisma/client.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { notFound } from '../core/errors/app-error.js';
import { assertKey } from '../municipalities/dto/municipalities.args.js';
import { toMunicipality } from '../municipalities/municipality.mapper.js';
import { GROUP_INCLUDE } from './group.mapper.js';
import { Neighbourhood } from '../municipalities/neighbourhood.js';
import { GroupsService } from './groups.service.js';
import { type GroupSuggestion, SuggestionReason } from './models/group.model.js';
import { ViewerScopeService } from '../core/access/viewer-scope.service.js';

const LIMIT = 12;

interface Area {
  municipalityIds: string[];
  topics: string[];
}

/**
 * Groups worth joining, for a person (their municipalities and topics) or a municipality page: groups that
 * people from the same or a bordering Kreis are active in, groups whose region covers the place, and groups
 * on the person's topics. Closed groups and groups the person already has a standing in are left out.
 */
@Injectable()
export class GroupSuggestionsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly groups: GroupsService,
    private readonly scopes: ViewerScopeService,
    private readonly neighbourhood: Neighbourhood,
  ) {}

  async suggest(user: User, municipalityAgs?: string | null): Promise<GroupSuggestion[]> {
    await this.scopes.requireConfirmed(user);
    let area: Area;
    if (municipalityAgs) {
      assertKey(municipalityAgs);
      const key = await this.prisma.municipalityKey.findUnique({ where: { key: municipalityAgs } });
      if (!key) throw notFound(`Keine Kommune mit dem Schlüssel ${municipalityAgs}.`);
      area = { municipalityIds: [key.municipalityId], topics: [] };
    } else {
      const scope = await this.scopes.of(user);
      area = { municipalityIds: scope.municipalityIds, topics: scope.topics };
    }
    if (!area.municipalityIds.length && !area.topics.length) return [];

    // The Kreise of the places and their neighbours; members count by the Kreis of their organisation's place.
    const kreise = await this.neighbourhood.kreisArea(area.municipalityIds);
    const nearby = await this.prisma.$queryRaw<{ groupId: string; municipalityId: string }[]>`
      SELECT DISTINCT gm."groupId" AS "groupId", o."locatedInId" AS "municipalityId"
      FROM "GroupMember" gm
      JOIN "WorkingGroup" g ON g.id = gm."groupId" AND g.access <> 'CLOSED'
      JOIN "Membership" ms ON ms."userId" = gm."userId" AND ms.status = 'CONFIRMED'
      JOIN "Organization" o ON o.id = ms."organizationId"
      JOIN "Municipality" m ON m.id = o."locatedInId"
      JOIN "Municipality" k ON k.ags = substr(m.ags, 1, 5) AND k."isKreis"
      WHERE gm.status = 'ACTIVE' AND gm."userId" <> ${user.id}::uuid AND k.id = ANY(${kreise}::uuid[])`;
    const covering = await this.prisma.$queryRaw<{ id: string }[]>`
      WITH places AS (SELECT DISTINCT m."landCode" FROM "Municipality" m WHERE m.id = ANY(${area.municipalityIds}::uuid[]))
      SELECT DISTINCT g.id FROM "WorkingGroup" g
      WHERE g.access <> 'CLOSED' AND (
        (g."regionKind" IN ('LAND', 'LAENDER') AND EXISTS (SELECT 1 FROM places p WHERE p."landCode" = ANY(g."regionLandCodes")))
        OR (g."regionKind" = 'KREIS' AND g."regionKreisId" = ANY(${kreise}::uuid[])))`;
    const onTopics = area.topics.length
      ? await this.prisma.workingGroup.findMany({ where: { access: { not: 'CLOSED' }, topics: { hasSome: area.topics } }, select: { id: true }, take: 50 })
      : [];

    const reasons = new Map<string, Set<SuggestionReason>>();
    const via = new Map<string, Set<string>>();
    const add = (id: string, reason: SuggestionReason) => reasons.set(id, (reasons.get(id) ?? new Set()).add(reason));
    for (const row of nearby) {
      add(row.groupId, SuggestionReason.NEIGHBOURS);
      via.set(row.groupId, (via.get(row.groupId) ?? new Set()).add(row.municipalityId));
    }
    for (const row of covering) add(row.id, SuggestionReason.REGION);
    for (const row of onTopics) add(row.id, SuggestionReason.TOPICS);

    const own = await this.prisma.groupMember.findMany({ where: { userId: user.id, groupId: { in: [...reasons.keys()] } }, select: { groupId: true } });
    for (const { groupId } of own) reasons.delete(groupId);
    const ranked = [...reasons.entries()]
      .sort(([a, ra], [b, rb]) => rb.size - ra.size || (via.get(b)?.size ?? 0) - (via.get(a)?.size ?? 0) || a.localeCompare(b))
      .slice(0, LIMIT);
    if (!ranked.length) return [];

    const rows = await this.prisma.workingGroup.findMany({ where: { id: { in: ranked.map(([id]) => id) } }, include: GROUP_INCLUDE });
    const groups = new Map((await this.groups.decorate(user, rows)).map((g) => [g.id, g]));
    const places = await this.prisma.municipality.findMany({ where: { id: { in: [...new Set([...via.values()].flatMap((s) => [...s]))] } } });
    const placeById = new Map(places.map((p) => [p.id, toMunicipality(p)]));
    return ranked.map(([id, why]) => ({
      group: groups.get(id)!,
      reasons: [SuggestionReason.NEIGHBOURS, SuggestionReason.REGION, SuggestionReason.TOPICS].filter((r) => why.has(r)),
      via: [...(via.get(id) ?? [])].flatMap((m) => placeById.get(m) ?? []),
    }));
  }
}
