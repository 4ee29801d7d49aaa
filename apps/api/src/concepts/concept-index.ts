import type { Prisma } from '../generated/prisma/client.js';
import { distinctWords, foldParts } from '../core/search/search-document.js';
import { searchVectors } from '../core/search/search-vectors.js';
import type { SectionSnapshot } from './section-content.js';

/** Indexes the version just published, in its transaction; returns its words for `SearchWords.remember`. */
export async function indexConcept(
  tx: Prisma.TransactionClient,
  conceptId: string,
  title: string,
  summary: string,
  sections: SectionSnapshot[],
): Promise<string[]> {
  const body = sections.map((s) => [s.title, s.text, ...s.measures.map((m) => `${m.title} ${m.indicator}`)].join('\n')).join('\n');
  const f = foldParts({ title, summary, body });
  await tx.$executeRaw`UPDATE "Concept" SET ${searchVectors(f)} WHERE id = ${conceptId}::uuid`;
  return distinctWords(f.title, f.summary, f.body);
}
