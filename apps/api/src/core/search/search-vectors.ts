import { Prisma } from '../../generated/prisma/client.js';
import type { SearchParts } from './search-document.js';

/**
 * The SET clause for a searchable row's vectors from its folded parts: `rankVector` (title A, summary B) for
 * ranking, `searchVector` (also the body, without positions) for matching. Materials and concepts alike.
 */
export function searchVectors(f: SearchParts): Prisma.Sql {
  return Prisma.sql`
    "rankVector" = setweight(to_tsvector('german', ${f.title}), 'A') || setweight(to_tsvector('german', ${f.summary}), 'B'),
    "searchVector" = setweight(to_tsvector('german', ${f.title}), 'A')
      || setweight(to_tsvector('german', ${f.summary}), 'B')
      || strip(to_tsvector('german', ${f.body}))`;
}
