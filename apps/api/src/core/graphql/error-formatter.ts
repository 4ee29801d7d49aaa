import type { FastifyBaseLogger } from 'fastify';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import { ERROR_CODES, type ErrorCode } from '@verbund/shared';
import { toClientError } from '../errors/to-client-error.js';

const SUGGESTION = /\s*Did you mean .*\?$/;

interface FormattedError {
  message: string;
  locations?: GraphQLError['locations'];
  path?: GraphQLError['path'];
  extensions: { code: ErrorCode; [key: string]: unknown };
}

function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

/** Errors without an original error come from parsing and validation: the request itself is at fault. */
function formatOne(error: GraphQLError, production: boolean, log: FastifyBaseLogger): FormattedError {
  const where = { locations: error.locations, path: error.path };
  const original = error.originalError;
  if (!original || original instanceof GraphQLError) {
    const code = isKnownCode(error.extensions?.code) ? error.extensions.code : 'BAD_USER_INPUT';
    const details = error.extensions?.details as Record<string, unknown> | undefined;
    return { message: error.message.replace(SUGGESTION, ''), ...where, extensions: details ? { code, details } : { code } };
  }
  const httpStatus = (original as { statusCode?: unknown }).statusCode;
  if (typeof httpStatus === 'number' && httpStatus >= 400 && httpStatus < 500) {
    // Refused by Fastify before GraphQL ran (body too large, malformed JSON …): the request is at fault.
    return { message: original.message, ...where, extensions: { code: 'BAD_USER_INPUT' } };
  }
  const client = toClientError(original);
  if (!client.expected) log.error({ err: original, path: error.path }, 'resolver failed');
  const extensions: FormattedError['extensions'] = { code: client.code };
  if (client.details) extensions.details = client.details;
  if (!client.expected && !production) extensions.debug = original.message;
  return { message: client.message, ...where, extensions };
}

/** Mercurius error formatter: a stable `extensions.code` on every error, nothing internal in production. */
export function createErrorFormatter(production: boolean) {
  return (execution: ExecutionResult, context: MercuriusContext) => {
    const log = (context?.reply?.log ?? context?.app?.log) as FastifyBaseLogger;
    // Mercurius wraps validation failures (MER_ERR_GQL_VALIDATION) as one error holding the real ones.
    const errors = (execution.errors ?? []).flatMap((e) => {
      const nested = (e.originalError as { errors?: unknown[] } | undefined)?.errors;
      return Array.isArray(nested) && nested.length ? nested : [e];
    });
    const formatted = errors.map((e) => formatOne(e instanceof GraphQLError ? e : new GraphQLError(String((e as Error).message)), production, log));
    const onlyRequestErrors = execution.data === undefined || execution.data === null;
    const httpStatus = (errors[0] as { originalError?: { statusCode?: unknown } } | undefined)?.originalError?.statusCode;
    const requestStatus = typeof httpStatus === 'number' && httpStatus >= 400 && httpStatus < 500 ? httpStatus : 400;
    const throttled = formatted.find((e) => e.extensions.code === 'TOO_MANY_REQUESTS');
    const retryAfter = (throttled?.extensions.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (typeof retryAfter === 'number')
      (context?.reply as { header?: (name: string, value: string) => void } | undefined)?.header?.('retry-after', String(retryAfter));
    const statusCode = throttled ? 429 : onlyRequestErrors && formatted.every((e) => e.extensions.code === 'BAD_USER_INPUT') ? requestStatus : 200;
    return { statusCode, response: { data: execution.data ?? null, errors: formatted } };
  };
}
