import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type AppConfig } from '../../src/core/config/config.js';
import { JobsService } from '../../src/core/jobs/jobs.service.js';
import { MAIL_JOB } from '../../src/core/mail/mail.service.js';
import { EMAIL_JOB } from '../../src/notifications/notifications.service.js';
import type { Logger } from 'pino';
import { createServer } from '../../src/server.js';
import { eventually } from './eventually.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** A browser stand-in: keeps the session cookie between requests. */
export interface TestClient {
  cookie: string | undefined;
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T> & { headers: Headers }>;
}

export interface OutboxMail {
  to: string;
  subject: string;
  text: string;
}

export interface TestApp {
  client(cookie?: string): TestClient;
  /** Mails written to this app's outbox, oldest first, once every queued mail has been delivered. */
  outbox(): Promise<OutboxMail[]>;
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
  options: {
    directory?: boolean;
    /** Another app's database: two processes of one deployment. */
    sharedDb?: TestDatabase;
    /** Where the app's log goes (with `LOG_LEVEL` in `env`): for tests that read it. */
    logger?: Logger;
  } = {},
): Promise<TestApp> {
  const db = options.sharedDb ?? (await createTestDatabase({ from: options.directory ? 'directory' : 'migrated' }));
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-mail-'));
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-files-'));
  // Production refuses to start half-configured: it gets this database, a mail server (unreachable here) and an address.
  const production = env.NODE_ENV === 'production' ? { DATABASE_URL: db.url, SMTP_URL: 'smtp://127.0.0.1:9', PUBLIC_URL: 'https://verbund.test' } : {};
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JOBS_POLL_SECONDS: '0.5',
    PORT: '0',
    VERBUND_MAIL_DIR: mailDir,
    VERBUND_FILES_DIR: filesDir,
    ...production,
    ...env,
  });
  const app = await createServer(config, db.url, options.logger);
  await app.listen(config.port, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const client = (initial?: string): TestClient => {
    const c: TestClient = {
      cookie: initial,
      async graphql<T>(query: string, variables?: Record<string, unknown>) {
        const res = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(c.cookie ? { cookie: c.cookie } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        const set = res.headers.getSetCookie().find((h) => h.startsWith(`${config.session.cookieName}=`));
        if (set) {
          const pair = set.split(';')[0]!;
          c.cookie = pair.endsWith('=') ? undefined : pair;
        }
        const body = (await res.json()) as Omit<GraphQLResponse<T>, 'status'>;
        return { status: res.status, headers: res.headers, ...body };
      },
    };
    return c;
  };
  return {
    app,
    url,
    config,
    db,
    client,
    async outbox() {
      const jobs = app.get(JobsService);
      await eventually(async () => (await jobs.pending(EMAIL_JOB, MAIL_JOB)) === 0, 'delivery of every queued mail', 10_000);
      return fs.existsSync(mailDir)
        ? fs
            .readdirSync(mailDir)
            .filter((f) => f.endsWith('.json'))
            .sort()
            .map((f) => JSON.parse(fs.readFileSync(path.join(mailDir, f), 'utf8')) as OutboxMail)
        : [];
    },
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
      if (!options.sharedDb) await db.drop();
      fs.rmSync(mailDir, { recursive: true, force: true });
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
