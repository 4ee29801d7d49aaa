// `npm run bench`: throughput and latency of a trivial GraphQL query through the whole API stack, as a
// ratio to a bare node:http JSON endpoint measured in the same run. Server and load on different cores.
// Needs a build (`npm start` once, or `npx nx run-many -t build`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, load, machine, pinSelf, startPinned, stop } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const query = JSON.stringify({ query: '{ __typename }' });

pinSelf();
const rows = [];

const barePort = await freePort();
const bare = await startPinned([path.join(here, 'bare-server.mjs')], { PORT: String(barePort) }, async () =>
  (await fetch(`http://127.0.0.1:${barePort}/`, { method: 'POST', body: '{}' })).ok,
);
try {
  await load(`http://127.0.0.1:${barePort}/`, query, { duration: 2 });
  rows.push({ name: 'bare node:http JSON', ...(await load(`http://127.0.0.1:${barePort}/`, query, { duration })) });
} finally {
  await stop(bare);
}

const apiPort = await freePort();
const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-bench-'));
fs.chmodSync(dbDir, 0o755);
const api = await startPinned(
  [path.join(here, '..', 'apps', 'api', 'dist', 'main.js')],
  // Production settings, logs at info as in production (written to a pipe and discarded here).
  { PORT: String(apiPort), NODE_ENV: 'production', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info', DEMO_DATA: 'false', VERBUND_DB_DIR: path.join(dbDir, 'pg') },
  async () => (await fetch(`http://127.0.0.1:${apiPort}/healthz`)).ok,
);
try {
  const url = `http://127.0.0.1:${apiPort}/graphql`;
  await load(url, query, { duration: 2 });
  rows.push({ name: 'GraphQL { __typename } through the API', ...(await load(url, query, { duration })) });
} finally {
  await stop(api);
  fs.rmSync(dbDir, { recursive: true, force: true });
}

console.log(`\n${new Date().toISOString()} · ${machine()} · ${duration} s per run, 20 connections`);
console.table(rows.map((r) => ({ run: r.name, 'req/s': Math.round(r.rps), 'p50 ms': r.p50, 'p99 ms': r.p99 })));
console.log(`ratio API / bare: ${(rows[1].rps / rows[0].rps).toFixed(2)} (target ≥ 0.50)`);
