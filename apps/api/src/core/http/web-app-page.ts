import type { FastifyReply } from 'fastify';
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { pageHeaders } from './security-headers.js';

const NONCE_PLACEHOLDER = '__CSP_NONCE__';

/** Written by the web build (apps/web/route-preloads.ts): the scripts and stylesheets of each route's page beyond the shell. */
interface RoutePreload {
  path: string;
  scripts: string[];
  styles?: string[];
}

/** A page of the web app (built by Vite with nonce placeholders), sent with a fresh nonce and its CSP. */
export class WebAppPage {
  private template: string | undefined;
  private routes: { segments: string[]; links: string }[] | undefined;

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
    const page = html.replace('</head>', `${this.preloads(reply.request.url)}</head>`).replaceAll(NONCE_PLACEHOLDER, nonce);
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

  /**
   * The current route's page chunks and their stylesheets, announced with the page: the browser fetches them beside
   * the shell instead of after it has run (one round trip less on a slow network; the app's loader finds the
   * stylesheets there and does not fetch them again). A literal segment beats a parameter.
   */
  private preloads(url: string): string {
    const segments = url.split(/[?#]/)[0]!.split('/').filter(Boolean);
    const match = this.routeTable()
      .filter((r) => r.segments.length === segments.length && r.segments.every((s, i) => s.startsWith(':') || s === segments[i]))
      .sort((a, b) => literals(b.segments) - literals(a.segments))[0];
    return match?.links ?? '';
  }

  private routeTable() {
    // Not kept while the file is missing: a build may still be writing it.
    const file = path.join(this.webDir, '.vite', 'routes.json');
    if (this.routes === undefined && fs.existsSync(file)) {
      const list: RoutePreload[] = JSON.parse(fs.readFileSync(file, 'utf8'));
      this.routes = list.map((r) => ({
        segments: r.path.split('/').filter(Boolean),
        links: [
          ...(r.styles ?? []).map((href) => `<link rel="stylesheet" crossorigin href="${href}" nonce="${NONCE_PLACEHOLDER}">`),
          ...r.scripts.map((src) => `<link rel="modulepreload" crossorigin href="${src}" nonce="${NONCE_PLACEHOLDER}">`),
        ].join(''),
      }));
    }
    return this.routes ?? [];
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

const literals = (segments: string[]) => segments.filter((s) => !s.startsWith(':')).length;
