import type { ErrorCode } from '@verbund/shared';

/**
 * An error meant for the client: its message is safe to show and its code is stable.
 * Services throw these; the GraphQL error formatter and the socket acks pass them on unchanged.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badUserInput = (message: string, details?: Record<string, unknown>) => new AppError('BAD_USER_INPUT', message, details);
export const notFound = (message: string) => new AppError('NOT_FOUND', message);
export const unauthenticated = (message = 'Bitte melden Sie sich an.') => new AppError('UNAUTHENTICATED', message);
export const forbidden = (message = 'Dafür fehlt Ihnen die Berechtigung.') => new AppError('FORBIDDEN', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);
