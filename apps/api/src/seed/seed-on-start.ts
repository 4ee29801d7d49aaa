import fs from 'node:fs';
import type { Logger } from 'pino';
import type { AppConfig } from '../core/config/config.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { importDirectory } from '../municipalities/import/import-directory.js';
import { seedDemoPeople } from './demo-people.js';

/**
 * Loads what a start needs: the municipality directory when it is empty and, with DEMO_DATA, the demo people.
 * Every step is idempotent, so a second start changes nothing.
 */
export async function seedOnStart(config: AppConfig, databaseUrl: string, logger: Logger): Promise<void> {
  const prisma = new PrismaService(databaseUrl);
  try {
    if ((await prisma.municipality.count()) === 0) {
      if (fs.existsSync(config.municipalityDataDir)) {
        const result = await importDirectory(prisma, { dir: config.municipalityDataDir });
        logger.info({ ...result }, 'municipality directory imported');
      } else if (config.production) {
        // Without the directory nothing works (search, neighbours, regions): a production start says so and stops.
        throw new Error(`municipality directory is empty and no data bundle was found at ${config.municipalityDataDir} (set VERBUND_DATA_DIR)`);
      } else {
        logger.warn({ dir: config.municipalityDataDir }, 'municipality directory is empty and no data bundle was found (set VERBUND_DATA_DIR)');
      }
    }
    if (config.demoData) await seedDemoPeople(prisma);
  } finally {
    await prisma.$disconnect();
  }
}
