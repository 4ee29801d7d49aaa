import { CombinedGraphQLErrors } from '@apollo/client';

/** The server's message for a refused request (German, meant for people), or undefined for other failures. */
export function errorMessage(error: unknown): string | undefined {
  if (CombinedGraphQLErrors.is(error)) return error.errors[0]?.message;
  return error instanceof UploadError ? error.message : undefined;
}

/** A refused upload (POST /uploads); its message comes from the server like a GraphQL error's. */
export class UploadError extends Error {}
