// `npm run db:migration:create -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with the
// SQL that brings a database migrated so far to prisma/schema.prisma (what `prisma migrate dev --create-only`
// does online). Runs against a throwaway embedded PostgreSQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { databaseUrl, startEmbeddedPostgres } from '../apps/api/src/core/database/embedded-postgres.js';
import { migrate } from '../apps/api/src/core/database/migrate.js';
import { diffDatabaseToSchema } from '../apps/api/tools/schema-diff.mjs';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration:create -- <name_in_snake_case>');
  process.exit(1);
}
const migrationsDir = path.resolve('prisma/migrations');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-migration-'));
fs.chmodSync(tmp, 0o755);
const server = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg'), durable: false });
try {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE scratch');
  await admin.end();
  const url = databaseUrl(server.url, 'scratch');
  await migrate({ databaseUrl: url, migrationsDir });
  const sql = await diffDatabaseToSchema(url, 'prisma/schema.prisma');
  if (!sql) {
    console.log('schema.prisma and the migrations agree: nothing to write');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), `${sql}\n`);
    console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await server.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}
