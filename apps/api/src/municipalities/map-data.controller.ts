import { Controller, Get, Inject, NotFoundException, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import zlib from 'node:zlib';
import { Access } from '../core/access/access.decorator.js';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { readBundleFile } from './import/bundle.js';

const TOPO_FILE = 'kreise-laender.topo.json';

/**
 * The bundle's TopoJSON of Kreise and Länder for the offline map; read once, sent gzipped to browsers that
 * accept it (all of them: 160 kB become 55 kB), cached by them for a day.
 */
@Controller('data')
export class MapDataController {
  private cached?: { plain: Buffer; gzipped: Buffer };

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('kreise-laender.topo.json')
  @Access('PUBLIC')
  topo(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (!this.cached) {
      const plain = readBundleFile(this.config.municipalityDataDir, TOPO_FILE);
      if (!plain) throw new NotFoundException('map data not found');
      this.cached = { plain, gzipped: zlib.gzipSync(plain, { level: 9 }) };
    }
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    reply.header('content-type', 'application/json').header('cache-control', 'public, max-age=86400').header('vary', 'accept-encoding');
    if (gzip) reply.header('content-encoding', 'gzip');
    reply.send(gzip ? this.cached.gzipped : this.cached.plain);
  }
}
