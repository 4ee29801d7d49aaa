import { CombinedGraphQLErrors } from '@apollo/client';

/** The server's message for a refused request (German, meant for people), or undefined for other failures. */
export function errorMessage(error: unknown): string | undefined {
  return CombinedGraphQLErrors.is(error) ? error.errors[0]?.message : undefined;
}
