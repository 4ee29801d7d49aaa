import type { FastifyInstance } from 'fastify';
import { API_HEADERS } from './security-headers.js';

/**
 * Security headers on every response, a request id to quote in support requests, and CSRF protection for
 * cookie-authenticated GraphQL: POSTs must be application/json, which a cross-site form or "simple" fetch
 * cannot send without a preflight. Mercurius itself refuses mutations over GET.
 */
export async function registerSecurity(app: FastifyInstance): Promise<void> {
  // Callback-style hooks: cheaper than async ones on every request.
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(API_HEADERS);
    reply.header('x-request-id', request.id);
    if (request.method === 'POST' && request.url.startsWith('/graphql') && !isJson(request.headers['content-type'])) {
      reply.status(415).send({
        data: null,
        errors: [{ message: 'GraphQL requests must be sent as application/json.', extensions: { code: 'BAD_USER_INPUT' } }],
      });
      return;
    }
    done();
  });
}

/** What a browser's fetch sends is compared first; anything else is parsed (parameters, case, spaces). */
export function isJson(contentType: string | undefined): boolean {
  if (contentType === 'application/json') return true;
  if (contentType === undefined) return false;
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase() === 'application/json';
}
