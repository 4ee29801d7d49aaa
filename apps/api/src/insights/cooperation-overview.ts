import { Injectable } from '@nestjs/common';
import { PrismaService } from '../core/database/prisma.service.js';
import { badUserInput } from '../core/errors/app-error.js';
import { isLandCode } from '../core/validation/ids.js';
import type { CooperationMonth, CooperationOverview, KreisLink } from './models/overview.model.js';

/** Below this many things done together, a link's weight is not shown: small numbers can point at a few people. */
export const MIN_SHOWN = 3;

const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null);

/**
 * The national and Land figures from the stored pairs, lifted to Kreise (a Gemeinde counts for the Kreis of its
 * key; a kreisfreie Stadt is its own Kreis). Only organisation-level counts, never names.
 */
@Injectable()
export class CooperationOverviewService {
  constructor(private readonly prisma: PrismaService) {}

  async overview(land: string | null | undefined): Promise<CooperationOverview> {
    if (land && !isLandCode(land)) throw badUserInput('Bitte das Land als zweistelligen Schlüssel angeben (01–16).', { field: 'land' });
    const code = land ?? null;
    const [figures, snapshots] = await Promise.all([
      this.figures(code),
      this.prisma.cooperationSnapshot.findMany({ where: { land: code ?? '' }, orderBy: { month: 'asc' }, take: 120 }),
    ]);
    return {
      ...figures,
      series: snapshots.map((s) => ({ month: s.month.toISOString().slice(0, 7), ...(s.figures as Omit<CooperationMonth, 'month'>) })),
      refreshedAt: snapshots.at(-1)?.refreshedAt ?? null,
    };
  }

  /** Writes this month's shares for Germany and each Land (called by the refresh, after the pairs). */
  async snapshot(now = new Date()): Promise<void> {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    for (const land of [null, ...Array.from({ length: 16 }, (_, i) => String(i + 1).padStart(2, '0'))]) {
      const f = await this.figures(land);
      const figures = {
        borderingKreisShare: f.borderingKreisShare,
        landkreisCityShare: f.landkreisCityShare,
        gemeindenBeyondKreisShare: f.gemeindenBeyondKreisShare,
      };
      await this.prisma.cooperationSnapshot.upsert({
        where: { month_land: { month, land: land ?? '' } },
        create: { month, land: land ?? '', refreshedAt: now, figures },
        update: { refreshedAt: now, figures },
      });
    }
  }

  private async figures(code: string | null): Promise<Omit<CooperationOverview, 'series' | 'refreshedAt'>> {
    const [links, borders, gemeinden] = await Promise.all([this.kreisLinks(), this.kreisBorders(), this.gemeinden(code)]);
    const inLand = (l: { aLand: string; bLand: string }) => !code || l.aLand === code || l.bLand === code;
    const cooperating = new Map(links.map((l) => [`${l.a}:${l.b}`, l]));
    const pairs = borders.filter(inLand);
    const cityPairs = pairs.filter((p) => p.landkreisAndCity);
    const shown: KreisLink[] = links.filter(inLand).map((l) => ({
      a: l.a,
      b: l.b,
      weight: l.weight >= MIN_SHOWN ? l.weight : null,
      bordering: borders.some((p) => p.a === l.a && p.b === l.b),
      landkreisAndCity: l.landkreisAndCity,
    }));
    const borderingCooperating = pairs.filter((p) => cooperating.has(`${p.a}:${p.b}`)).length;
    const cityCooperating = cityPairs.filter((p) => cooperating.has(`${p.a}:${p.b}`)).length;
    return {
      land: code,
      borderingKreisPairs: pairs.length,
      borderingKreisPairsCooperating: borderingCooperating,
      borderingKreisShare: share(borderingCooperating, pairs.length),
      landkreisCityPairs: cityPairs.length,
      landkreisCityPairsCooperating: cityCooperating,
      landkreisCityShare: share(cityCooperating, cityPairs.length),
      gemeindenActive: gemeinden.active,
      gemeindenBeyondKreis: gemeinden.beyond,
      gemeindenBeyondKreisShare: share(gemeinden.beyond, gemeinden.active),
      links: shown,
    };
  }

  /** Pairs of different Kreise with anything together, keyed by the Kreise's keys (a < b). */
  private kreisLinks() {
    return this.prisma.$queryRaw<{ a: string; b: string; aLand: string; bLand: string; weight: number; landkreisAndCity: boolean }[]>`
      WITH kreis_of AS (
        SELECT m.id, k.ags, k."landCode", k.kind FROM "Municipality" m JOIN "Municipality" k ON k.ags = substr(m.ags, 1, 5) AND k."isKreis"
      )
      SELECT LEAST(ka.ags, kb.ags) AS a, GREATEST(ka.ags, kb.ags) AS b,
        (CASE WHEN ka.ags < kb.ags THEN ka."landCode" ELSE kb."landCode" END) AS "aLand",
        (CASE WHEN ka.ags < kb.ags THEN kb."landCode" ELSE ka."landCode" END) AS "bLand",
        SUM(p.count)::int AS weight,
        bool_or((ka.kind = 'LANDKREIS' AND kb.kind = 'KREISFREIE_STADT') OR (ka.kind = 'KREISFREIE_STADT' AND kb.kind = 'LANDKREIS')) AS "landkreisAndCity"
      FROM "CooperationPair" p JOIN kreis_of ka ON ka.id = p."aId" JOIN kreis_of kb ON kb.id = p."bId"
      WHERE ka.ags <> kb.ags
      GROUP BY 1, 2, 3, 4`;
  }

  /** Every pair of Kreise sharing a border (a < b). */
  private kreisBorders() {
    return this.prisma.$queryRaw<{ a: string; b: string; aLand: string; bLand: string; landkreisAndCity: boolean }[]>`
      SELECT DISTINCT f.ags AS a, t.ags AS b, f."landCode" AS "aLand", t."landCode" AS "bLand",
        ((f.kind = 'LANDKREIS' AND t.kind = 'KREISFREIE_STADT') OR (f.kind = 'KREISFREIE_STADT' AND t.kind = 'LANDKREIS')) AS "landkreisAndCity"
      FROM "MunicipalityBorder" bd JOIN "Municipality" f ON f.id = bd."fromId" JOIN "Municipality" t ON t.id = bd."toId"
      WHERE bd.level = 'KREIS' AND bd."viaAgs" = '' AND f.ags < t.ags AND f."retiredAt" IS NULL AND t."retiredAt" IS NULL`;
  }

  /** Kreisangehörige Gemeinden with an organisation on Verbund, and those cooperating with another Kreis. */
  private async gemeinden(land: string | null) {
    const [row] = await this.prisma.$queryRaw<{ active: number; beyond: number }[]>`
      WITH active AS (
        SELECT DISTINCT m.id, m.ags FROM "Organization" o JOIN "Municipality" m ON m.id = o."locatedInId"
        WHERE m.kind = 'GEMEINDE' AND (${land}::text IS NULL OR m."landCode" = ${land})
      ),
      beyond AS (
        SELECT DISTINCT a.id FROM active a JOIN "CooperationPair" p ON p."aId" = a.id OR p."bId" = a.id
        JOIN "Municipality" other ON other.id = CASE WHEN p."aId" = a.id THEN p."bId" ELSE p."aId" END
        WHERE substr(other.ags, 1, 5) <> substr(a.ags, 1, 5)
      )
      SELECT (SELECT COUNT(*) FROM active)::int AS active, (SELECT COUNT(*) FROM beyond)::int AS beyond`;
    return row ?? { active: 0, beyond: 0 };
  }
}
