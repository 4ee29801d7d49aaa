import type { FastifyInstance } from 'fastify';

const SLOW_MS = 1000;

/**
 * Logs what an operator needs to see, with the request id: every response with status 400 and above and
 * every request slower than a second. Logging every request took 40 % of the throughput (bench/README.md);
 * a reverse proxy in front keeps the full access log.
 */
export function registerAccessLog(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    done();
    const ms = reply.elapsedTime;
    if (reply.statusCode < 400 && ms < SLOW_MS) return;
    const entry = { method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(ms) };
    if (reply.statusCode >= 500) request.log.error(entry, 'request failed');
    else if (ms >= SLOW_MS) request.log.warn(entry, 'slow request');
    else request.log.info(entry, 'request refused');
  });
}
