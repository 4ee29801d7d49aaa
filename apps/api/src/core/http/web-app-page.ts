import type { FastifyReply } from 'fastify';
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { pageHeaders } from './security-headers.js';

const NONCE_PLACEHOLDER = '__CSP_NONCE__';

/** A page of the web app (built by Vite with nonce placeholders), sent with a fresh nonce and its CSP. */
export class WebAppPage {
  private template: string | undefined;

  constructor(
    private readonly webDir: string,
    private readonly file = 'index.html',
  ) {}

  /**
   * False when no web app is built. Gzipped for browsers that accept it: each response carries its own nonce,
   * so it cannot be compressed ahead like the assets (a few kB take microseconds).
   */
  send(reply: FastifyReply): boolean {
    const html = this.load();
    if (!html) return false;
    const nonce = randomBytes(16).toString('base64');
    const page = html.replaceAll(NONCE_PLACEHOLDER, nonce);
    const gzip = /\bgzip\b/.test(String(reply.request.headers['accept-encoding'] ?? ''));
    reply
      .status(200)
      .headers(pageHeaders(nonce))
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('vary', 'accept-encoding');
    if (gzip) reply.header('content-encoding', 'gzip');
    reply.send(gzip ? zlib.gzipSync(page) : page);
    return true;
  }

  private load(): string | undefined {
    if (this.template === undefined) {
      const file = path.join(this.webDir, this.file);
      if (!fs.existsSync(file)) return undefined;
      this.template = fs.readFileSync(file, 'utf8');
    }
    return this.template;
  }
}
