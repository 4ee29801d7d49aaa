import { Injectable, Logger } from '@nestjs/common';
import { PrismaService } from '../core/database/prisma.service.js';
import { JobsService } from '../core/jobs/jobs.service.js';
import { CooperationOverviewService } from './cooperation-overview.js';

export const REFRESH_JOB = 'insights.refresh';

/**
 * What each municipality takes part in, as (kind, subject, municipality, at): a municipality takes part through its
 * organisations (where they are located) and their confirmed members. Two municipalities cooperate on a kind when
 * they take part in the same subject in roles that meet (peers; a provider and its partners; one on each side):
 * - GROUP: active members in the same working group (closed ones too: only counted, never named);
 * - ROUND: people who entered the live room of the same date;
 * - CONCEPT: an adaptation and the concept it adapts (its organisation's municipality, or those of its group;
 *   two owners of one concept do not cooperate through it);
 * - EVENT: organiser, co-organisers and registered participants of the same event, unless it was cancelled;
 * - OFFER: provider and partners with each other and with the municipalities named as "also for" (not those among
 *   themselves);
 * - MATERIAL: a material's municipality and one that marked it as used.
 */
const FACTS = `
  WITH member_place AS (
    SELECT ms."userId", o."locatedInId" AS m FROM "Membership" ms
    JOIN "Organization" o ON o.id = ms."organizationId" WHERE ms.status = 'CONFIRMED'
  ),
  group_place AS (
    SELECT gm."groupId", mp.m, MIN(COALESCE(gm."joinedAt", gm."createdAt")) AS at FROM "GroupMember" gm
    JOIN member_place mp ON mp."userId" = gm."userId" WHERE gm.status = 'ACTIVE' GROUP BY gm."groupId", mp.m
  )
  SELECT 'GROUP' AS kind, "groupId"::text AS subject, m, at, 'peer' AS role FROM group_place
  UNION ALL
  SELECT 'ROUND', r."roundId"::text, mp.m, MIN(d."startsAt"), 'peer' FROM "RoundRegistration" r
    JOIN member_place mp ON mp."userId" = r."userId" JOIN "Round" d ON d.id = r."roundId"
    WHERE r."attendedAt" IS NOT NULL GROUP BY r."roundId", mp.m
  UNION ALL
  SELECT 'CONCEPT', c.id::text, o."locatedInId", c."createdAt", 'adapter' FROM "Concept" c
    JOIN "Organization" o ON o.id = c."organizationId" WHERE c."upstreamConceptId" IS NOT NULL
  UNION ALL
  SELECT 'CONCEPT', c.id::text, COALESCE(uo."locatedInId", gp.m), c."createdAt", 'upstream' FROM "Concept" c
    JOIN "Concept" u ON u.id = c."upstreamConceptId"
    LEFT JOIN "Organization" uo ON uo.id = u."organizationId"
    LEFT JOIN group_place gp ON gp."groupId" = u."groupId" AND u."organizationId" IS NULL
    WHERE COALESCE(uo."locatedInId", gp.m) IS NOT NULL
  UNION ALL
  SELECT 'EVENT', e.id::text, e."homeId", e."createdAt", 'peer' FROM "Event" e WHERE e."homeId" IS NOT NULL AND e.status <> 'CANCELLED'
  UNION ALL
  SELECT 'EVENT', c."eventId"::text, o."locatedInId", e."createdAt", 'peer' FROM "EventCoOrganizer" c
    JOIN "Organization" o ON o.id = c."organizationId" JOIN "Event" e ON e.id = c."eventId" WHERE e.status <> 'CANCELLED'
  UNION ALL
  SELECT 'EVENT', r."eventId"::text, mp.m, MIN(r."createdAt"), 'peer' FROM "EventRegistration" r
    JOIN member_place mp ON mp."userId" = r."userId" JOIN "Event" e ON e.id = r."eventId"
    WHERE r.status = 'REGISTERED' AND e.status <> 'CANCELLED' GROUP BY r."eventId", mp.m
  UNION ALL
  SELECT 'OFFER', o.id::text, o."homeId", o."createdAt", 'provider' FROM "Offer" o WHERE o."archivedAt" IS NULL
  UNION ALL
  SELECT 'OFFER', p."offerId"::text, org."locatedInId", o."createdAt", 'provider' FROM "OfferPartner" p
    JOIN "Organization" org ON org.id = p."organizationId" JOIN "Offer" o ON o.id = p."offerId" WHERE o."archivedAt" IS NULL
  UNION ALL
  SELECT 'OFFER', a."offerId"::text, a."municipalityId", o."createdAt", 'area' FROM "OfferArea" a
    JOIN "Offer" o ON o.id = a."offerId" WHERE o."archivedAt" IS NULL
  UNION ALL
  SELECT 'MATERIAL', u."materialId"::text || ':' || u."municipalityId"::text, mat."municipalityId", u."createdAt", 'owner' FROM "MaterialUse" u
    JOIN "Material" mat ON mat.id = u."materialId"
  UNION ALL
  SELECT 'MATERIAL', u."materialId"::text || ':' || u."municipalityId"::text, u."municipalityId", u."createdAt", 'user' FROM "MaterialUse" u`;

/**
 * The cooperation between municipalities, recomputed as a whole by a job (nightly, and soon after a start) so
 * that pages answer from stored figures. One statement in one transaction: readers see the old or the new
 * figures, never half of them.
 */
@Injectable()
export class CooperationRefresh {
  private readonly logger = new Logger('Insights');

  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: JobsService,
    private readonly overview: CooperationOverviewService,
  ) {
    jobs.define({ name: REFRESH_JOB, cron: '15 2 * * *', handler: () => this.refresh().then(() => undefined) });
  }

  /** Asks for a refresh soon (one pending at a time), e.g. after the demo data was loaded. */
  async soon(): Promise<void> {
    await this.jobs.send(REFRESH_JOB, {}, { singletonKey: 'refresh' });
  }

  /** Recomputes every pair; answers how many there are. */
  async refresh(): Promise<number> {
    const pairs = await this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('insights.refresh', 0))`;
      await tx.$executeRawUnsafe('DELETE FROM "CooperationPair"');
      return tx.$executeRawUnsafe(`
        INSERT INTO "CooperationPair" ("aId", "bId", kind, count, since, "lastActivityAt")
        WITH facts AS MATERIALIZED (${FACTS})
        SELECT f1.m, f2.m, f1.kind::"CooperationKind", COUNT(DISTINCT f1.subject)::int, MIN(GREATEST(f1.at, f2.at)), MAX(GREATEST(f1.at, f2.at))
        FROM facts f1 JOIN facts f2 ON f1.kind = f2.kind AND f1.subject = f2.subject AND f1.m < f2.m
          AND (f1.role <> f2.role OR f1.role IN ('peer', 'provider'))
        GROUP BY f1.m, f2.m, f1.kind`);
    });
    await this.overview.snapshot();
    this.logger.log(`cooperation refreshed: ${pairs} pairs`);
    return pairs;
  }
}
