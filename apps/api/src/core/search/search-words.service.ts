import { Injectable, Logger } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import { substringStem } from './search-document.js';

const MAX_EXPANSIONS = 200;

/**
 * The word list every searchable document adds its words to, and which query words expand against, so that
 * "Konzept" finds "Integrationskonzept" in materials and concepts alike (ADR 0007).
 */
@Injectable()
export class SearchWords {
  private readonly logger = new Logger('Search');

  constructor(private readonly prisma: PrismaService) {}

  /**
   * A query word as a tsquery: itself, or any indexed word that contains it without its inflection ending
   * ("konzept" → "integrationskonzept", "sprachkurse" → "sprachkurs"). Shortest words first, at most
   * MAX_EXPANSIONS. Folded words are letters and digits only, so they are safe inside to_tsquery.
   */
  async expand(term: string): Promise<string> {
    // Below three characters the trigram index cannot help: such words match only as themselves.
    if (term.length < 3) return `(${term})`;
    const like = `%${substringStem(term)}%`;
    const words = await this.prisma.$queryRaw<{ word: string }[]>`
      SELECT word FROM "SearchWord" WHERE word LIKE ${like} ORDER BY length(word), word LIMIT ${MAX_EXPANSIONS}`;
    return `(${[term, ...words.map((w) => w.word).filter((w) => w !== term)].join(' | ')})`;
  }

  /**
   * Adds a document's words. Outside the document's transaction and in sorted order, so that concurrent
   * publications neither wait for nor deadlock each other; a failure here only costs matches on parts of words.
   */
  async remember(words: string[]): Promise<void> {
    await this.prisma.$executeRaw`
      INSERT INTO "SearchWord" (word) SELECT w FROM unnest(${words}::text[]) AS w ORDER BY 1 ON CONFLICT DO NOTHING`.catch((error: unknown) =>
      this.logger.warn(`search words not stored: ${String(error)}`),
    );
  }
}
