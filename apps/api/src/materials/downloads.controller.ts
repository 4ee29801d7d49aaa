import { Controller, Get, Inject, Param, Req, Res, UseFilters } from '@nestjs/common';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SessionsService } from '../accounts/sessions.service.js';
import { Access } from '../core/access/access.decorator.js';
import { notFound } from '../core/errors/app-error.js';
import { AppErrorHttpFilter } from '../core/http/app-error-http.filter.js';
import { attachmentName } from '../core/http/attachment-name.js';
import { FILE_STORAGE, type FileStorage } from '../core/storage/file-storage.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { ViewerScopeService } from '../core/access/viewer-scope.service.js';
import { MaterialsService } from './materials.service.js';

/**
 * Downloads are always attachments with the type decided at upload and nosniff, so a file can never run as a
 * page of this origin.
 */
@Controller('materials')
@UseFilters(AppErrorHttpFilter)
export class DownloadsController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sessions: SessionsService,
    private readonly scopes: ViewerScopeService,
    private readonly materials: MaterialsService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  @Get(':id/versions/:number/download')
  @Access('AUTHENTICATED')
  async download(@Param('id') id: string, @Param('number') number: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const scope = await this.scopes.of(await this.sessions.requireUser(request));
    const material = await this.materials.visibleRow(scope, id);
    const version = /^\d{1,6}$/.test(number)
      ? await this.prisma.materialVersion.findUnique({ where: { materialId_number: { materialId: material.id, number: Number(number) } } })
      : null;
    if (!version) throw notFound('Diese Fassung gibt es nicht.');
    reply
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .header('content-security-policy', "default-src 'none'; sandbox");
    if (version.format === 'MARKDOWN') {
      const name = attachmentName(material.title, 'material', 'md');
      return reply.header('content-type', 'text/markdown; charset=utf-8').header('content-disposition', contentDisposition(name)).send(version.markdown);
    }
    const stream = await this.storage.open(version.storageKey!);
    return reply
      .header('content-type', version.mimeType!)
      .header('content-length', String(version.size))
      .header('content-disposition', contentDisposition(version.fileName!))
      .send(stream);
  }
}
