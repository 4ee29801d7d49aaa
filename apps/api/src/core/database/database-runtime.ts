import type { AppConfig } from '../config/config.js';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres.js';
import { migrate } from './migrate.js';

export interface DatabaseRuntime {
  url: string;
  embedded?: EmbeddedPostgres;
  appliedMigrations: string[];
  stop(): Promise<void>;
}

/** The configured server, or an embedded one when DATABASE_URL is unset; migrated before the app starts. */
export async function startDatabase(config: AppConfig): Promise<DatabaseRuntime> {
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres({ dataDir: config.embeddedDbDir });
  const url = config.databaseUrl ?? embedded!.url;
  try {
    const appliedMigrations = await migrate({ databaseUrl: url, migrationsDir: config.migrationsDir });
    return { url, embedded, appliedMigrations, stop: async () => embedded?.stop() };
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
}
