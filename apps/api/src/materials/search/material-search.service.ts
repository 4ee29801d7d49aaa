import { Injectable } from '@nestjs/common';
import { Prisma, type User } from '../../generated/prisma/client.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { badUserInput } from '../../core/errors/app-error.js';
import { ViewerScopeService, type ViewerScope } from '../../core/access/viewer-scope.service.js';
import { assertKey } from '../../municipalities/dto/municipalities.args.js';
import type { MaterialsFilter } from '../dto/material.inputs.js';
import { MATERIAL_INCLUDE } from '../material.mapper.js';
import { MaterialsService } from '../materials.service.js';
import type { MaterialSearchResult } from '../models/material.model.js';
import { queryTerms } from '../../core/search/search-document.js';
import { SearchWords } from '../../core/search/search-words.service.js';
import { snippet } from '../../core/search/snippet.js';
import { isUuid, isLandCode } from '../../core/validation/ids.js';

/** Characters of a document's text read for its snippet. */
const SNIPPET_SOURCE = 50_000;

interface Found {
  id: string;
  rank: number;
  updatedAt: Date;
  total: bigint;
}

interface MaterialQuery {
  search: string | null | undefined;
  filter: MaterialsFilter | null | undefined;
  limit: number;
  offset: number;
}

export interface RankedMaterials {
  scope: ViewerScope;
  terms: string[];
  found: Omit<Found, 'total'>[];
  total: number;
}

/**
 * Every search word must match the document's `german` full-text vector, as itself (stems: "Sprachkurse"
 * finds "Sprachkurs"; folding: "Fluechtlinge" finds "Flüchtlinge") or as a word that contains it (expanded
 * through the trigram-indexed word list: "Konzept" finds "Integrationskonzept"). Ranked by full-text rank over
 * title and summary, then by recency. ADR 0007.
 */
@Injectable()
export class MaterialSearchService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly scopes: ViewerScopeService,
    private readonly materials: MaterialsService,
    private readonly words: SearchWords,
  ) {}

  async search(
    user: User,
    search: string | null | undefined,
    filter: MaterialsFilter | null | undefined,
    first: number,
    offset: number,
  ): Promise<MaterialSearchResult> {
    if (first < 1 || first > 100) throw badUserInput('first muss zwischen 1 und 100 liegen.', { field: 'first' });
    if (offset < 0 || offset > 10_000) throw badUserInput('offset muss zwischen 0 und 10000 liegen.', { field: 'offset' });
    const ranked = await this.ranked(user, { search, filter, limit: first, offset });
    return { totalCount: ranked.total, nodes: await this.shown(ranked, ranked.found) };
  }

  /**
   * The matches from `offset` in rank order, at most `limit`, with the total: ids and ranks only, so that the
   * combined search (`SearchService`) ranks deep and shows only its page.
   */
  async ranked(user: User, { search, filter, limit, offset }: MaterialQuery): Promise<RankedMaterials> {
    const scope = await this.scopes.of(user);
    const terms = queryTerms(search ?? '');
    const queries = await Promise.all(terms.map((t) => this.words.expand(t)));
    const conditions = [
      this.visibility(scope),
      ...(await this.filters(filter)),
      ...queries.map((q) => Prisma.sql`m."searchVector" @@ to_tsquery('german', ${q})`),
    ];
    const where = Prisma.join(conditions, ' AND ');
    const rank = queries.length ? Prisma.sql`ts_rank(m."rankVector", to_tsquery('german', ${queries.join(' | ')}))` : Prisma.sql`0::real`;
    const select = Prisma.sql`
      WITH hits AS MATERIALIZED (SELECT m.id, m."updatedAt", ${rank} AS rank FROM "Material" m WHERE ${where})
      SELECT id, rank, "updatedAt", (SELECT count(*) FROM hits) AS total FROM hits
      ORDER BY rank DESC, "updatedAt" DESC, id
      LIMIT ${limit} OFFSET ${offset}`;
    // With search words, the GIN index decides the matches. A sequential scan would read every document's
    // vector out of TOAST storage, which the planner underestimates when a word is in most documents.
    // (Visibility has no index of its own for the same reason: its three values never narrow much.)
    const found = queries.length
      ? (await this.prisma.$transaction([this.prisma.$executeRaw`SET LOCAL enable_seqscan = off`, this.prisma.$queryRaw<Found[]>(select)]))[1]
      : await this.prisma.$queryRaw<Found[]>(select);
    const total = found.length ? Number(found[0]!.total) : offset ? await this.count(where) : 0;
    return { scope, terms, found, total };
  }

  /** The given matches as the list shows them (snippet from the latest version's text), in their order. */
  async shown({ scope, terms }: RankedMaterials, found: RankedMaterials['found']): Promise<MaterialSearchResult['nodes']> {
    if (!found.length) return [];
    const ids = found.map((f) => f.id);
    const [rows, texts] = await Promise.all([
      this.prisma.material.findMany({ where: { id: { in: ids } }, include: MATERIAL_INCLUDE }),
      terms.length
        ? this.prisma.$queryRaw<{ materialId: string; text: string }[]>`
            SELECT DISTINCT ON ("materialId") "materialId", left(text, ${SNIPPET_SOURCE}) AS text FROM "MaterialVersion"
            WHERE "materialId" = ANY(${ids}::uuid[]) ORDER BY "materialId", number DESC`
        : [],
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const textOf = new Map(texts.map((t) => [t.materialId, t.text]));
    const ordered = ids.flatMap((id) => byId.get(id) ?? []);
    const materials = await this.materials.present(scope, ordered);
    return materials.map((material, i) => ({
      material,
      snippet: snippet([ordered[i]!.summary, textOf.get(material.id) ?? '', ordered[i]!.title], terms),
      rank: found.find((f) => f.id === material.id)?.rank ?? 0,
      updatedAt: ordered[i]!.updatedAt,
    }));
  }

  private async count(where: Prisma.Sql): Promise<number> {
    const [row] = await this.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Material" m WHERE ${where}`;
    return Number(row!.n);
  }

  private visibility(scope: ViewerScope): Prisma.Sql {
    const array = (values: string[], type: 'uuid' | 'text') =>
      Prisma.sql`ARRAY[${values.length ? Prisma.join(values) : Prisma.sql`NULL`}]::${Prisma.raw(type)}[]`;
    const any = (ids: string[]) => array(ids, 'uuid');
    const areas = Prisma.sql`m.visibility = 'AREA' AND m."readerAreas" && ${array(scope.areaKeys, 'text')}`;
    return Prisma.sql`(${scope.confirmed ? Prisma.sql`m.visibility = 'MEMBERS' OR (${areas})` : Prisma.sql`false`}
      OR (m.visibility = 'GROUP' AND m."groupId" = ANY(${any(scope.activeGroupIds)}))
      OR (m.visibility IN ('ORGANIZATION', 'AREA') AND m."organizationId" = ANY(${any(scope.organizationIds)})))`;
  }

  private async filters(filter: MaterialsFilter | null | undefined): Promise<Prisma.Sql[]> {
    if (!filter) return [];
    const out: Prisma.Sql[] = [];
    if (filter.topics?.length) out.push(Prisma.sql`m.topics && ${filter.topics}::text[]`);
    if (filter.kinds?.length) out.push(Prisma.sql`m.kind = ANY(${filter.kinds}::text[])`);
    if (filter.languages?.length) out.push(Prisma.sql`m.languages && ${filter.languages}::text[]`);
    if (filter.licences?.length) out.push(Prisma.sql`m.licence = ANY(${filter.licences}::text[])`);
    if (filter.landCode) {
      if (!isLandCode(filter.landCode)) throw badUserInput('Ein Land wird mit seinem zweistelligen Schlüssel angegeben (01–16).', { field: 'landCode' });
      out.push(Prisma.sql`m."landCode" = ${filter.landCode}`);
    }
    if (filter.groupId) {
      if (!isUuid(filter.groupId)) throw badUserInput('Keine gültige Gruppen-ID.', { field: 'groupId' });
      out.push(Prisma.sql`m."groupId" = ${filter.groupId}::uuid`);
    }
    if (filter.urbanisation?.length) {
      out.push(Prisma.sql`m."municipalityId" IN (SELECT u.id FROM "Municipality" u WHERE u.urbanisation::text = ANY(${filter.urbanisation}::text[]))`);
    }
    if (filter.municipalityAgs) {
      assertKey(filter.municipalityAgs);
      const key = await this.prisma.municipalityKey.findUnique({ where: { key: filter.municipalityAgs } });
      out.push(key ? Prisma.sql`m."municipalityId" = ${key.municipalityId}::uuid` : Prisma.sql`false`);
    }
    return out;
  }
}
