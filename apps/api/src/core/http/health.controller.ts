import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Access } from '../access/access.decorator.js';
import { PrismaService } from '../database/prisma.service.js';

const DB_TIMEOUT_MS = 2000;

@Controller()
export class HealthController {
  constructor(private readonly prisma: PrismaService) {}

  /** 200 only while the database answers; load balancers and compose healthchecks rely on it. */
  @Get('healthz')
  @Access('PUBLIC')
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const started = Date.now();
    try {
      await Promise.race([
        this.prisma.$queryRaw`SELECT 1`,
        new Promise((_, reject) => setTimeout(() => reject(new Error('database timeout')), DB_TIMEOUT_MS).unref()),
      ]);
      reply.header('cache-control', 'no-store');
      return { status: 'ok', database: 'up', latencyMs: Date.now() - started };
    } catch {
      reply.status(HttpStatus.SERVICE_UNAVAILABLE).header('cache-control', 'no-store');
      return { status: 'unavailable', database: 'down' };
    }
  }
}
