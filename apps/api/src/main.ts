import { ConfigError, loadConfig } from './core/config/config.js';
import { exposureWarning } from './core/config/exposure.js';
import { type DatabaseRuntime, startDatabase } from './core/database/database-runtime.js';
import { EmbeddedPostgresInUseError } from './core/database/embedded-postgres.js';
import { createLogger } from './core/logging/logger.js';
import { seedDemoContent } from './seed/demo-content.js';
import { seedOnStart } from './seed/seed-on-start.js';
import { createServer } from './server.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const exposed = exposureWarning(config);
  if (exposed) logger.warn(exposed);
  // Signals are handled from the first moment: a stop while migrations wait for their lock ends at once,
  // instead of waiting out the lock and being killed. Nest's enableShutdownHooks would re-raise the signal and
  // orphan the embedded server: stop in order here.
  let database: DatabaseRuntime | undefined;
  let app: Awaited<ReturnType<typeof createServer>> | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app?.close().catch((err) => logger.error({ err }, 'closing the app failed'));
    await database?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  try {
    database = await startDatabase(config);
  } catch (err) {
    if (err instanceof EmbeddedPostgresInUseError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  logger.info(
    { embedded: Boolean(database.embedded), migrationsApplied: database.appliedMigrations },
    database.embedded ? `embedded PostgreSQL on port ${database.embedded.port}` : 'using DATABASE_URL',
  );

  try {
    await seedOnStart(config, database.url, logger);
    app = await createServer(config, database.url, logger);
    // Demo content is a convenience: it never keeps the app from starting.
    if (config.demoData) await seedDemoContent(app).catch((error: unknown) => logger.warn({ err: error }, 'demo content not loaded'));
    await app.listen(config.port, config.host);
    const address = app.getHttpServer().address();
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${typeof address === 'object' && address ? address.port : config.port}`;
    database.embedded?.announce(url);
    logger.info(`Verbund is running at ${url}`);
  } catch (err) {
    logger.fatal({ err }, 'start failed');
    await app?.close().catch(() => undefined);
    await database.stop();
    process.exit(1);
  }
}

void main();
