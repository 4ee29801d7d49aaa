import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppError } from '../errors/app-error.js';

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
};

/** For the few REST routes (uploads, downloads): the same codes and messages as GraphQL, as a JSON body. */
@Catch(AppError)
export class AppErrorHttpFilter implements ExceptionFilter {
  catch(error: AppError, host: ArgumentsHost) {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const status = (error.details?.status as number | undefined) ?? STATUS[error.code] ?? 500;
    reply.status(status).send({ code: error.code, message: error.message, ...(error.details?.field ? { field: error.details.field } : {}) });
  }
}
