import { Injectable } from '@nestjs/common';
import { Prisma, type Municipality as MunicipalityRow } from '../generated/prisma/client.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { decodeCursor, encodeCursor, type MunicipalitiesArgs } from './dto/municipalities.args.js';
import { toMunicipality } from './municipality.mapper.js';
import type { Municipality } from './models/municipality.model.js';
import type { MunicipalityConnection } from './models/municipality-connection.model.js';
import { foldForSearch } from './search-text.js';

const DIGITS = /^\d{1,8}$/;

@Injectable()
export class MunicipalitiesService {
  constructor(private readonly prisma: PrismaService) {}

  /** Any key the municipality answers to: 14713 and 14713000 give the same record. */
  async findByKey(key: string): Promise<Municipality | null> {
    const row = await this.prisma.municipalityKey.findUnique({ where: { key }, include: { municipality: true } });
    return row ? toMunicipality(row.municipality) : null;
  }

  async findByKeys(keys: readonly string[]): Promise<Map<string, Municipality>> {
    const rows = await this.prisma.municipalityKey.findMany({ where: { key: { in: [...keys] } }, include: { municipality: true } });
    return new Map(rows.map((r) => [r.key, toMunicipality(r.municipality)]));
  }

  async findByIds(ids: readonly string[]): Promise<Map<string, Municipality>> {
    const rows = await this.prisma.municipality.findMany({ where: { id: { in: [...ids] } } });
    return new Map(rows.map((r) => [r.id, toMunicipality(r)]));
  }

  /** Search by name words (umlaut-insensitive), key prefix or postcode; filters by Land and kind. */
  async search(args: MunicipalitiesArgs): Promise<MunicipalityConnection> {
    const conditions: Prisma.Sql[] = [Prisma.sql`m."retiredAt" IS NULL`];
    if (args.land) conditions.push(Prisma.sql`m."landCode" = ${args.land}`);
    if (args.kind) conditions.push(Prisma.sql`m.kind = ${args.kind}::"MunicipalityKind"`);
    const query = (args.search ?? '').trim();
    const folded = foldForSearch(query);
    let rank = Prisma.empty;
    if (DIGITS.test(query)) {
      conditions.push(Prisma.sql`(m.postcode LIKE ${`${query}%`} OR EXISTS (
        SELECT 1 FROM "MunicipalityKey" k WHERE k."municipalityId" = m.id AND k.key LIKE ${`${query}%`}))`);
      rank = Prisma.sql`CASE WHEN m.ags = ${query} OR m.postcode = ${query} THEN 0 ELSE 1 END,`;
    } else if (folded) {
      for (const word of folded.split(' ')) {
        conditions.push(Prisma.sql`(m."searchText" LIKE ${`${word}%`} OR m."searchText" LIKE ${`% ${word}%`})`);
      }
      // "Halle" names Halle (Saale) as well as Halle: the query as the name's leading words is as good as the whole
      // name, and among equally good matches Kreise and kreisfreie Städte (then the larger) come first.
      rank = Prisma.sql`CASE WHEN m."nameKey" = ${folded} OR m."nameKey" LIKE ${`${folded} %`} THEN 0 WHEN m."nameKey" LIKE ${`${folded}%`} THEN 1 ELSE 2 END,
        CASE WHEN m."isKreis" OR m."isLand" THEN 0 ELSE 1 END,`;
    }
    const offset = decodeCursor(args.after);
    const rows = await this.prisma.$queryRaw<(MunicipalityRow & { total: bigint })[]>`
      SELECT m.*, count(*) OVER () AS total FROM "Municipality" m
      WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY ${rank} m.population DESC, m.ags
      LIMIT ${args.first + 1} OFFSET ${offset}`;
    const total = rows.length
      ? Number(rows[0]!.total)
      : Number((await this.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Municipality" m WHERE ${Prisma.join(conditions, ' AND ')}`)[0]!.n);
    return this.page(rows, args.first, offset, total);
  }

  /** The 16 Länder, Berlin and Hamburg included (they are Land and city at once). */
  async laender(): Promise<Municipality[]> {
    const rows = await this.prisma.municipality.findMany({ where: { isLand: true, retiredAt: null }, orderBy: { displayName: 'asc' } });
    return rows.map(toMunicipality);
  }

  /**
   * One page of children for each of many parents in one query (a list of Kreise asking for their Gemeinden):
   * the same page size and cursor for all of them, as one level of a GraphQL selection has.
   */
  async childrenOf(parentIds: readonly string[], first: number, after?: string | null): Promise<Map<string, MunicipalityConnection>> {
    const offset = decodeCursor(after);
    const rows = await this.prisma.$queryRaw<(MunicipalityRow & { position: bigint; total: bigint })[]>`
      SELECT * FROM (
        SELECT m.*,
          row_number() OVER (PARTITION BY m."parentId" ORDER BY m."nameKey", m.ags) - 1 AS position,
          count(*) OVER (PARTITION BY m."parentId") AS total
        FROM "Municipality" m
        WHERE m."parentId" = ANY(${[...parentIds]}::uuid[]) AND m."retiredAt" IS NULL
      ) ranked
      WHERE position >= ${offset} AND position <= ${offset + first}
      ORDER BY "parentId", position`;
    const byParent = new Map<string, MunicipalityRow[]>();
    const totals = new Map<string, number>();
    for (const row of rows) {
      byParent.set(row.parentId!, [...(byParent.get(row.parentId!) ?? []), row]);
      totals.set(row.parentId!, Number(row.total));
    }
    return new Map(parentIds.map((id) => [id, this.page(byParent.get(id) ?? [], first, offset, totals.get(id) ?? 0)]));
  }

  private page(rows: MunicipalityRow[], first: number, offset: number, totalCount: number): MunicipalityConnection {
    const nodes = rows.slice(0, first).map(toMunicipality);
    return {
      nodes,
      totalCount,
      pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? encodeCursor(offset + nodes.length - 1) : null },
    };
  }
}
