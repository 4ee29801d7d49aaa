import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface RequestContext {
  req: FastifyRequest;
  reply: FastifyReply;
}

/** The GraphQL request and reply, for resolvers that need the session cookie or response headers. */
export const Http = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  const ctx = GqlExecutionContext.create(context).getContext<RequestContext>();
  return { req: ctx.req, reply: ctx.reply };
});
