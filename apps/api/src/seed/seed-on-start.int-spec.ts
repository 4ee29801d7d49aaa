import { pino } from 'pino';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { loadConfig } from '../core/config/config.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { seedOnStart } from './seed-on-start.js';

describe('seeding at start', () => {
  let db: TestDatabase;
  let prisma: PrismaService;
  beforeAll(async () => {
    db = await createTestDatabase({ from: 'migrated' });
    prisma = new PrismaService(db.url);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  it('imports the directory into an empty database, and a second start changes nothing', async () => {
    const config = loadConfig({ NODE_ENV: 'test', VERBUND_DATA_DIR: process.env.VERBUND_DATA_DIR! });
    const logger = pino({ level: 'silent' });
    await seedOnStart(config, db.url, logger);
    expect(await prisma.municipality.count()).toBe(11062);
    const imports = await prisma.directoryImport.count();
    await seedOnStart(config, db.url, logger);
    expect(await prisma.directoryImport.count()).toBe(imports);
  });

  it('starts without a directory when the bundle is missing, outside production', async () => {
    const empty = await createTestDatabase({ from: 'migrated' });
    try {
      const config = loadConfig({ NODE_ENV: 'test', VERBUND_DATA_DIR: '/nonexistent/bundle' });
      await expect(seedOnStart(config, empty.url, pino({ level: 'silent' }))).resolves.toBeUndefined();
    } finally {
      await empty.drop();
    }
  });

  it('refuses a production start with an empty directory and no bundle, naming the folder', async () => {
    const empty = await createTestDatabase({ from: 'migrated' });
    try {
      const config = loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: empty.url,
        SMTP_URL: 'smtp://127.0.0.1:9',
        PUBLIC_URL: 'https://verbund.test',
        VERBUND_DATA_DIR: '/nonexistent/bundle',
      });
      await expect(seedOnStart(config, empty.url, pino({ level: 'silent' }))).rejects.toThrow(/no data bundle was found at \/nonexistent\/bundle/);
    } finally {
      await empty.drop();
    }
  });
});
