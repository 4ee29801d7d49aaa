import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Prisma, type User } from '../generated/prisma/client.js';
import { ViewerScopeService, type ViewerScope } from '../core/access/viewer-scope.service.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { queryTerms } from '../core/search/search-document.js';
import { SearchWords } from '../core/search/search-words.service.js';
import { snippet, type SnippetPart } from '../core/search/snippet.js';
import { CONCEPT_INCLUDE } from './concept.mapper.js';
import { indexConcept } from './concept-index.js';
import { ConceptsService } from './concepts.service.js';
import type { Concept } from './models/concept.model.js';
import type { SectionSnapshot } from './section-content.js';

export interface RankedConcepts {
  scope: ViewerScope;
  terms: string[];
  found: { id: string; rank: number; updatedAt: Date }[];
  total: number;
}

export interface ConceptHit {
  concept: Concept;
  snippet: SnippetPart[];
  rank: number;
  updatedAt: Date;
}

/** Published concepts in the German search materials use (same folding, word expansion and ranking, ADR 0007). */
@Injectable()
export class ConceptSearchService implements OnApplicationBootstrap {
  constructor(
    private readonly prisma: PrismaService,
    private readonly scopes: ViewerScopeService,
    private readonly words: SearchWords,
    private readonly concepts: ConceptsService,
  ) {}

  /** Concepts published before they were indexed (before this feature) get their index once. */
  async onApplicationBootstrap(): Promise<void> {
    const missing = await this.prisma.concept.findMany({
      where: { versions: { some: {} } },
      select: { id: true, versions: { orderBy: { number: 'desc' }, take: 1, select: { title: true, summary: true, sections: true } } },
    });
    const unindexed = new Set((await this.prisma.$queryRaw<{ id: string }[]>`SELECT id FROM "Concept" WHERE "searchVector" IS NULL`).map((r) => r.id));
    for (const c of missing.filter((m) => unindexed.has(m.id))) {
      const { title, summary, sections } = c.versions[0]!;
      const words = await indexConcept(this.prisma, c.id, title, summary, sections as unknown as SectionSnapshot[]);
      await this.words.remember(words);
    }
  }

  /**
   * Ids and ranks of the best `limit` published concepts for the search words, with the total (none without words):
   * the combined search ranks deep and shows only its page.
   */
  async ranked(user: User, search: string, limit: number): Promise<RankedConcepts> {
    const scope = await this.scopes.of(user);
    const terms = queryTerms(search);
    if (!terms.length || !scope.confirmed) return { scope, terms, found: [], total: 0 };
    const queries = await Promise.all(terms.map((t) => this.words.expand(t)));
    const where = Prisma.join(
      queries.map((q) => Prisma.sql`c."searchVector" @@ to_tsquery('german', ${q})`),
      ' AND ',
    );
    const [, found] = await this.prisma.$transaction([
      this.prisma.$executeRaw`SET LOCAL enable_seqscan = off`,
      this.prisma.$queryRaw<{ id: string; rank: number; updatedAt: Date; total: bigint }[]>`
        WITH hits AS MATERIALIZED (
          SELECT c.id, c."updatedAt", ts_rank(c."rankVector", to_tsquery('german', ${queries.join(' | ')})) AS rank
          FROM "Concept" c WHERE ${where})
        SELECT id, rank, "updatedAt", (SELECT count(*) FROM hits) AS total FROM hits
        ORDER BY rank DESC, "updatedAt" DESC, id LIMIT ${limit}`,
    ]);
    return { scope, terms, found, total: found.length ? Number(found[0]!.total) : 0 };
  }

  /** The given matches as the search shows them, in their order. */
  async shown({ scope, terms }: RankedConcepts, found: RankedConcepts['found']): Promise<ConceptHit[]> {
    if (!found.length) return [];
    const rows = await this.prisma.concept.findMany({ where: { id: { in: found.map((f) => f.id) } }, include: CONCEPT_INCLUDE });
    const byId = new Map(rows.map((r) => [r.id, r]));
    // The snippet quotes the latest version's sections: only those texts are loaded, of no older version.
    const latestVersions = rows.flatMap((r) => (r.versions[0] ? [{ conceptId: r.id, number: r.versions[0].number }] : []));
    const texts = latestVersions.length
      ? await this.prisma.conceptVersion.findMany({ where: { OR: latestVersions }, select: { conceptId: true, sections: true } })
      : [];
    const sectionsOf = new Map(texts.map((v) => [v.conceptId, v.sections as unknown as SectionSnapshot[]]));
    return Promise.all(
      found.flatMap((f) => {
        const row = byId.get(f.id);
        if (!row) return [];
        // Only the published version is searched, and only it is quoted: the drafters' working text is theirs.
        const latest = row.versions[0];
        const sections = sectionsOf.get(row.id) ?? [];
        return [
          this.concepts.present(scope, row).then((concept) => ({
            concept,
            snippet: snippet([latest?.summary ?? '', sections.map((s) => `${s.title}. ${s.text}`).join(' '), latest?.title ?? ''], terms),
            rank: f.rank,
            updatedAt: f.updatedAt,
          })),
        ];
      }),
    );
  }
}
