import { Injectable } from '@nestjs/common';
import type { User } from '../generated/prisma/client.js';
import { ConceptSearchService } from '../concepts/concept-search.service.js';
import { badUserInput } from '../core/errors/app-error.js';
import { MaterialSearchService } from '../materials/search/material-search.service.js';
import { type SearchHit, SearchKind, type SearchResult } from './models/search.model.js';

const MAX_OFFSET = 500;

/**
 * One search box for materials and published concepts. Both are ranked alike (title A, summary B, the German
 * configuration over folded words), so the best `offset + first` of each, merged by rank, are the best of all.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly materials: MaterialSearchService,
    private readonly concepts: ConceptSearchService,
  ) {}

  async search(user: User, search: string, first: number, offset: number): Promise<SearchResult> {
    if (first < 1 || first > 50) throw badUserInput('first muss zwischen 1 und 50 liegen.', { field: 'first', limit: 50 });
    if (offset < 0 || offset > MAX_OFFSET) throw badUserInput(`offset muss zwischen 0 und ${MAX_OFFSET} liegen.`, { field: 'offset', limit: MAX_OFFSET });
    if (!search.trim()) throw badUserInput('Bitte geben Sie Suchwörter ein.', { field: 'search' });
    const [materials, concepts] = await Promise.all([
      this.materials.search(user, search, null, offset + first, 0),
      this.concepts.search(user, search, offset + first),
    ]);
    const hits: (SearchHit & { rank: number; updatedAt: Date })[] = [
      ...materials.nodes.map((n) => ({
        kind: SearchKind.MATERIAL,
        material: n.material,
        concept: null,
        snippet: n.snippet,
        rank: n.rank ?? 0,
        updatedAt: n.updatedAt ?? new Date(0),
      })),
      ...concepts.hits.map((h) => ({ kind: SearchKind.CONCEPT, material: null, concept: h.concept, snippet: h.snippet, rank: h.rank, updatedAt: h.updatedAt })),
    ];
    hits.sort((a, b) => b.rank - a.rank || b.updatedAt.getTime() - a.updatedAt.getTime());
    return {
      totalCount: materials.totalCount + concepts.total,
      nodes: hits.slice(offset, offset + first).map(({ rank: _rank, updatedAt: _updatedAt, ...hit }) => hit),
    };
  }
}
