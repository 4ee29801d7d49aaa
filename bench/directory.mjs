// `npm run bench:directory`: the municipality directory on the full official bundle.
// (1) import time into an empty database and a forced re-import; (2) p50/p95 latency of `neighbours` and of
// `municipalities(search)` over a sample of keys and terms, next to `{ __typename }` measured in the same run
// (the floor any query pays). Sequential requests from one client on the other core. Needs a build.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { API_DIST, DATA_DIR, freePort, loadDatabaseTools, machine, migratedDatabase, pinSelf, startPinned, stop } from './lib.mjs';

const { startEmbeddedPostgres, PrismaService, importDirectory, readBundleFile } = await loadDatabaseTools();

pinSelf();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-bench-dir-'));
fs.chmodSync(tmp, 0o755);
const server = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg') });
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

try {
  const url = await migratedDatabase(server.url);
  const gemeinden = JSON.parse(readBundleFile(DATA_DIR, 'gemeinden.json').toString('utf8'));

  const prisma = new PrismaService(url);
  const fresh = await importDirectory(prisma, { dir: DATA_DIR });
  const again = await importDirectory(prisma, { dir: DATA_DIR, force: true });
  await prisma.$disconnect();
  console.log(`import into an empty database: ${fresh.ms} ms (${fresh.inserted} records, ${fresh.borders} border rows)`);
  console.log(`forced re-import, nothing changed: ${again.ms} ms (${again.updated} updated)`);

  const port = await freePort();
  const api = await startPinned(
    [path.join(API_DIST, 'main.js')],
    { PORT: String(port), NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: url, SMTP_URL: 'smtp://127.0.0.1:9', PUBLIC_URL: 'https://verbund.test' },
    async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok,
  );
  const post = async (query) => {
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = await res.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return performance.now() - started;
  };
  const measure = async (queries) => {
    for (const q of queries.slice(0, 20)) await post(q);
    const times = [];
    for (const q of queries) times.push(await post(q));
    times.sort((a, b) => a - b);
    return { n: times.length, p50: percentile(times, 50).toFixed(1), p95: percentile(times, 95).toFixed(1), max: times.at(-1).toFixed(1) };
  };
  try {
    const sample = gemeinden.filter((_, i) => i % 37 === 0).map((g) => g.ags);
    const kreise = [...new Set(gemeinden.map((g) => g.kreisAgs))].filter((_, i) => i % 4 === 0);
    const fields = 'reasons distanceKm municipality { id ags name kind population }';
    const rows = {
      '{ __typename } (floor)': await measure(Array.from({ length: 300 }, () => '{ __typename }')),
      'neighbours of a Gemeinde': await measure(sample.map((a) => `{ neighbours(ags: "${a}", first: 100) { ${fields} } }`)),
      'neighbours of a Kreis': await measure(kreise.map((a) => `{ neighbours(ags: "${a}") { ${fields} } }`)),
      'neighbours, radius 50 km': await measure(sample.map((a) => `{ neighbours(ags: "${a}", radiusKm: 50, first: 100) { ${fields} } }`)),
      'search by name': await measure(
        gemeinden
          .filter((_, i) => i % 41 === 0)
          .map((g) => `{ municipalities(search: ${JSON.stringify(g.name.split(',')[0].slice(0, 6))}, first: 20) { totalCount nodes { id name } } }`),
      ),
    };
    console.log(`\n${new Date().toISOString()} · ${machine()}`);
    console.table(
      Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, { ...v, 'p95 / floor p95': (v.p95 / rows['{ __typename } (floor)'].p95).toFixed(1) }])),
    );
    console.log('target: neighbours p95 < 50 ms');
  } finally {
    await stop(api);
  }
} finally {
  await server.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}
