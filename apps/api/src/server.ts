import 'reflect-metadata';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Bindings, ChildLoggerOptions, Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './core/config/config.js';
import { AccessLogController } from './core/logging/access-log.js';
import { registerMultipart } from './core/http/multipart.js';
import { registerSecurity } from './core/http/security.js';
import { RedisIoAdapter } from './core/realtime/redis-io.adapter.js';
import { ASSET_HEADERS } from './core/http/security-headers.js';
import { WebAppPage } from './core/http/web-app-page.js';
import { createLogger, PinoNestLogger } from './core/logging/logger.js';
import { RequestLogger } from './core/logging/request-logger.js';

const REQUEST_ID = /^[\w.-]{1,64}$/;
// Unique across replicas and restarts by the random prefix; a counter instead of a UUID per request keeps a
// microsecond off every request (bench/README.md).
const REQUEST_ID_PREFIX = randomBytes(6).toString('base64url');
let requestCount = 0;

/** Builds the whole app (GraphQL, socket.io, health, the web app) on one Fastify server, not yet listening. */
export async function createServer(config: AppConfig, databaseUrl: string, logger: Logger = createLogger(config.logLevel)) {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    logController: new AccessLogController(),
    childLoggerFactory: (parent: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions) =>
      new RequestLogger(parent as Logger, bindings, options) as unknown as FastifyBaseLogger,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : `${REQUEST_ID_PREFIX}-${(++requestCount).toString(36)}`;
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot({ config, databaseUrl }), adapter, {
    logger: new PinoNestLogger(logger),
    bodyParser: true,
  });
  if (config.redisUrl) {
    const io = new RedisIoAdapter(app);
    await io.connect(config.redisUrl);
    app.useWebSocketAdapter(io);
  }
  const fastify = app.getHttpAdapter().getInstance();
  await registerSecurity(fastify);
  // Only POST /uploads reads multipart bodies; limits are set again per request there.
  await registerMultipart(fastify, { limits: { fileSize: config.files.uploadLimitBytes, files: 1, fields: 0, parts: 1 } });
  if (fs.existsSync(config.webDir)) {
    // index.html is sent by WebAppPage (here and from SpaFallbackFilter), which fills in the CSP nonces.
    await fastify.register(fastifyStatic, {
      root: config.webDir,
      prefix: '/',
      index: false,
      wildcard: false,
      // Pages go through WebAppPage, which adds their CSP nonces; source maps are not published in production, the
      // build manifest (for the benchmark) never.
      allowedPath: (pathName) =>
        !pathName.endsWith('.html') &&
        !pathName.startsWith('/.vite/') &&
        !pathName.startsWith('/.server/') &&
        !(config.production && pathName.endsWith('.map')),
      // Vite writes .br and .gz beside each asset; the one the browser accepts goes out, with Vary.
      preCompressed: true,
      setHeaders: (res, filePath) => {
        res.headers(ASSET_HEADERS);
        // Names under assets/ carry a content hash: they never change, so browsers keep them for a year.
        res.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    const page = app.get(WebAppPage);
    fastify.get('/', async (_request, reply) => {
      if (!page.built()) return reply.callNotFound();
      await page.send(reply);
      return reply;
    });
    if (!config.production) {
      const explorer = new WebAppPage(config.webDir, 'explorer.html');
      fastify.get('/graphiql', async (_request, reply) => {
        if (!explorer.built()) return reply.callNotFound();
        await explorer.send(reply);
        return reply;
      });
    }
  }
  await app.init();
  return app;
}
