import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { GqlContextType } from '@nestjs/graphql';
import { AppErrorHttpFilter } from '../http/app-error-http.filter.js';
import { WsAckExceptionFilter } from '../realtime/ws-ack-exception.filter.js';
import { AppError } from '../errors/app-error.js';

/**
 * An `AppError` is a refusal meant for the client (FORBIDDEN, NOT_FOUND, BAD_USER_INPUT …), not a fault. Without
 * this filter Nest logs each one raised in a resolver at error level, stack and all; in GraphQL it is handed on
 * unlogged to the error formatter, which gives it its code. Elsewhere it is answered as the REST routes and the
 * sockets answer it.
 */
@Catch(AppError)
export class AppErrorFilter implements ExceptionFilter {
  private readonly http = new AppErrorHttpFilter();
  private readonly ws = new WsAckExceptionFilter();

  catch(error: AppError, host: ArgumentsHost) {
    const type = host.getType<GqlContextType>();
    if (type === 'graphql') return error;
    if (type === 'ws') return this.ws.catch(error, host);
    return this.http.catch(error, host);
  }
}
