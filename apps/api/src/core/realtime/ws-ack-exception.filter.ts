import { type ArgumentsHost, Catch, Logger, type WsExceptionFilter } from '@nestjs/common';
import type { Ack } from '@verbund/shared';
import { toClientError } from '../errors/to-client-error.js';

/** A refused or failed socket event is answered through its acknowledgement with a stable error code. */
@Catch()
export class WsAckExceptionFilter implements WsExceptionFilter {
  private readonly logger = new Logger('Realtime');

  catch(exception: unknown, host: ArgumentsHost) {
    const error = toClientError(exception);
    if (!error.expected) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const ack = host.getArgs().find((arg): arg is (reply: Ack<never>) => void => typeof arg === 'function');
    ack?.({ ok: false, code: error.code, message: error.message });
  }
}
