// One real PostgreSQL per test run: migrated once into a template that each test file copies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/core/database/embedded-postgres.js';
import { migrate } from '../src/core/database/migrate.js';

const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../prisma/migrations');
export const TEMPLATE = 'app_template';
const DIRECTORY_TEMPLATE = 'app_template_directory';

/** Jest loads global setup outside its module mapping: the importer comes from the build (test depends on build). */
async function importDirectoryInto(url) {
  const { PrismaService } = await import('../dist/core/database/prisma.service.js');
  const { importDirectory } = await import('../dist/municipalities/import/import-directory.js');
  const { loadConfig } = await import('../dist/core/config/config.js');
  const dataDir = loadConfig({ VERBUND_DATA_DIR: process.env.VERBUND_DATA_DIR }).municipalityDataDir;
  process.env.VERBUND_DATA_DIR = dataDir;
  const prisma = new PrismaService(url);
  try {
    await importDirectory(prisma, { dir: dataDir });
  } finally {
    await prisma.$disconnect();
  }
}

function withDatabase(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export default async function globalSetup() {
  try {
    await prepare();
  } catch (err) {
    // Jest skips the teardown when setup fails: stop the server here, or it outlives the run.
    const handle = globalThis.__verbundTestDb;
    await handle?.server.stop();
    if (handle) fs.rmSync(handle.dir, { recursive: true, force: true });
    throw err;
  }
}

async function prepare() {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-test-'));
    fs.chmodSync(dir, 0o755);
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), durable: false });
    globalThis.__verbundTestDb = { server, dir };
    adminUrl = server.url;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const db of [TEMPLATE, DIRECTORY_TEMPLATE]) await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  await migrate({ databaseUrl: withDatabase(adminUrl, TEMPLATE), migrationsDir });
  await admin.query(`CREATE DATABASE ${DIRECTORY_TEMPLATE} TEMPLATE ${TEMPLATE}`);
  await admin.end();
  await importDirectoryInto(withDatabase(adminUrl, DIRECTORY_TEMPLATE));
  process.env.TEST_PG_ADMIN_URL = adminUrl;
  process.env.TEST_PG_TEMPLATE = TEMPLATE;
  process.env.TEST_PG_DIRECTORY_TEMPLATE = DIRECTORY_TEMPLATE;
}
