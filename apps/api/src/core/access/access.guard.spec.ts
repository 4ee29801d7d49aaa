import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
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
  const guard = new AccessGuard(new Reflector());

  it('lets a PUBLIC operation through', () => {
    expect(guard.canActivate(contextFor('open'))).toBe(true);
  });

  it('refuses an operation that declares nothing, with FORBIDDEN', () => {
    let error: unknown;
    try {
      guard.canActivate(contextFor('undeclared'));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('FORBIDDEN');
  });
});
