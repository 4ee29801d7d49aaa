import { Controller, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import { UPLOAD_CSRF_HEADER } from '@verbund/shared';
import type { FastifyRequest } from 'fastify';
import { SessionsService } from '../../accounts/sessions.service.js';
import { Access } from '../../core/access/access.decorator.js';
import { AppError } from '../../core/errors/app-error.js';
import { AppErrorHttpFilter } from '../../core/http/app-error-http.filter.js';
import { ViewerScopeService } from '../../core/access/viewer-scope.service.js';
import { UploadsService, type UploadSummary } from './uploads.service.js';

/**
 * POST /uploads, multipart with one field `file`. A multipart form is a "simple" request a foreign site could
 * send with the session cookie, so a custom header is required: browsers send it cross-site only after a
 * preflight, which this server never grants.
 */
@Controller('uploads')
@UseFilters(AppErrorHttpFilter)
export class UploadsController {
  constructor(
    private readonly uploads: UploadsService,
    private readonly sessions: SessionsService,
    private readonly scopes: ViewerScopeService,
  ) {}

  @Post()
  @HttpCode(201)
  @Access('AUTHENTICATED')
  async upload(@Req() request: FastifyRequest): Promise<UploadSummary> {
    if (request.headers[UPLOAD_CSRF_HEADER] !== '1' || request.headers['sec-fetch-site'] === 'cross-site') {
      throw new AppError('FORBIDDEN', `Uploads brauchen den Header ${UPLOAD_CSRF_HEADER}: 1.`);
    }
    const user = await this.sessions.requireUser(request);
    await this.scopes.requireConfirmed(user);
    return this.uploads.receive(user, request);
  }
}
