import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';

describe('serving the web app on the API port', () => {
  let t: TestApp;
  beforeAll(async () => {
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-web-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
    // As Vite's compression plugin writes them beside each asset.
    fs.writeFileSync(path.join(webDir, 'assets', 'app.js.br'), zlib.brotliCompressSync('console.log(1)'));
    fs.writeFileSync(path.join(webDir, 'assets', 'app.js.gz'), zlib.gzipSync('console.log(1)'));
    fs.writeFileSync(path.join(webDir, 'explorer.html'), '<html><head><script type="module" nonce="__CSP_NONCE__" src="/assets/x.js"></script></head></html>');
    fs.writeFileSync(
      path.join(webDir, 'index.html'),
      '<html><head><meta property="csp-nonce" nonce="__CSP_NONCE__"><script type="module" nonce="__CSP_NONCE__" src="/assets/app.js"></script></head><body></body></html>',
    );
    // As the web build writes it (apps/web/route-preloads.ts).
    fs.mkdirSync(path.join(webDir, '.vite'));
    fs.writeFileSync(
      path.join(webDir, '.vite', 'routes.json'),
      JSON.stringify([
        { path: '/materialien/neu', scripts: ['/assets/NewMaterialPage.js', '/assets/Editor.js'], styles: ['/assets/Editor.css'] },
        { path: '/materialien/:id', scripts: ['/assets/MaterialPage.js'], styles: [] },
      ]),
    );
    t = await startTestApp({ VERBUND_WEB_DIR: webDir });
  });
  afterAll(async () => t.close());

  it.each(['/', '/kommunen/09184', '/deep/client/route'])('serves index.html for %s with the CSP nonces of that response', async (route) => {
    const res = await fetch(`${t.url}${route}`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    const scriptNonce = /script-src [^;]*'nonce-([^']+)'/.exec(csp)![1];
    const styleNonce = /style-src [^;]*'nonce-([^']+)'/.exec(csp)![1];
    const html = await res.text();
    expect(html).toContain(`<script type="module" nonce="${scriptNonce}"`);
    expect(html).toContain(`<meta property="csp-nonce" nonce="${styleNonce}">`);
    const again = await fetch(`${t.url}${route}`, { headers: { accept: 'text/html' } });
    expect(again.headers.get('content-security-policy')).not.toContain(scriptNonce!);
    expect(html).not.toContain('__CSP_NONCE__');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
  });

  it("announces the current route's page chunks and stylesheets with the page, a literal segment before a parameter", async () => {
    const links = async (route: string, rel = 'modulepreload') => {
      const html = await (await fetch(`${t.url}${route}`, { headers: { accept: 'text/html' } })).text();
      expect(html).not.toContain('__CSP_NONCE__');
      return [...html.matchAll(new RegExp(`<link rel="${rel}" crossorigin href="([^"]+)" nonce="[^"]+">`, 'g'))].map((m) => m[1]);
    };
    expect(await links('/materialien/neu')).toEqual(['/assets/NewMaterialPage.js', '/assets/Editor.js']);
    expect(await links('/materialien/neu', 'stylesheet')).toEqual(['/assets/Editor.css']);
    expect(await links('/materialien/3f1c', 'stylesheet')).toEqual([]);
    expect(await links('/materialien/3f1c?tab=versionen')).toEqual(['/assets/MaterialPage.js']);
    expect(await links('/')).toEqual([]);
    expect(await links('/materialien/3f1c/mehr')).toEqual([]);
    expect((await fetch(`${t.url}/.vite/routes.json`, { headers: { accept: 'application/json' } })).status).toBe(404);
  });

  it('serves the GraphQL explorer outside production, and no page without its nonce', async () => {
    const res = await fetch(`${t.url}/graphiql`);
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain('__CSP_NONCE__');
    // Pages only go out through WebAppPage with their nonces: the file itself is not served.
    expect((await fetch(`${t.url}/explorer.html`, { headers: { accept: 'application/json' } })).status).toBe(404);
  });

  it('gives API responses a CSP that allows nothing', async () => {
    const res = await t.graphql('{ appInfo { name } }');
    expect(res.status).toBe(200);
    const csp = (await fetch(`${t.url}/healthz`)).headers.get('content-security-policy');
    expect(csp).toContain("default-src 'none'");
  });

  it('sends assets precompressed and cached for a year, and index.html compressed and revalidated', async () => {
    const brotli = await fetch(`${t.url}/assets/app.js`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(brotli.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await brotli.text()).toBe('console.log(1)');
    const gzip = await fetch(`${t.url}/assets/app.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    const page = await fetch(`${t.url}/`, { headers: { accept: 'text/html', 'accept-encoding': 'gzip, br' } });
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<script type="module" nonce=');
  });

  it('serves built assets and keeps a JSON 404 for non-HTML requests', async () => {
    expect((await fetch(`${t.url}/assets/app.js`)).status).toBe(200);
    const res = await fetch(`${t.url}/nope`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ statusCode: 404 });
  });

  it.each(['/', '/assets/app.js'])('sets the security headers on %s', async (route) => {
    const res = await fetch(`${t.url}${route}`, { headers: { accept: 'text/html' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('the GraphQL explorer in production', () => {
  it('is not served', async () => {
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<html>app</html>');
    fs.writeFileSync(path.join(webDir, 'explorer.html'), '<html>explorer</html>');
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(webDir, 'assets', 'app.js.map'), '{"sources":["src/secret.ts"]}');
    fs.mkdirSync(path.join(webDir, '.vite'));
    fs.writeFileSync(path.join(webDir, '.vite', 'manifest.json'), '{"src/pages/Secret.tsx":{}}');
    const prod = await startTestApp({ VERBUND_WEB_DIR: webDir, NODE_ENV: 'production' });
    try {
      const res = await fetch(`${prod.url}/graphiql`, { headers: { accept: 'text/html' } });
      expect(await res.text()).not.toContain('explorer');
      // Scripts are served; their source maps are not published.
      expect((await fetch(`${prod.url}/assets/app.js`)).status).toBe(200);
      expect((await fetch(`${prod.url}/assets/app.js.map`, { headers: { accept: 'application/json' } })).status).toBe(404);
      // Nor is the build manifest the weight benchmark reads.
      expect((await fetch(`${prod.url}/.vite/manifest.json`, { headers: { accept: 'application/json' } })).status).toBe(404);
    } finally {
      await prod.close();
    }
  });
});
