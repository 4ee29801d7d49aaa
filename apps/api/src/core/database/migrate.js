// Applies prisma/migrations exactly as `prisma migrate deploy` does (same _prisma_migrations table, same
// SHA-256 checksums), because Prisma's migrate CLI needs a native engine download that fails offline
// (docs/adr/0002-migrations-offline.md). Plain ESM JavaScript so Jest's globalSetup can import it too.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

// Prisma Migrate's own key (schema engine, postgres flavour): an operator's `prisma migrate deploy` and a starting
// replica wait for each other instead of applying the same folder twice.
const LOCK_KEY = 72_707_369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export function migrationChecksum(script) {
  return createHash('sha256').update(script).digest('hex');
}

function acceptedChecksums(script) {
  const lf = script.replace(/\r\n/g, '\n');
  return new Set([migrationChecksum(script), migrationChecksum(lf), migrationChecksum(lf.replace(/\n/g, '\r\n'))]);
}

export function readMigrations(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort()
    .map((name) => ({ name, script: fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8') }));
}

export class MigrationError extends Error {}

/**
 * @param {{ databaseUrl: string, migrationsDir: string }} options
 * @returns {Promise<string[]>} names of the migrations applied now
 */
export async function migrate({ databaseUrl, migrationsDir }) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at');
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed) {
      throw new MigrationError(`migration ${failed.migration_name} failed earlier and must be resolved before new ones apply (P3009)`);
    }
    const done = new Map(rows.filter((r) => r.rolled_back_at === null).map((r) => [r.migration_name, r.checksum]));
    const applied = [];
    for (const migration of readMigrations(migrationsDir)) {
      const recorded = done.get(migration.name);
      if (recorded !== undefined) {
        if (!acceptedChecksums(migration.script).has(recorded)) {
          throw new MigrationError(`migration ${migration.name} was changed after it was applied`);
        }
        continue;
      }
      const id = randomUUID();
      await client.query('INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())', [
        id,
        migrationChecksum(migration.script),
        migration.name,
      ]);
      try {
        // One simple-query call runs the whole script in one implicit transaction, as Prisma does.
        await client.query(migration.script);
      } catch (err) {
        await client.query('UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1', [id, String(err.message)]);
        throw new MigrationError(`migration ${migration.name} failed: ${err.message}`);
      }
      await client.query('UPDATE "_prisma_migrations" SET applied_steps_count = applied_steps_count + 1, finished_at = now() WHERE id = $1', [id]);
      applied.push(migration.name);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
