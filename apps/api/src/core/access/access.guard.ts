import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { SessionsService } from '../../accounts/sessions.service.js';
import { forbidden, unauthenticated } from '../errors/app-error.js';
import { ACCESS_POLICY, type AccessPolicy } from './access.decorator.js';

/** Global guard: denies by default, allows what the operation's declared policy allows. */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
    if (policy === 'PUBLIC') return true;
    if (policy === undefined) {
      this.logger.error(`refused ${context.getClass().name}.${context.getHandler().name}: no access policy declared`);
      throw forbidden();
    }
    const user = await this.userOf(context);
    if (!user) throw unauthenticated();
    if (policy === 'PLATFORM_ADMIN' && user.platformRole !== 'ADMIN') throw forbidden();
    return true;
  }

  private async userOf(context: ExecutionContext) {
    if (context.getType<string>() === 'ws') {
      const client = context.switchToWs().getClient<{ data?: { userId?: string } }>();
      return client.data?.userId ? { platformRole: (client.data as { platformRole?: string }).platformRole } : null;
    }
    const request =
      context.getType<string>() === 'graphql'
        ? GqlExecutionContext.create(context).getContext<{ req: FastifyRequest }>().req
        : context.switchToHttp().getRequest<FastifyRequest>();
    return (await this.sessions.viewer(request))?.user ?? null;
  }
}
