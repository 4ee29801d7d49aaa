import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { diffDatabaseToSchema } from '../../../tools/schema-diff.mjs';

const schemaPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../prisma/schema.prisma');

describe('prisma/schema.prisma and prisma/migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.drop());

  it('describe the same database (run `npm run db:migration:create -- <name>` when this fails)', async () => {
    const pending: string = await diffDatabaseToSchema(db.url, schemaPath);
    expect(pending).toBe('');
  });

  it('notices a difference: a model only in the schema is SQL still to write', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-drift-'));
    const changed = path.join(dir, 'schema.prisma');
    fs.writeFileSync(changed, `${fs.readFileSync(schemaPath, 'utf8')}\nmodel DriftProbe {\n  id Int @id\n}\n`);
    try {
      expect(await diffDatabaseToSchema(db.url, changed)).toContain('CREATE TABLE "DriftProbe"');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
