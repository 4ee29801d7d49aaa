import fs from 'node:fs';
import type { Logger } from 'pino';
import type { AppConfig } from '../core/config/config.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { importDirectory } from '../municipalities/import/import-directory.js';

/**
 * Loads what a start needs: the municipality directory when it is empty. Every step is idempotent, so a
 * second start changes nothing. (Demo people, groups and materials join here as those features land.)
 */
export async function seedOnStart(config: AppConfig, databaseUrl: string, logger: Logger): Promise<void> {
  const prisma = new PrismaService(databaseUrl);
  try {
    if ((await prisma.municipality.count()) > 0) return;
    if (!fs.existsSync(config.municipalityDataDir)) {
      logger.warn({ dir: config.municipalityDataDir }, 'municipality directory is empty and no data bundle was found (set VERBUND_DATA_DIR)');
      return;
    }
    const result = await importDirectory(prisma, { dir: config.municipalityDataDir });
    logger.info({ ...result }, 'municipality directory imported');
  } finally {
    await prisma.$disconnect();
  }
}
