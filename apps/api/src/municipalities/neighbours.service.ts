import { Injectable } from '@nestjs/common';
import { Prisma, type Municipality as MunicipalityRow } from '../generated/prisma/client.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { notFound } from '../core/errors/app-error.js';
import type { NeighboursArgs } from './dto/municipalities.args.js';
import { boundingBox, distanceKm } from './geo.js';
import { toMunicipality } from './municipality.mapper.js';
import { Neighbourhood } from './neighbourhood.js';
import { type Neighbour, NeighbourReason } from './models/neighbour.model.js';

const ORDER: NeighbourReason[] = [
  NeighbourReason.SHARES_BORDER,
  NeighbourReason.VIA_UNINCORPORATED_AREA,
  NeighbourReason.SAME_KREIS,
  NeighbourReason.WITHIN_RADIUS,
  NeighbourReason.SIMILAR,
];
const SIMILAR_COUNT = 5;
/** The Länder of the former GDR, with Berlin. */
const EAST = new Set(['11', '12', '13', '14', '15', '16']);
const POPULATION_BANDS = [0, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 2_147_483_647];

function band(population: number): [number, number] {
  const i = POPULATION_BANDS.findIndex((limit) => population < limit);
  return [POPULATION_BANDS[i - 1]!, POPULATION_BANDS[i]! - 1];
}

@Injectable()
export class NeighboursService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly neighbourhood: Neighbourhood,
  ) {}

  /**
   * Border neighbours (all levels the record is on, across Kreis and Land borders), the other Gemeinden of its
   * Landkreis, those within `radiusKm`, and up to five peers of the same structure elsewhere (`similar`).
   * Ordered by the strongest reason, then distance; the peers are always included within `first`.
   */
  async neighbours(args: NeighboursArgs): Promise<Neighbour[]> {
    const key = await this.prisma.municipalityKey.findUnique({ where: { key: args.ags }, include: { municipality: true } });
    if (!key) throw notFound(`Keine Kommune mit dem Schlüssel ${args.ags}.`);
    const self = key.municipality;
    const reasons = new Map<string, Set<NeighbourReason>>();
    const add = (ids: Iterable<string>, reason: NeighbourReason) => {
      for (const id of ids) {
        if (id === self.id) continue;
        const set = reasons.get(id) ?? new Set();
        set.add(reason);
        reasons.set(id, set);
      }
    };

    const borders = await this.neighbourhood.bordering(self);
    add(
      borders.filter((b) => b.direct).map((b) => b.id),
      NeighbourReason.SHARES_BORDER,
    );
    add(
      borders.filter((b) => !b.direct).map((b) => b.id),
      NeighbourReason.VIA_UNINCORPORATED_AREA,
    );

    if (self.kind === 'GEMEINDE' && self.parentId) {
      const siblings = await this.prisma.municipality.findMany({
        where: { parentId: self.parentId, retiredAt: null, NOT: { id: self.id } },
        select: { id: true },
      });
      add(
        siblings.map((s) => s.id),
        NeighbourReason.SAME_KREIS,
      );
    }
    if (args.radiusKm) add(await this.withinRadius(self, args.radiusKm), NeighbourReason.WITHIN_RADIUS);
    add(await this.similar(self, [...reasons.keys()]), NeighbourReason.SIMILAR);

    const rows = await this.prisma.municipality.findMany({ where: { id: { in: [...reasons.keys()] }, retiredAt: null } });
    const all = rows.map((row) => ({
      municipality: toMunicipality(row),
      reasons: ORDER.filter((r) => reasons.get(row.id)!.has(r)),
      distanceKm: Math.round(distanceKm(self, row) * 10) / 10,
    }));
    const strongest = (n: Neighbour) => ORDER.indexOf(n.reasons[0]!);
    all.sort((a, b) => strongest(a) - strongest(b) || a.distanceKm - b.distanceKm || a.municipality.name.localeCompare(b.municipality.name, 'de'));
    const peers = all.filter((n) => n.reasons.length === 1 && n.reasons[0] === NeighbourReason.SIMILAR);
    const others = all.filter((n) => !peers.includes(n));
    return [...others.slice(0, Math.max(0, args.first - peers.length)), ...peers].slice(0, args.first);
  }

  /** Same level, straight-line distance between reference points; a bounding box keeps it on the index. */
  private async withinRadius(self: MunicipalityRow, radiusKm: number): Promise<string[]> {
    const box = boundingBox(self, radiusKm);
    const sameLevel =
      self.kind === 'LAND'
        ? Prisma.sql`m."isLand"`
        : self.kind === 'LANDKREIS'
          ? Prisma.sql`m."isKreis"`
          : self.kind === 'GEMEINDE'
            ? Prisma.sql`m."isGemeinde"`
            : Prisma.sql`(m."isKreis" OR m."isGemeinde")`;
    const candidates = await this.prisma.$queryRaw<{ id: string; latitude: number; longitude: number }[]>`
      SELECT m.id, m.latitude, m.longitude FROM "Municipality" m
      WHERE m."retiredAt" IS NULL AND ${sameLevel}
        AND m.latitude BETWEEN ${box.minLat} AND ${box.maxLat} AND m.longitude BETWEEN ${box.minLon} AND ${box.maxLon}`;
    return candidates.filter((c) => distanceKm(self, c) <= radiusKm).map((c) => c.id);
  }

  /**
   * Peers with the same structure elsewhere, not already neighbours: the same kind; the same degree of
   * urbanisation (Gemeinden, kreisfreie Städte) or population shares within 15 points (Landkreise); population and
   * density within half to twice their own. The same side of the former inner-German border first (integration
   * work differs between East and West), then the nearest. Länder, and records without the structure, compare by
   * population band.
   */
  private async similar(self: MunicipalityRow, exclude: string[]): Promise<string[]> {
    const base = Prisma.sql`m."retiredAt" IS NULL AND m.kind = ${self.kind}::"MunicipalityKind" AND m.id <> ${self.id}::uuid
      AND NOT (m.id = ANY(${exclude}::uuid[]))`;
    if (self.kind === 'LAND' || !self.urbanisation || self.areaKm2 <= 0) {
      const [min, max] = band(self.population);
      const rows = await this.prisma.$queryRaw<{ id: string }[]>`
        SELECT m.id FROM "Municipality" m WHERE ${base} AND m.population BETWEEN ${min} AND ${max}
        ORDER BY abs(m.population - ${self.population}), m.ags LIMIT ${SIMILAR_COUNT}`;
      return rows.map((r) => r.id);
    }
    const density = self.population / self.areaKm2;
    const structure =
      self.kind === 'LANDKREIS' && self.shareRural !== null && self.shareDense !== null
        ? Prisma.sql`abs(m."shareRural" - ${self.shareRural}) <= 0.15 AND abs(m."shareDense" - ${self.shareDense}) <= 0.15`
        : Prisma.sql`m.urbanisation = ${self.urbanisation}::"Urbanisation"`;
    const east = EAST.has(self.landCode);
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT m.id FROM "Municipality" m
      WHERE ${base} AND ${structure}
        AND m.population BETWEEN ${Math.ceil(self.population / 2)} AND ${self.population * 2} AND m."areaKm2" > 0
        AND m.population / m."areaKm2" BETWEEN ${density / 2} AND ${density * 2}
      ORDER BY (m."landCode" = ANY(${[...EAST]}::text[])) = ${east} DESC,
        power(m.latitude - ${self.latitude}, 2) + power((m.longitude - ${self.longitude}) * ${Math.cos((self.latitude * Math.PI) / 180)}, 2), m.ags
      LIMIT ${SIMILAR_COUNT}`;
    return rows.map((r) => r.id);
  }
}
