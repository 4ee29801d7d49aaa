import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import fs from 'node:fs';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { SCHEMA_FILE } from './graphql.module.js';

describe('apps/api/schema.gql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('is the schema the code defines (a development start `npm start` rewrites it)', () => {
    const live = printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema));
    const committed = printSchema(lexicographicSortSchema(buildSchema(fs.readFileSync(SCHEMA_FILE, 'utf8'))));
    expect(committed).toBe(live);
  });
});
