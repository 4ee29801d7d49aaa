import { HttpException } from '@nestjs/common';
import type { ErrorCode } from '@verbund/shared';
import { AppError } from './app-error.js';

const BY_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'TOO_MANY_REQUESTS',
};

export interface ClientError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
  /** False for errors whose message may leak internals: those are logged and replaced. */
  expected: boolean;
}

const INTERNAL_MESSAGE = 'Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.';

/** Maps anything thrown inside a resolver or socket handler to what a client may see. */
export function toClientError(error: unknown): ClientError {
  if (error instanceof AppError) {
    return { code: error.code, message: error.message, details: error.details, expected: true };
  }
  if (error instanceof HttpException) {
    const code = BY_STATUS[error.getStatus()];
    if (code) return { code, message: error.message, expected: true };
  }
  return { code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_MESSAGE, expected: false };
}
