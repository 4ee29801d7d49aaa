import { isLoopbackHost } from '../http/loopback.js';
import type { AppConfig } from './config.js';

/**
 * A development start reachable from other machines shows development tools (the outbox, the explorer,
 * detailed errors) to the network: say so loudly. Null when the start is production or local only.
 */
export function exposureWarning(config: Pick<AppConfig, 'production' | 'host' | 'env'>): string | null {
  if (config.production || isLoopbackHost(config.host)) return null;
  return `HOST=${config.host} makes this ${config.env} start reachable from other machines: set NODE_ENV=production for any real use (development tools and detailed errors are on).`;
}
