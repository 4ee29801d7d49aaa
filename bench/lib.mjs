import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SERVER_CORE = 0;
export const LOAD_CORE = 1;
const hasTaskset = spawnSync('taskset', ['--version']).status === 0 && os.cpus().length > 1;

export function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * The runtime options the API runs with in production (`npm start`, the Dockerfile; ADR 0023), given to every
 * server measured here, the baselines included, so each is measured as it would run.
 */
export const PRODUCTION_NODE_ARGS = ['--max-semi-space-size=32'];

/** Node options for the servers under test only, e.g. `BENCH_NODE_ARGS=--cpu-prof` to see where their time goes. */
const serverNodeArgs = [...PRODUCTION_NODE_ARGS, ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)];

/** Starts a server process pinned to the server core; resolves once `isReady` says so. */
export async function startPinned(args, env, isReady) {
  const nodeArgs = [...serverNodeArgs, ...args];
  const [cmd, cmdArgs] = hasTaskset ? ['taskset', ['-c', String(SERVER_CORE), process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const child = spawn(cmd, cmdArgs, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout.resume();
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    if (await isReady().catch(() => false)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${args.join(' ')} did not become ready`);
}

export function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/**
 * CPU seconds (user + system) a process has used so far. Time stolen by other machines on the host is not in
 * it, so CPU per request varies far less between runs than requests per second do.
 */
export function cpuSeconds(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Pins this process (the load generator) to the other core. */
export function pinSelf() {
  if (hasTaskset) spawnSync('taskset', ['-cp', String(LOAD_CORE), String(process.pid)]);
}

export async function load(url, body, { duration, connections = 20, headers = {} }) {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    connections,
    duration,
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total };
}

export function machine() {
  return `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

const here = path.dirname(fileURLToPath(import.meta.url));
/** The built API, whose database and import code the data benchmarks use directly. */
export const API_DIST = path.join(here, '..', 'apps', 'api', 'dist');
export const DATA_DIR = process.env.VERBUND_DATA_DIR ?? path.resolve(here, '..', 'data', 'municipalities');

/** Database, migration and directory import from the build. */
export async function loadDatabaseTools() {
  const dist = (file) => import(path.join(API_DIST, file));
  const [{ startEmbeddedPostgres, databaseUrl }, { migrate }, { PrismaService }, { importDirectory }, { readBundleFile }] = await Promise.all([
    dist('core/database/embedded-postgres.js'),
    dist('core/database/migrate.js'),
    dist('core/database/prisma.service.js'),
    dist('municipalities/import/import-directory.js'),
    dist('municipalities/import/bundle.js'),
  ]);
  return { startEmbeddedPostgres, databaseUrl, migrate, PrismaService, importDirectory, readBundleFile };
}

/** A fresh migrated database `bench` on the embedded server: its connection URL. */
export async function migratedDatabase(serverUrl) {
  const { databaseUrl, migrate } = await loadDatabaseTools();
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE bench');
  await admin.end();
  const url = databaseUrl(serverUrl, 'bench');
  await migrate({ databaseUrl: url, migrationsDir: path.join(here, '..', 'prisma', 'migrations') });
  return url;
}

/** The real API in its production configuration on `databaseUrl`, pinned to the server core. */
export async function startProductionApi(databaseUrl, env = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = await startPinned(
    [path.join(API_DIST, 'main.js')],
    {
      PORT: String(port),
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      SMTP_URL: 'smtp://127.0.0.1:9',
      PUBLIC_URL: 'https://verbund.test',
      ...env,
    },
    async () => (await fetch(`${base}/healthz`)).ok,
  );
  return { child, base };
}

/** Signs in through the API and returns the session cookie. */
export async function signInCookie(base, email, password) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation ($i: LoginInput!) { login(input: $i) { id } }', variables: { i: { email, password } } }),
  });
  return res.headers.getSetCookie()[0].split(';')[0];
}

export const BENCH_PASSWORD = 'Bench-Passwort-2026-lang';

/**
 * The administration of the Landkreis Leipzig and `count` confirmed members of it (password `BENCH_PASSWORD`), in
 * a database with the directory imported.
 */
export async function benchPeople(prisma, count, emailPrefix) {
  const { hashPassword } = await import(path.join(API_DIST, 'accounts/password.js'));
  const kreis = await prisma.municipality.findUniqueOrThrow({ where: { ags: '14729' } });
  const org = await prisma.organization.create({ data: { kind: 'MUNICIPALITY', name: kreis.displayName, representsId: kreis.id, locatedInId: kreis.id } });
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const people = [];
  for (let i = 0; i < count; i++) {
    const user = await prisma.user.create({
      data: { name: `Person ${i + 1}`, email: `${emailPrefix}${i}@verbund.example`, passwordHash, emailVerifiedAt: new Date() },
    });
    await prisma.membership.create({ data: { userId: user.id, organizationId: org.id, status: 'CONFIRMED', function: 'VERWALTUNG', topics: ['SPRACHE'] } });
    people.push(user);
  }
  return { org, people };
}

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * Sequential GraphQL requests as one signed-in person: `measure(calls)` sends ten as warm-up, then each of
 * `calls` ([query, variables]) in turn, and answers p50/p95/max in ms. An error in an answer aborts the run.
 */
export function sequentialQueries(endpoint, cookie) {
  const post = async (query, variables) => {
    const t0 = performance.now();
    const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
    const body = await res.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return performance.now() - t0;
  };
  const measure = async (calls) => {
    for (const [q, v] of calls.slice(0, 10)) await post(q, v);
    const times = [];
    for (const [q, v] of calls) times.push(await post(q, v));
    times.sort((a, b) => a - b);
    return { n: times.length, p50: percentile(times, 50).toFixed(1), p95: percentile(times, 95).toFixed(1), max: times.at(-1).toFixed(1) };
  };
  return { measure };
}

/** The rows with their p95 as a multiple of the floor row's, under the date and machine. */
export function printAgainstFloor(rows, floor) {
  console.log(`\n${new Date().toISOString()} · ${machine()}`);
  console.table(Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, { ...v, 'p95 / floor p95': (v.p95 / rows[floor].p95).toFixed(1) }])));
}
