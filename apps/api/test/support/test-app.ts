import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type AppConfig } from '../../src/core/config/config.js';
import { createServer } from '../../src/server.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: NestFastifyApplication;
  url: string;
  config: AppConfig;
  db: TestDatabase;
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export interface GraphQLResponse<T> {
  status: number;
  data: T | null;
  errors?: { message: string; extensions: { code: string; [k: string]: unknown } }[];
}

/** The real app on its own database and an ephemeral port; `env` overrides configuration. */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { directory?: boolean } = {},
): Promise<TestApp> {
  const db = await createTestDatabase({ from: options.directory ? 'directory' : 'migrated' });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', ...env });
  const app = await createServer(config, db.url);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    url,
    config,
    db,
    async graphql<T>(query: string, variables?: Record<string, unknown>) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Omit<GraphQLResponse<T>, 'status'>;
      return { status: res.status, ...body };
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
