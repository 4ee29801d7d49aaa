import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppError } from '../errors/app-error.js';

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

/**
 * For the few REST routes (uploads, downloads): the same codes and messages as GraphQL, as a JSON body.
 * Refusals from the HTTP layer (a malformed multipart body, too many parts) are the client's fault: 4xx with
 * BAD_USER_INPUT. Anything else is logged and answered without details.
 */
@Catch()
export class AppErrorHttpFilter implements ExceptionFilter {
  private readonly logger = new Logger(AppErrorHttpFilter.name);

  catch(error: unknown, host: ArgumentsHost) {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof AppError) {
      const status = (error.details?.status as number | undefined) ?? STATUS[error.code] ?? 500;
      reply.status(status).send({ code: error.code, message: error.message, ...(error.details?.field ? { field: error.details.field } : {}) });
      return;
    }
    const status = error instanceof HttpException ? error.getStatus() : (error as { statusCode?: number }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      reply.status(status).send({ code: status === 404 ? 'NOT_FOUND' : 'BAD_USER_INPUT', message: 'Die Anfrage ist fehlerhaft.' });
      return;
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    reply.status(500).send({ code: 'INTERNAL_SERVER_ERROR', message: 'Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.' });
  }
}
