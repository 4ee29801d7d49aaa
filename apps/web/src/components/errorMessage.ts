import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import type { TFunction } from 'i18next';
import { errorText, type ServerError as Refusal } from './errorText';

type GraphQLErrorLike = { message: string; extensions?: { code?: string; details?: Refusal['details'] } };

/** The first error of a GraphQL answer; a request refused as a whole comes with status 400, still as GraphQL errors. */
function firstGraphQLError(error: unknown): GraphQLErrorLike | undefined {
  if (CombinedGraphQLErrors.is(error)) return error.errors[0] as GraphQLErrorLike | undefined;
  if (ServerError.is(error)) {
    try {
      return (JSON.parse(error.bodyText) as { errors?: GraphQLErrorLike[] }).errors?.[0];
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

/** A refused upload (POST /uploads); its code and message come from the server like a GraphQL error's. */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}
