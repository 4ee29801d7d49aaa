import { Controller, Get, Inject, NotFoundException, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import { Access } from '../core/access/access.decorator.js';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';

const TOPO_FILE = 'kreise-laender.topo.json';

/** The bundle's TopoJSON of Kreise and Länder for the offline map; read once, cached by browsers for a day. */
@Controller('data')
export class MapDataController {
  private cached?: Buffer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('kreise-laender.topo.json')
  @Access('PUBLIC')
  topo(@Res() reply: FastifyReply) {
    const file = path.join(this.config.municipalityDataDir, TOPO_FILE);
    if (!this.cached) {
      if (!fs.existsSync(file)) throw new NotFoundException('map data not found');
      this.cached = fs.readFileSync(file);
    }
    reply.header('content-type', 'application/json').header('cache-control', 'public, max-age=86400').send(this.cached);
  }
}
