/** The stable `extensions.code` values every GraphQL error carries; clients branch on these, never on messages. */
export const ERROR_CODES = ['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'TOO_MANY_REQUESTS', 'INTERNAL_SERVER_ERROR'] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
