import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access } from '../access/access.decorator.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { isLocalRequest } from '../http/loopback.js';
import { ASSET_HEADERS } from '../http/security-headers.js';
import { MailService } from './mail.service.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The local outbox, for development and demos only. It holds password-reset links, so it answers only
 * requests from this machine itself, and does not exist in production.
 */
@Controller('dev/mail')
export class DevMailController {
  constructor(
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Access('PUBLIC')
  list(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    this.assertOpen(request);
    const items = this.mail
      .outbox()
      .map((m) => `<li><a href="/dev/mail/${encodeURIComponent(m.id)}">${escape(m.subject)}</a> – ${escape(m.to)}</li>`)
      .join('');
    // A document, unlike the API's JSON: the full set, with `base-uri` and `form-action` shut too.
    reply
      .headers(ASSET_HEADERS)
      .header('content-type', 'text/html; charset=utf-8')
      .send(`<!doctype html><html lang="de"><title>Postausgang</title><h1>Postausgang (Entwicklung)</h1><ul>${items}</ul></html>`);
  }

  @Get(':id')
  @Access('PUBLIC')
  show(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    this.assertOpen(request);
    const mail = this.mail.outbox().find((m) => m.id === id);
    if (!mail) throw new NotFoundException();
    reply.header('content-type', 'text/plain; charset=utf-8').send(`An: ${mail.to}\nBetreff: ${mail.subject}\n\n${mail.text}`);
  }

  private assertOpen(request: FastifyRequest): void {
    if (this.config.production || !isLocalRequest(request)) throw new NotFoundException();
  }
}
