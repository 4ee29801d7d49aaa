import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden } from '../errors/app-error.js';
import { ACCESS_POLICY, type AccessPolicy } from './access.decorator.js';

/** Global guard: denies by default, allows what the operation's declared policy allows. */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (policy === 'PUBLIC') return true;
    if (policy === undefined) {
      this.logger.error(`refused ${context.getClass().name}.${context.getHandler().name}: no access policy declared`);
    }
    throw forbidden();
  }
}
