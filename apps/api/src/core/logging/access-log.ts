import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

const SLOW_MS = 1000;

/**
 * The path as it may be logged: without the query string (links in mails carry their tokens there) and without
 * the secret of a calendar feed (personal, near me, a group's), which is its path's last part.
 */
export function loggedPath(url: string): string {
  return url.split('?')[0]!.replace(/^(\/calendar\/(?:feed|near|groups\/[^/]+))\/[^/]+$/, '$1/[redacted]');
}

/**
 * Fastify's log controller, writing what an operator needs with the request id: one line per refused (4xx),
 * failed (5xx) or slow request, none for the rest. Logging every request took 40 % of the throughput
 * (bench/README.md), and a hook of our own would cost another one per request; a reverse proxy in front keeps
 * the full access log.
 */
export class AccessLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const ms = reply.elapsedTime;
    if (!error && reply.statusCode < 400 && ms < SLOW_MS) return;
    const entry = { method: request.method, url: loggedPath(request.url), status: reply.statusCode, ms: Math.round(ms) };
    if (error || reply.statusCode >= 500) request.log.error({ ...entry, err: error }, 'request failed');
    else if (ms >= SLOW_MS) request.log.warn(entry, 'slow request');
    else request.log.info(entry, 'request refused');
  }
}
