import { Controller, Get, Inject, Param, Req, Res, UseFilters } from '@nestjs/common';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SessionsService } from '../accounts/sessions.service.js';
import { Access } from '../core/access/access.decorator.js';
import { ViewerScopeService } from '../core/access/viewer-scope.service.js';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { notFound } from '../core/errors/app-error.js';
import { AppErrorHttpFilter } from '../core/http/app-error-http.filter.js';
import { attachmentName } from '../core/http/attachment-name.js';
import { isUuid } from '../core/validation/ids.js';
import { canEdit, visibleConcepts } from './concept-access.js';
import { GONE } from './concept-drafting.js';
import { conceptDocx } from './concept-docx.js';
import type { ExportedConcept } from './concept-export.js';
import { conceptPdf } from './concept-pdf.js';
import { SECTION_INCLUDE, snapshotOf } from './concept.mapper.js';
import type { SectionSnapshot } from './section-content.js';

const FORMATS = {
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: conceptDocx },
  pdf: { type: 'application/pdf', render: conceptPdf },
} as const;

/** Word and PDF export for a council resolution: drafters get the working state, everyone else the latest version. */
@Controller('concepts')
@UseFilters(AppErrorHttpFilter)
export class ConceptExportController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sessions: SessionsService,
    private readonly scopes: ViewerScopeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':id/export.docx')
  @Access('AUTHENTICATED')
  async docx(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.send('docx', id, request, reply);
  }

  @Get(':id/export.pdf')
  @Access('AUTHENTICATED')
  async pdf(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.send('pdf', id, request, reply);
  }

  private async send(format: keyof typeof FORMATS, id: string, request: FastifyRequest, reply: FastifyReply) {
    const scope = await this.scopes.requireConfirmed(await this.sessions.requireUser(request));
    const owner = { group: { select: { name: true } }, organization: { select: { name: true } } } as const;
    const row = isUuid(id)
      ? await this.prisma.concept.findFirst({
          where: { AND: [{ id }, visibleConcepts(scope)] },
          include: {
            ...owner,
            sections: { where: { removedAt: null }, orderBy: { position: 'asc' }, include: SECTION_INCLUDE },
            versions: { orderBy: { number: 'desc' }, take: 1 },
            upstreamConcept: { include: { ...owner, versions: { select: { number: true, title: true, licence: true }, orderBy: { number: 'desc' } } } },
          },
        })
      : null;
    if (!row) throw notFound(GONE);
    const editable = canEdit(scope, row);
    const latest = row.versions[0];
    const published = !editable && latest !== undefined;
    // The upstream version the text rests on: the working sections' alignment, or what the exported version recorded.
    const aligned = published ? (latest.upstreamVersion ?? 0) : Math.max(0, ...row.sections.map((s) => s.baseVersion ?? 0));
    const upstreamVersion = row.upstreamConcept?.versions.find((v) => v.number === aligned) ?? row.upstreamConcept?.versions[0];
    const url = (conceptId: string) => `${this.config.publicUrl}/konzepte/${conceptId}`;
    const concept: ExportedConcept = {
      title: published ? latest.title : row.title,
      summary: published ? latest.summary : row.summary,
      owner: row.group?.name ?? row.organization?.name ?? '',
      licence: published ? latest.licence : row.licence,
      version: published ? { number: latest.number, publishedAt: latest.publishedAt } : null,
      sections: published ? (latest.sections as unknown as SectionSnapshot[]) : row.sections.map(snapshotOf),
      upstream: row.upstreamConcept
        ? {
            title: upstreamVersion?.title ?? row.upstreamConcept.title,
            owner: row.upstreamConcept.group?.name ?? row.upstreamConcept.organization?.name ?? '',
            version: aligned,
            licence: upstreamVersion?.licence ?? row.upstreamConcept.licence,
            url: url(row.upstreamConcept.id),
          }
        : null,
      url: url(row.id),
    };
    const name = attachmentName(concept.title, 'konzept', format);
    return reply
      .header('content-type', FORMATS[format].type)
      .header('content-disposition', contentDisposition(name))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(await FORMATS[format].render(concept));
  }
}
