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
});
