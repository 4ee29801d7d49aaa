import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { SessionsService } from '../../accounts/sessions.service.js';
import { AppError } from '../errors/app-error.js';
import { Access } from './access.decorator.js';
import { AccessGuard } from './access.guard.js';

class Handlers {
  @Access('PUBLIC')
  open() {}

  undeclared() {}
}

function contextFor(method: keyof Handlers): ExecutionContext {
  return { getHandler: () => Handlers.prototype[method], getClass: () => Handlers } as unknown as ExecutionContext;
}

describe('AccessGuard', () => {
  // Neither case may look at the session: a PUBLIC call needs none, an undeclared one is refused before.
  const noSessions = { viewer: () => Promise.reject(new Error('must not be called')) } as unknown as SessionsService;
  const guard = new AccessGuard(new Reflector(), noSessions);

  it('lets a PUBLIC operation through', async () => {
    await expect(guard.canActivate(contextFor('open'))).resolves.toBe(true);
  });

  it('refuses an operation that declares nothing, with FORBIDDEN', async () => {
    const error = await guard.canActivate(contextFor('undeclared')).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('FORBIDDEN');
  });
});
