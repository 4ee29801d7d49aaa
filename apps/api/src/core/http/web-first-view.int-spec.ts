import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PrismaService } from '../database/prisma.service.js';
import { createUser, signIn } from '../../../test/support/factories.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';

const MAIN = '/assets/main-abc.js';
const TEMPLATE = `<!doctype html><html lang="de" data-mantine-color-scheme="light"><head><title>Verbund</title><meta property="csp-nonce" nonce="__CSP_NONCE__">
<script type="module" crossorigin src="${MAIN}" nonce="__CSP_NONCE__"></script>
<link rel="modulepreload" crossorigin href="/assets/app-1.js" nonce="__CSP_NONCE__"></head><body><div id="root"></div></body></html>`;

/*
 * The web build's renderer as the API loads it (apps/web/src/prerender.tsx), here one that asks the API who is
 * signed in through the fetch it is given, and fails, hangs or declines for some paths.
 */
const RENDERER = `export async function prerender({ url, language, nonce, fetch }) {
  if (url === '/kaputt') throw new Error('render failed');
  if (url === '/haengt') return new Promise((done) => setTimeout(done, 2500));
  if (url === '/ohne') return undefined;
  const answer = await (await fetch('/graphql', { method: 'POST', body: JSON.stringify({ query: '{ me { name } }' }) })).json();
  return {
    html: '<main lang="' + language + '"><style nonce="' + nonce + '"></style><h1>' + (answer.data.me?.name ?? 'niemand $& $\\\` $\\'') + '</h1></main>',
    titleHtml: '<title>Seite &amp; Co – Verbund</title>',
    state: { note: '</script><script>alert(1)</script>' },
  };
}`;

describe('the first view of a page, rendered by the server', () => {
  let t: TestApp;
  beforeAll(async () => {
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), TEMPLATE);
    // As the web build writes it (apps/web/route-preloads.ts): which routes have a first view.
    fs.mkdirSync(path.join(webDir, '.vite'));
    const route = (p: string, firstView = true) => ({ path: p, scripts: [], styles: [], firstView });
    fs.writeFileSync(
      path.join(webDir, '.vite', 'routes.json'),
      JSON.stringify([route('/kommunen/:ags'), route('/materialien'), route('/kaputt'), route('/haengt'), route('/ohne'), route('/anmelden', false)]),
    );
    fs.mkdirSync(path.join(webDir, '.server'));
    fs.writeFileSync(path.join(webDir, '.server', 'prerender.js'), RENDERER);
    t = await startTestApp({ VERBUND_WEB_DIR: webDir });
  });
  afterAll(async () => t.close());

  const page = async (route: string, cookie?: string) => {
    const res = await fetch(`${t.url}${route}`, { headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    return { res, csp, html: await res.text(), nonce: /style-src [^;]*'nonce-([^']+)'/.exec(csp)![1]! };
  };

  it('goes into the page as it is, with its answers as data and the scripts started after the first paint', async () => {
    const { res, csp, html, nonce } = await page('/kommunen/14729');
    // Verbatim: `$&` and its kind in the rendered text are not replacement patterns.
    expect(html).toContain(`<div id="root" data-first-view><main lang="de"><style nonce="${nonce}"></style><h1>niemand $& $\` $'</h1></main></div>`);
    // A `</script>` in an answer cannot end the data element and start a script.
    expect(html).toContain('<script type="application/json" id="verbund-state">{"note":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}</script>');
    expect(html).not.toContain('<script>alert(1)');
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(html).toContain('<title>Seite &amp; Co – Verbund</title>');
    expect(html).not.toContain('<title>Verbund</title>');
    // The app's scripts are announced and started from the page's own script once the view has been painted.
    expect(html).not.toContain('<link rel="modulepreload"');
    expect(html).not.toContain(`<script type="module" crossorigin src="${MAIN}"`);
    const starter = html.split(`<script type="module" nonce="${nonce}">`)[1]?.split('</script>')[0] ?? '';
    expect(starter).toContain('["/assets/app-1.js"]');
    expect(starter).toContain(`import("${MAIN}")`);
    expect(starter).toContain('requestAnimationFrame');
    // Mantine's style attributes are allowed in the page; style elements still need the nonce.
    expect(csp).toContain("style-src-attr 'unsafe-inline'");
    expect(/style-src [^;]*/.exec(csp)![0]).not.toContain('unsafe-inline');
  });

  it("asks the API as the reader, in the reader's language", async () => {
    const user = await createUser(t.app.get(PrismaService), { name: 'Erika Muster' });
    const member = await signIn(t, user.email);
    const { html } = await page('/materialien', `${member.cookie}; verbund-lang=en`);
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('<main lang="en"><style nonce="');
    expect(html).toContain('<h1>Erika Muster</h1>');
  });

  it.each([
    ['fails', '/kaputt'],
    ['takes too long', '/haengt'],
    ['is not for this page', '/ohne'],
    ['is not asked for: the page has no first view', '/anmelden'],
  ])('is left out when the render %s: the page goes out as the app alone renders it', async (_case, route) => {
    const { res, html, csp } = await page(route);
    expect(html).toContain('<div id="root"></div>');
    expect(html).toContain('<title>Verbund</title>');
    expect(csp).not.toContain('style-src-attr');
    expect(html).not.toContain('verbund-state');
    expect(html).toContain(`<script type="module" crossorigin src="${MAIN}"`);
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/app-1.js"');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('is left out while four renders are under way, and comes back when they are done', async () => {
    const slow = Array.from({ length: 4 }, () => page('/haengt'));
    // The four have started rendering before this one asks.
    await new Promise((done) => setTimeout(done, 300));
    expect((await page('/kommunen/14729')).html).toContain('<div id="root"></div>');
    await Promise.all(slow);
    await new Promise((done) => setTimeout(done, 1200));
    expect((await page('/kommunen/14729')).html).toContain('<div id="root" data-first-view>');
  });
});
