import { Controller, Get, NotFoundException, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access } from '../../core/access/access.decorator.js';
import { SsoService } from './sso.service.js';

@Controller('auth/sso')
export class SsoController {
  constructor(private readonly sso: SsoService) {}

  @Get('login')
  @Access('PUBLIC')
  async login(@Query('weiter') next: unknown, @Res() reply: FastifyReply) {
    if (!this.sso.enabled) throw new NotFoundException();
    await this.sso.start(next, reply);
  }

  @Get('callback')
  @Access('PUBLIC')
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (!this.sso.enabled) throw new NotFoundException();
    await this.sso.callback(request, reply);
  }
}
