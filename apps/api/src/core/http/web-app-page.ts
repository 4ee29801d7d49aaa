import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { readCookie } from './cookies.js';
import { pageHeaders } from './security-headers.js';

const NONCE_PLACEHOLDER = '__CSP_NONCE__';
/** The cookie in which the web app remembers the reader's language (apps/web/src/i18n/i18n.ts). */
const LANGUAGE_COOKIE = 'verbund-lang';
/** A first view that takes longer than this is not waited for: the page goes out without it. */
const PRERENDER_TIMEOUT_MS = 1500;
const MAX_RENDERS_AT_ONCE = 4;

/** The web build's render of a page's first view (apps/web/src/prerender.tsx). */
interface Prerender {
  prerender(request: {
    url: string;
    language: 'de' | 'en';
    nonce: string;
    fetch: typeof fetch;
  }): Promise<{ html: string; titleHtml?: string; state: unknown } | undefined>;
}

/** Written by the web build (apps/web/route-preloads.ts): the scripts and stylesheets of each route's page beyond the shell. */
interface RoutePreload {
  path: string;
  scripts: string[];
  styles?: string[];
  firstView?: boolean;
}

/** A page of the web app (built by Vite with nonce placeholders), sent with a fresh nonce and its CSP. */
export class WebAppPage {
  private template: string | undefined;
  private routes: { segments: string[]; links: string; firstView: boolean }[] | undefined;

  private renderer: Promise<Prerender | undefined> | undefined;
  private rendering = 0;

  constructor(
    private readonly webDir: string,
    private readonly file = 'index.html',
  ) {}

  /** False when no web app is built. */
  built(): boolean {
    return this.load() !== undefined;
  }

  /**
   * Sends the page (the app must be built); never fails: what goes wrong is logged and answered with a 500.
   * Gzipped for browsers that accept it: each response carries its own nonce, so it cannot be compressed ahead like
   * the assets (a few kB take microseconds).
   */
  async send(reply: FastifyReply): Promise<void> {
    try {
      await this.sendPage(reply);
    } catch (error) {
      reply.request.log.error({ err: error }, 'page not sent');
      if (!reply.sent) reply.status(500).send({ statusCode: 500, error: 'Internal Server Error' });
    }
  }

  private async sendPage(reply: FastifyReply): Promise<void> {
    const nonce = randomBytes(16).toString('base64');
    const language = readCookie(reply.request.headers.cookie, LANGUAGE_COOKIE) === 'en' ? 'en' : 'de';
    const route = this.route(reply.request.url);
    const first = route?.firstView ? await this.firstView(reply, nonce, language) : undefined;
    // Replacer functions throughout: in a replacement string, `$&` and the like in the inserted text would be expanded.
    let page = this.load()!
      .replace('</head>', () => `${route?.links ?? ''}</head>`)
      .replaceAll(NONCE_PLACEHOLDER, nonce);
    if (first) {
      // The answers are JSON in a script element that is never run; `<` escaped, it cannot end the element. The
      // marker tells the app to take the page over instead of rendering it anew (main.tsx).
      const state = JSON.stringify(first.state ?? {}).replaceAll('<', '\\u003c');
      page = startAfterFirstPaint(page)
        .replace('<html lang="de"', () => `<html lang="${language}"`)
        .replace('<title>Verbund</title>', () => first.titleHtml ?? '<title>Verbund</title>')
        .replace(
          '<div id="root"></div>',
          () => `<div id="root" data-first-view>${first.html}</div><script type="application/json" id="verbund-state">${state}</script>`,
        );
    }
    const gzip = /\bgzip\b/.test(String(reply.request.headers['accept-encoding'] ?? ''));
    reply
      .status(200)
      .headers(pageHeaders(nonce, { styleAttributes: first !== undefined }))
      .header('content-type', 'text/html; charset=utf-8')
      // A first view may show what only this reader may see: no shared cache keeps it.
      .header('cache-control', first ? 'private, no-cache' : 'no-cache')
      .header('vary', 'accept-encoding');
    if (gzip) reply.header('content-encoding', 'gzip');
    reply.send(gzip ? zlib.gzipSync(page) : page);
  }

  /**
   * The page's first view, rendered by the web build with the answers of its first query, which go through the
   * API in this process as the reader's own request would (their cookies, their address). Nothing when the page
   * is not one the build renders after all, or the render fails or takes too long: the app then renders it in the
   * tab.
   */
  private async firstView(reply: FastifyReply, nonce: string, language: 'de' | 'en') {
    const request = reply.request;
    // Under load the pages go out without first views rather than queue behind renders (each holds the event
    // loop for a few milliseconds, and one whose wait was given up still runs to its end).
    if (this.rendering >= MAX_RENDERS_AT_ONCE) return undefined;
    const renderer = await this.loadRenderer(request.log);
    if (!renderer) return undefined;
    const fetch = async (_url: unknown, init?: RequestInit) => {
      const answer = await reply.server.inject({
        method: 'POST',
        url: '/graphql',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'x-request-id': String(request.id),
          ...(request.headers.cookie ? { cookie: request.headers.cookie } : {}),
        },
        payload: String(init?.body ?? ''),
        remoteAddress: request.ip,
      });
      return new Response(answer.body, { status: answer.statusCode, headers: { 'content-type': String(answer.headers['content-type']) } });
    };
    const gaveUp = new AbortController();
    const timeout = delay(PRERENDER_TIMEOUT_MS, undefined, { signal: gaveUp.signal }).catch(() => undefined);
    this.rendering++;
    const render = Promise.resolve()
      .then(() => renderer.prerender({ url: request.url, language, nonce, fetch }))
      .finally(() => this.rendering--);
    // One given up on may still fail later, when nobody waits for it any more.
    render.catch(() => undefined);
    try {
      return await Promise.race([render, timeout]);
    } catch (error) {
      request.log.warn({ err: error }, 'first view of the page not rendered');
      return undefined;
    } finally {
      gaveUp.abort();
    }
  }

  /** Not kept while the file is missing (a build may still be writing it); a build that cannot load is told once. */
  private loadRenderer(log: FastifyBaseLogger): Promise<Prerender | undefined> {
    const file = path.join(this.webDir, '.server', 'prerender.js');
    if (!this.renderer && fs.existsSync(file)) {
      this.renderer = (import(pathToFileURL(file).href) as Promise<Prerender>).catch((error: unknown) => {
        log.error({ err: error }, 'the web build cannot render first views; pages go out without them');
        return undefined;
      });
    }
    return this.renderer ?? Promise.resolve(undefined);
  }

  /**
   * The current route: its page chunks and their stylesheets, announced with the page (the browser fetches them
   * beside the shell instead of after it has run, one round trip less on a slow network; the app's loader finds
   * the stylesheets there and does not fetch them again), and whether the build renders its first view. A literal
   * segment beats a parameter.
   */
  private route(url: string) {
    const segments = url.split(/[?#]/)[0]!.split('/').filter(Boolean);
    return this.routeTable()
      .filter((r) => r.segments.length === segments.length && r.segments.every((s, i) => s.startsWith(':') || s === segments[i]))
      .sort((a, b) => literals(b.segments) - literals(a.segments))[0];
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
        firstView: r.firstView === true,
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

/**
 * For a page that comes with its first view, the app's scripts are fetched and started once that view has been
 * painted, not beside it: on a slow network they would share the connection with the page's stylesheets, and on a
 * slow phone evaluating them takes longer than the stylesheets take to arrive, and the browser paints only after.
 * Everything the page needs is still announced at once then (no chains of requests). A tab in the background paints
 * nothing: there they start at once.
 */
function startAfterFirstPaint(page: string): string {
  const preloads: string[] = [];
  const withoutPreloads = page.replace(/<link rel="modulepreload" crossorigin href="([^"]+)" nonce="[^"]+">/g, (_link, href: string) => {
    preloads.push(href);
    return '';
  });
  return withoutPreloads.replace(
    /<script type="module" crossorigin src="([^"]+)" nonce="([^"]+)"><\/script>/,
    (_script, src: string, nonce: string) =>
      `<script type="module" nonce="${nonce}">const start = () => {` +
      `for (const href of ${JSON.stringify(preloads)}) document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href, crossOrigin: '' }));` +
      `import(${JSON.stringify(src)}); };` +
      `document.visibilityState === 'hidden' ? start() : requestAnimationFrame(() => setTimeout(start));</script>`,
  );
}

const literals = (segments: string[]) => segments.filter((s) => !s.startsWith(':')).length;
