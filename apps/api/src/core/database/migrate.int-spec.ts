import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { migrate, migrationChecksum } from './migrate.js';

function migrationsDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-migrations-'));
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('migrate (prisma migrate deploy semantics)', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase({ from: 'blank' });
  });
  afterEach(async () => db.drop());

  it('computes the checksum Prisma does (SHA-256, lowercase hex)', () => {
    expect(migrationChecksum('hello')).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
  });

  it('applies pending folders in order, records them, and applies nothing the second time', async () => {
    const dir = migrationsDir({
      '20260101000000_b': 'ALTER TABLE t ADD COLUMN b int;',
      '20250101000000_a': 'CREATE TABLE t (a int);',
    });
    expect(await migrate({ databaseUrl: db.url, migrationsDir: dir })).toEqual(['20250101000000_a', '20260101000000_b']);
    expect(await migrate({ databaseUrl: db.url, migrationsDir: dir })).toEqual([]);
    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date }>(
      db.url,
      'SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY started_at',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(['20250101000000_a', '20260101000000_b']);
    expect(rows[0]!.checksum).toBe(migrationChecksum('CREATE TABLE t (a int);'));
    expect(rows.every((r) => r.applied_steps_count === 1 && r.finished_at instanceof Date)).toBe(true);
  });

  it('rolls a failing migration back, records the failure and refuses to continue (P3009)', async () => {
    const dir = migrationsDir({ '20250101000000_bad': 'CREATE TABLE half (a int); SELECT * FROM missing_table;' });
    await expect(migrate({ databaseUrl: db.url, migrationsDir: dir })).rejects.toThrow(/missing_table/);
    const tables = await query(db.url, "SELECT 1 FROM information_schema.tables WHERE table_name = 'half'");
    expect(tables).toHaveLength(0);
    const [row] = await query<{ logs: string; finished_at: Date | null }>(db.url, 'SELECT logs, finished_at FROM "_prisma_migrations"');
    expect(row!.finished_at).toBeNull();
    expect(row!.logs).toMatch(/missing_table/);
    await expect(migrate({ databaseUrl: db.url, migrationsDir: dir })).rejects.toThrow(/P3009/);
  });

  it('refuses a migration that was edited after it was applied', async () => {
    const dir = migrationsDir({ '20250101000000_a': 'CREATE TABLE t (a int);' });
    await migrate({ databaseUrl: db.url, migrationsDir: dir });
    fs.writeFileSync(path.join(dir, '20250101000000_a', 'migration.sql'), 'CREATE TABLE t (a bigint);');
    await expect(migrate({ databaseUrl: db.url, migrationsDir: dir })).rejects.toThrow(/changed after it was applied/);
  });

  it('waits while Prisma Migrate holds its lock, so an operator and a starting replica never both apply', async () => {
    const dir = migrationsDir({ '20260101000000_one': 'CREATE TABLE probe (id int);' });
    const operator = new pg.Client({ connectionString: db.url });
    await operator.connect();
    try {
      // The key `prisma migrate deploy` takes (Prisma's schema engine, PostgreSQL).
      await operator.query('SELECT pg_advisory_lock(72707369)');
      let finished = false;
      const starting = migrate({ databaseUrl: db.url, migrationsDir: dir }).then((applied) => {
        finished = true;
        return applied;
      });
      // Given time to finish, it has not: it waits for the lock.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(finished).toBe(false);
      await operator.query('SELECT pg_advisory_unlock(72707369)');
      expect(await starting).toEqual(['20260101000000_one']);
    } finally {
      await operator.end();
    }
  });
});
