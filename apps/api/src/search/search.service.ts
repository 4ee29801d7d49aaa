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
      this.materials.ranked(user, { search, filter: null, limit: offset + first, offset: 0 }),
      this.concepts.ranked(user, search, offset + first),
    ]);
    const page = [...materials.found.map((f) => ({ ...f, kind: SearchKind.MATERIAL })), ...concepts.found.map((f) => ({ ...f, kind: SearchKind.CONCEPT }))]
      .sort((a, b) => b.rank - a.rank || b.updatedAt.getTime() - a.updatedAt.getTime())
      .slice(offset, offset + first);
    // Only the page is shown: ranking reads ids, showing reads whole documents.
    const [shownMaterials, shownConcepts] = await Promise.all([
      this.materials.shown(
        materials,
        page.filter((f) => f.kind === SearchKind.MATERIAL),
      ),
      this.concepts.shown(
        concepts,
        page.filter((f) => f.kind === SearchKind.CONCEPT),
      ),
    ]);
    const byId = new Map<string, SearchHit>([
      ...shownMaterials.map((n) => [n.material.id, { kind: SearchKind.MATERIAL, material: n.material, concept: null, snippet: n.snippet }] as const),
      ...shownConcepts.map((h) => [h.concept.id, { kind: SearchKind.CONCEPT, material: null, concept: h.concept, snippet: h.snippet }] as const),
    ]);
    return { totalCount: materials.total + concepts.total, nodes: page.flatMap((f) => byId.get(f.id) ?? []) };
  }
}
