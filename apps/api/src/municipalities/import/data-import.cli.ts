import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../core/config/config.js';
import { startDatabase } from '../../core/database/database-runtime.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { BundleError } from './bundle.js';
import { importDirectory } from './import-directory.js';

/** `npm run data:import [-- --dir PATH] [-- --force]`: (re)imports the municipality directory. */
async function main() {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, force: { type: 'boolean', default: false } } });
  const config = loadConfig();
  const database = await startDatabase(config);
  const prisma = new PrismaService(database.url);
  try {
    const result = await importDirectory(prisma, { dir: values.dir ?? config.municipalityDataDir, force: values.force });
    console.log(
      result.skipped
        ? `directory unchanged (same bundle as the last import), ${result.ms} ms`
        : `directory imported in ${result.ms} ms: ${result.inserted} new, ${result.updated} updated, ${result.retired} retired, ${result.rekeyed} re-keyed, ${result.borders} border rows`,
    );
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof BundleError || err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
