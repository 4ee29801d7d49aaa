import type { Logger } from 'pino';
import type { AppConfig } from '../core/config/config.js';

/**
 * Loads what a start needs: the municipality directory when it is empty and, outside production, the demo
 * data. Every step is idempotent, so a second start changes nothing.
 */
export async function seedOnStart(config: AppConfig, databaseUrl: string, logger: Logger): Promise<void> {
  logger.debug({ demoData: config.demoData, databaseUrl: '[redacted]' }, 'nothing to seed yet');
}
