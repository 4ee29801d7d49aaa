// `npm run bench`: throughput and latency of a trivial GraphQL query through the whole API stack, as a
// ratio to a bare node:http JSON endpoint measured in the same run, with the framework alone (Nest + Mercurius)
// as a third row. Server and load on different cores. Needs a build (`npm start` once, or
// `npx nx run-many -t build`).
//
// The same server code measured in two processes differs by up to ±10 % on this kind of machine, so every
// server is started afresh BENCH_REPS times, in turn, and the medians are reported.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuSeconds, freePort, load, loadDatabaseTools, machine, pinSelf, startPinned, stop } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const duration = Number(process.env.BENCH_SECONDS ?? 5);
const reps = Number(process.env.BENCH_REPS ?? 3);
const query = JSON.stringify({ query: '{ __typename }' });
const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-bench-'));
fs.chmodSync(dbDir, 0o755);
// Production refuses the embedded database: the API gets a PostgreSQL of its own, as in a deployment.
const { startEmbeddedPostgres } = await loadDatabaseTools();
const database = await startEmbeddedPostgres({ dataDir: path.join(dbDir, 'pg'), durable: false });

const servers = [
  { name: 'bare node:http JSON', script: path.join(here, 'bare-server.mjs'), path: '/', ready: '/' },
  { name: 'Nest + Mercurius alone', script: path.join(here, 'minimal-server.mjs'), path: '/graphql', ready: '/healthz' },
  {
    name: 'GraphQL { __typename } through the API',
    script: path.join(here, '..', 'apps', 'api', 'dist', 'main.js'),
    path: '/graphql',
    ready: '/healthz',
    // Production settings, logs at info as in production (written to a pipe and discarded here).
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      DEMO_DATA: 'false',
      DATABASE_URL: database.url,
      SMTP_URL: 'smtp://127.0.0.1:9',
      PUBLIC_URL: 'https://verbund.test',
    },
  },
];

async function measure(server) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const ready = async () => (await fetch(`${base}${server.ready}`, server.ready === '/' ? { method: 'POST', body: '{}' } : {})).ok;
  const child = await startPinned([server.script], { PORT: String(port), ...server.env }, ready);
  try {
    await load(`${base}${server.path}`, query, { duration: 2 });
    const cpuBefore = cpuSeconds(child.pid);
    const result = await load(`${base}${server.path}`, query, { duration });
    return { ...result, cpuUs: ((cpuSeconds(child.pid) - cpuBefore) / result.total) * 1e6 };
  } finally {
    await stop(child);
  }
}

pinSelf();
const results = servers.map(() => []);
try {
  for (let rep = 0; rep < reps; rep++) {
    // Every other round runs the servers in reverse, so a host that slows down or speeds up over the run does
    // not favour the one that always comes later.
    const order = rep % 2 === 0 ? [...servers.keys()] : [...servers.keys()].reverse();
    for (const i of order) results[i].push(await measure(servers[i]));
  }
} finally {
  await database.stop();
  fs.rmSync(dbDir, { recursive: true, force: true });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = servers.map((server, i) => ({
  run: server.name,
  'req/s (median)': Math.round(median(results[i].map((r) => r.rps))),
  'req/s (each)': results[i].map((r) => Math.round(r.rps)).join(' '),
  'p50 ms': median(results[i].map((r) => r.p50)),
  'p99 ms': median(results[i].map((r) => r.p99)),
  'CPU µs/req (median)': Number(median(results[i].map((r) => r.cpuUs)).toFixed(1)),
}));
const ratio = (i, j) => (rows[i]['req/s (median)'] / rows[j]['req/s (median)']).toFixed(2);
const cpuRatio = (i, j) => (rows[j]['CPU µs/req (median)'] / rows[i]['CPU µs/req (median)']).toFixed(2);
// The two servers of one round ran seconds apart, under the same load from neighbours on the host: the ratio
// within each round is steadier than the ratio of the medians when the host's speed drifts between rounds.
const paired = (i, j, value) => results[i].map((r, rep) => value(r, results[j][rep]));
const pairedRps = paired(2, 1, (api, framework) => api.rps / framework.rps);
const pairedCpu = paired(2, 1, (api, framework) => framework.cpuUs / api.cpuUs);
const list = (values) => values.map((v) => v.toFixed(2)).join(' ');

console.log(`\n${new Date().toISOString()} · ${machine()} · ${reps} × ${duration} s per server, fresh processes, 20 connections`);
console.table(rows);
console.log(`framework alone / bare: ${ratio(1, 0)}`);
console.log(`API / framework alone: ${ratio(2, 1)} by req/s, ${cpuRatio(2, 1)} by CPU per request (what Verbund's layers keep; target ≥ 0.80)`);
console.log(
  `API / framework alone within each round: ${median(pairedRps).toFixed(2)} by req/s (${list(pairedRps)}), ` +
    `${median(pairedCpu).toFixed(2)} by CPU per request (${list(pairedCpu)})`,
);
console.log(`ratio API / bare: ${ratio(2, 0)} (for reference)`);
