import type { TFunction } from 'i18next';
import { errorText, type ServerError as Refusal } from './errorText';

type GraphQLErrorLike = { message: string; extensions?: { code?: string; details?: Refusal['details'] } };

/*
 * Apollo's error classes are told apart by name, not by importing them: the sign-in page shows its refusals before
 * Apollo has arrived, and would otherwise carry part of it in its own script.
 */
type ApolloErrorLike = Error & { errors?: GraphQLErrorLike[]; bodyText?: string };

/** The first error of a GraphQL answer; a request refused as a whole comes with status 400, still as GraphQL errors. */
function firstGraphQLError(error: unknown): GraphQLErrorLike | undefined {
  if (!(error instanceof Error)) return undefined;
  const apolloError = error as ApolloErrorLike;
  if (apolloError.name === 'CombinedGraphQLErrors') return apolloError.errors?.[0];
  if (apolloError.name === 'ServerError' && apolloError.bodyText !== undefined) {
    try {
      return (JSON.parse(apolloError.bodyText) as { errors?: GraphQLErrorLike[] }).errors?.[0];
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** A refused request in the reader's language, or undefined for other failures (network, bugs). */
export function errorMessage(error: unknown, t: TFunction, language: string): string | undefined {
  const first = firstGraphQLError(error);
  if (first) return errorText({ code: first.extensions?.code, message: first.message, details: first.extensions?.details }, t, language);
  return error instanceof UploadError ? errorText({ code: error.code, message: error.message, details: { field: 'file' } }, t, language) : undefined;
}

/** The stable code of a refused request (`FORBIDDEN`, …), or undefined for other failures. */
export function errorCode(error: unknown): string | undefined {
  return firstGraphQLError(error)?.extensions?.code;
}

/** A refused upload (POST /uploads); its code and message come from the server like a GraphQL error's. */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}
