import { Injectable } from '@nestjs/common';
import { PrismaService } from '../core/database/prisma.service.js';
import { badUserInput } from '../core/errors/app-error.js';
import { isLandCode } from '../core/validation/ids.js';
import { Urbanisation } from '../municipalities/models/municipality.model.js';
import type { CooperationMonth, CooperationShares, CooperationOverview, KreisCooperation, KreisLink } from './models/overview.model.js';

/** Below this many things done together, a link's weight is not shown: small numbers can point at a few people. */
export const MIN_SHOWN = 3;
/** Links between Kreise that do not border each other, beyond which the map would be a tangle: the strongest. */
export const DISTANT_LINKS = 300;

const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null);

type Figures = Omit<CooperationOverview, 'series' | 'refreshedAt'>;
type Link = { a: string; b: string; aLand: string; bLand: string; weight: number; landkreisAndCity: boolean };
type Border = {
  a: string;
  b: string;
  aLand: string;
  bLand: string;
  landkreisAndCity: boolean;
  /** The classes of the two Kreise (a, b); for a Landkreis and a kreisfreie Stadt, each side's on its own too. */
  classes: (Urbanisation | null)[];
  landkreisClass: Urbanisation | null;
  landkreisLand: string;
  cityClass: Urbanisation | null;
};
type GemeindenOfLand = { landCode: string; urbanisation: Urbanisation | null; active: number; beyond: number };
const CLASSES = [Urbanisation.DICHT, Urbanisation.MITTEL, Urbanisation.GERING];

const LANDS = [null, ...Array.from({ length: 16 }, (_, i) => String(i + 1).padStart(2, '0'))];

/**
 * The national and Land figures from the stored pairs, lifted to Kreise (a Gemeinde counts for the Kreis of its
 * key; a kreisfreie Stadt is its own Kreis). Only organisation-level counts, never names. Computed by the refresh
 * and stored (`CooperationFigures`, and a monthly `CooperationSnapshot` for the series): the page reads them.
 */
@Injectable()
export class CooperationOverviewService {
  constructor(private readonly prisma: PrismaService) {}

  async overview(land: string | null | undefined): Promise<CooperationOverview> {
    if (land && !isLandCode(land)) throw badUserInput('Bitte das Land als zweistelligen Schlüssel angeben (01–16).', { field: 'land' });
    const code = land ?? null;
    const [stored, snapshots] = await Promise.all([
      this.prisma.cooperationFigures.findUnique({ where: { land: code ?? '' } }),
      this.prisma.cooperationSnapshot.findMany({ where: { land: code ?? '' }, orderBy: { month: 'asc' }, take: 120 }),
    ]);
    // Before the first refresh there are no pairs, and figures stored before the split lack it: both are quick to compute.
    const kept = stored?.figures as unknown as Figures | undefined;
    const figures = kept?.byUrbanisation ? kept : await this.compute(code);
    return {
      ...figures,
      series: snapshots.map((s) => ({ month: s.month.toISOString().slice(0, 7), ...(s.figures as Omit<CooperationMonth, 'month'>) })),
      refreshedAt: stored?.refreshedAt ?? null,
    };
  }

  /**
   * Stores the figures for Germany and each Land, and this month's shares (called by the refresh, after the pairs).
   * Computed first and written in two statements, so the transaction is short and concurrent refreshes cannot
   * collide on a new month's rows.
   */
  async snapshot(now = new Date()): Promise<void> {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const [links, borders, gemeinden] = await Promise.all([this.kreisLinks(), this.kreisBorders(), this.gemeinden()]);
    const rows = LANDS.map((land) => ({ key: land ?? '', figures: this.figures(land, links, borders, gemeinden) }));
    const figures = JSON.stringify(rows.map(({ key, figures: f }) => ({ land: key, figures: f })));
    const shares = JSON.stringify(
      rows.map(({ key, figures: f }) => ({
        land: key,
        figures: {
          borderingKreisShare: f.borderingKreisShare,
          landkreisCityShare: f.landkreisCityShare,
          gemeindenBeyondKreisShare: f.gemeindenBeyondKreisShare,
        },
      })),
    );
    await this.prisma.$transaction([
      this.prisma.$executeRaw`
        INSERT INTO "CooperationFigures" (land, "refreshedAt", figures)
        SELECT r.land, ${now}::timestamp, r.figures FROM jsonb_to_recordset(${figures}::jsonb) AS r(land text, figures jsonb)
        ON CONFLICT (land) DO UPDATE SET "refreshedAt" = EXCLUDED."refreshedAt", figures = EXCLUDED.figures`,
      this.prisma.$executeRaw`
        INSERT INTO "CooperationSnapshot" (month, land, "refreshedAt", figures)
        SELECT ${month}::date, r.land, ${now}::timestamp, r.figures FROM jsonb_to_recordset(${shares}::jsonb) AS r(land text, figures jsonb)
        ON CONFLICT (month, land) DO UPDATE SET "refreshedAt" = EXCLUDED."refreshedAt", figures = EXCLUDED.figures`,
    ]);
  }

  private async compute(code: string | null): Promise<Figures> {
    const [links, borders, gemeinden] = await Promise.all([this.kreisLinks(), this.kreisBorders(), this.gemeinden()]);
    return this.figures(code, links, borders, gemeinden);
  }

  private figures(code: string | null, links: Link[], borders: Border[], gemeinden: GemeindenOfLand[]): Figures {
    const inLand = (l: { aLand: string; bLand: string }) => !code || l.aLand === code || l.bLand === code;
    const bordering = new Set(borders.map((p) => `${p.a}:${p.b}`));
    const shownWeight = (l: Link) => (l.weight >= MIN_SHOWN ? l.weight : null);
    const all: KreisLink[] = links
      .filter(inLand)
      .map((l) => ({ a: l.a, b: l.b, weight: shownWeight(l), bordering: bordering.has(`${l.a}:${l.b}`), landkreisAndCity: l.landkreisAndCity }))
      .sort((x, y) => (y.weight ?? 0) - (x.weight ?? 0) || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
    const shown = [...all.filter((l) => l.bordering), ...all.filter((l) => !l.bordering).slice(0, DISTANT_LINKS)];
    const pairs = borders.filter(inLand);
    const ofLand = gemeinden.filter((g) => !code || g.landCode === code);
    const cooperating = new Set(links.map((l) => `${l.a}:${l.b}`));
    const tally = (p: Border[], cityPairs: Border[], g: GemeindenOfLand[]) => counts(cooperating, p, cityPairs, g);
    return {
      land: code,
      ...tally(
        pairs,
        pairs.filter((p) => p.landkreisAndCity),
        ofLand,
      ),
      byUrbanisation: CLASSES.map((urbanisation) => ({
        urbanisation,
        ...tally(
          pairs.filter((p) => classesIn(p, code).includes(urbanisation)),
          pairs.filter((p) => p.landkreisAndCity && cityPairClass(p, code) === urbanisation),
          ofLand.filter((g) => g.urbanisation === urbanisation),
        ),
      })),
      links: shown,
      linkCount: all.length,
      kreise: this.kreise(code, links, borders),
    };
  }

  /** Each Kreis of the Land (or of Germany) with its bordering Kreise, how many of those it works with, and its partners. */
  private kreise(code: string | null, links: Link[], borders: Border[]): KreisCooperation[] {
    const cooperating = new Set(links.map((l) => `${l.a}:${l.b}`));
    const of = new Map<string, KreisCooperation>();
    const entry = (ags: string, land: string) => {
      if (code && land !== code) return null;
      if (!of.has(ags)) of.set(ags, { ags, borderingKreise: 0, borderingCooperating: 0, partners: 0 });
      return of.get(ags)!;
    };
    for (const b of borders) {
      const together = cooperating.has(`${b.a}:${b.b}`) ? 1 : 0;
      for (const k of [entry(b.a, b.aLand), entry(b.b, b.bLand)]) {
        if (!k) continue;
        k.borderingKreise++;
        k.borderingCooperating += together;
      }
    }
    for (const l of links) for (const k of [entry(l.a, l.aLand), entry(l.b, l.bLand)]) if (k) k.partners++;
    return [...of.values()].sort((x, y) => x.ags.localeCompare(y.ags));
  }

  /** Pairs of different Kreise with anything together, keyed by the Kreise's keys (a < b). */
  private kreisLinks() {
    return this.prisma.$queryRaw<Link[]>`
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
    return this.prisma.$queryRaw<Border[]>`
      SELECT DISTINCT f.ags AS a, t.ags AS b, f."landCode" AS "aLand", t."landCode" AS "bLand",
        ((f.kind = 'LANDKREIS' AND t.kind = 'KREISFREIE_STADT') OR (f.kind = 'KREISFREIE_STADT' AND t.kind = 'LANDKREIS')) AS "landkreisAndCity",
        ARRAY[f.urbanisation::text, t.urbanisation::text] AS classes,
        (CASE WHEN f.kind = 'LANDKREIS' THEN f.urbanisation ELSE t.urbanisation END)::text AS "landkreisClass",
        (CASE WHEN f.kind = 'LANDKREIS' THEN f."landCode" ELSE t."landCode" END) AS "landkreisLand",
        (CASE WHEN f.kind = 'LANDKREIS' THEN t.urbanisation ELSE f.urbanisation END)::text AS "cityClass"
      FROM "MunicipalityBorder" bd JOIN "Municipality" f ON f.id = bd."fromId" JOIN "Municipality" t ON t.id = bd."toId"
      WHERE bd.level = 'KREIS' AND bd."viaAgs" = '' AND f.ags < t.ags AND f."retiredAt" IS NULL AND t."retiredAt" IS NULL`;
  }

  /**
   * Per Land and degree of urbanisation: kreisangehörige Gemeinden with an organisation on Verbund (one with a
   * confirmed member: a request alone, pending or refused, makes none), and those cooperating with another Kreis.
   */
  private gemeinden() {
    return this.prisma.$queryRaw<GemeindenOfLand[]>`
      WITH active AS (
        SELECT DISTINCT m.id, m.ags, m."landCode", m.urbanisation::text AS urbanisation FROM "Organization" o JOIN "Municipality" m ON m.id = o."locatedInId"
        WHERE m.kind = 'GEMEINDE' AND EXISTS (SELECT 1 FROM "Membership" ms WHERE ms."organizationId" = o.id AND ms.status = 'CONFIRMED')
      ),
      beyond AS (
        SELECT DISTINCT a.id FROM active a JOIN "CooperationPair" p ON p."aId" = a.id OR p."bId" = a.id
        JOIN "Municipality" other ON other.id = CASE WHEN p."aId" = a.id THEN p."bId" ELSE p."aId" END
        WHERE substr(other.ags, 1, 5) <> substr(a.ags, 1, 5)
      )
      SELECT a."landCode", a.urbanisation, COUNT(*)::int AS active, COUNT(b.id)::int AS beyond
      FROM active a LEFT JOIN beyond b ON b.id = a.id GROUP BY a."landCode", a.urbanisation`;
  }
}

/** The classes a bordering pair counts for: each Kreis's, in a Land's figures only those of its Kreise in that Land. */
function classesIn(p: Border, land: string | null): (Urbanisation | null)[] {
  return [p.aLand, p.bLand].flatMap((l, i) => (!land || l === land ? [p.classes[i]!] : []));
}

/** A Landkreis–Stadt pair counts for the Landkreis's class; in a Land's figures for the city when the Landkreis lies beyond. */
function cityPairClass(p: Border, land: string | null): Urbanisation | null {
  return !land || p.landkreisLand === land ? p.landkreisClass : p.cityClass;
}

/** The three shares over the given bordering pairs, Landkreis–Stadt pairs and Gemeinden. */
function counts(cooperating: Set<string>, pairs: Border[], cityPairs: Border[], gemeinden: GemeindenOfLand[]): CooperationShares {
  const together = (list: Border[]) => list.filter((p) => cooperating.has(`${p.a}:${p.b}`)).length;
  const [borderingCooperating, cityCooperating] = [together(pairs), together(cityPairs)];
  const active = gemeinden.reduce((sum, g) => sum + g.active, 0);
  const beyond = gemeinden.reduce((sum, g) => sum + g.beyond, 0);
  return {
    borderingKreisPairs: pairs.length,
    borderingKreisPairsCooperating: borderingCooperating,
    borderingKreisShare: share(borderingCooperating, pairs.length),
    landkreisCityPairs: cityPairs.length,
    landkreisCityPairsCooperating: cityCooperating,
    landkreisCityShare: share(cityCooperating, cityPairs.length),
    gemeindenActive: active,
    gemeindenBeyondKreis: beyond,
    gemeindenBeyondKreisShare: share(beyond, active),
  };
}
