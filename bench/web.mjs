// `npm run bench:web`: Lighthouse 12 (mobile: simulated slow 4G, 4× CPU slowdown) against the production build on
// Debian's Chromium, for the start page, sign-in, a municipality page and the materials page. Prints the scores
// and LCP/TBT, and before them what each page costs the server (the first views it renders, ADR 0021);
// bench/README.md keeps them with date and machine. Needs a build (`npx nx run-many -t build`).
import * as chromeLauncher from 'chrome-launcher';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { API_DIST, freePort, loadDatabaseTools, machine, percentile, startPinned, stop } from './lib.mjs';

// BENCH_PAGES=/,/anmelden measures fewer pages while working on one.
const PAGES = process.env.BENCH_PAGES?.split(',') ?? ['/', '/anmelden', '/kommunen/14729', '/materialien'];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-bench-web-'));
fs.chmodSync(dir, 0o755);
const { startEmbeddedPostgres } = await loadDatabaseTools();
const database = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), durable: false });
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const api = await startPinned(
  [path.join(API_DIST, 'main.js')],
  {
    PORT: String(port),
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DEMO_DATA: 'true',
    DATABASE_URL: database.url,
    SMTP_URL: 'smtp://127.0.0.1:9',
    PUBLIC_URL: base,
    VERBUND_FILES_DIR: path.join(dir, 'files'),
  },
  async () => (await fetch(`${base}/healthz`)).ok,
);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const rows = [];
const serverRows = {};
try {
  // What the server's render of a page's first view costs it (ADR 0021): sequential page requests, next to the
  // start page, which goes out without one.
  for (const page of ['/', ...PAGES.filter((p) => p !== '/')]) {
    const get = async () => {
      const t0 = performance.now();
      const res = await fetch(`${base}${page}`, { headers: { accept: 'text/html', 'accept-encoding': 'gzip' } });
      const html = await res.text();
      return { ms: performance.now() - t0, firstView: html.includes('<div id="root" data-first-view>') };
    };
    for (let i = 0; i < 20; i++) await get();
    const runs = [];
    for (let i = 0; i < 200; i++) runs.push(await get());
    const times = runs.map((r) => r.ms).sort((a, b) => a - b);
    serverRows[page] = {
      'first view': runs.every((r) => r.firstView),
      p50: Number(percentile(times, 50).toFixed(1)),
      p95: Number(percentile(times, 95).toFixed(1)),
    };
  }
  for (const row of Object.values(serverRows)) row['p50 / start page'] = Number((row.p50 / serverRows['/'].p50).toFixed(1));
  for (const page of PAGES) {
    const { lhr } = await lighthouse(`${base}${page}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    // Lighthouse reports a failed run (a page that did not load, a trace it could not read) instead of figures.
    if (lhr.runtimeError) {
      rows.push({ page, error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` });
      continue;
    }
    // BENCH_LHR_DIR=dir keeps each page's full report (critical chains, LCP breakdown) for a closer look.
    if (process.env.BENCH_LHR_DIR) {
      fs.mkdirSync(process.env.BENCH_LHR_DIR, { recursive: true });
      const name = page.replace(/[^a-z0-9]+/gi, '_') || 'start';
      fs.writeFileSync(path.join(process.env.BENCH_LHR_DIR, `${name}.json`), JSON.stringify(lhr));
    }
    rows.push({
      page,
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      'FCP s': Number((lhr.audits['first-contentful-paint'].numericValue / 1000).toFixed(1)),
      'LCP s': Number((lhr.audits['largest-contentful-paint'].numericValue / 1000).toFixed(1)),
      'TBT ms': Math.round(lhr.audits['total-blocking-time'].numericValue),
      'SI s': Number((lhr.audits['speed-index'].numericValue / 1000).toFixed(1)),
      CLS: Number(lhr.audits['cumulative-layout-shift'].numericValue.toFixed(3)),
      KiB: Math.round(lhr.audits['total-byte-weight'].numericValue / 1024),
    });
  }
} finally {
  await chrome.kill();
  await stop(api);
  await database.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(`\n${new Date().toISOString()} · ${machine()} · the page from the server, 200 sequential requests each (ms)`);
console.table(serverRows);
console.log(`\n${new Date().toISOString()} · ${machine()} · Lighthouse 12, mobile (slow 4G, 4× CPU), production build`);
console.table(rows);
