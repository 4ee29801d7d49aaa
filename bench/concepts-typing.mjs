// `npm run bench:typing`: 20 people typing into one section of a concept at once, 5 updates a second each,
// for 60 s (`BENCH_TYPISTS`, `BENCH_RATE`, `BENCH_SECONDS`), through the real API (production config) and the
// web app's own Yjs client (`@verbund/shared/collab`): p50/p95 from an update leaving one editor to its being
// applied in each other editor, next to the socket round trip (`system:ping`) measured during the same typing as
// the floor; server CPU per update; rows and bytes stored for the section after the last merge. Needs a build.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { io } from 'socket.io-client';
import * as Y from 'yjs';
import {
  DATA_DIR,
  cpuSeconds,
  loadDatabaseTools,
  machine,
  benchPeople,
  BENCH_PASSWORD,
  migratedDatabase,
  pinSelf,
  signInCookie,
  startProductionApi,
  stop,
} from './lib.mjs';

const TYPISTS = Number(process.env.BENCH_TYPISTS ?? 20);
const RATE = Number(process.env.BENCH_RATE ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const here = path.dirname(fileURLToPath(import.meta.url));
const { RoomDocs } = await import(path.join(here, '..', 'libs', 'shared', 'dist', 'collab', 'index.js'));
const { startEmbeddedPostgres, PrismaService, importDirectory } = await loadDatabaseTools();
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const until = async (check, what, ms = 30_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (await check()) return;
  throw new Error(`${what}: not reached within ${ms} ms`);
};

pinSelf();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-bench-typing-'));
fs.chmodSync(tmp, 0o755);
const server = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg') });
const sockets = [];
let api;
try {
  const url = await migratedDatabase(server.url);
  const prisma = new PrismaService(url);
  await importDirectory(prisma, { dir: DATA_DIR });
  const { org, people } = await benchPeople(prisma, TYPISTS, 'typist');
  const password = BENCH_PASSWORD;
  const concept = await prisma.concept.create({
    data: {
      title: 'Integrationskonzept (Benchmark)',
      summary: '',
      topics: ['SPRACHE'],
      licence: 'CC_BY_4_0',
      organizationId: org.id,
      createdById: people[0].id,
      sections: { create: [{ title: 'Leitbild', position: 0 }] },
    },
    include: { sections: true },
  });
  const sectionId = concept.sections[0].id;
  await prisma.$disconnect();

  const started = await startProductionApi(url, { LOGIN_LIMIT_PER_IP: String(TYPISTS * 2) });
  api = started.child;
  const base = started.base;
  const signIn = (email) => signInCookie(base, email, password);

  // Every editor is in this process: when an update is applied in one, its author's send time is known here.
  const sentAt = new Map();
  const latencies = [];
  const editors = [];
  for (const person of people) {
    const socket = io(base, { path: '/socket.io', transports: ['websocket'], extraHeaders: { cookie: await signIn(person.email) } });
    sockets.push(socket);
    const sync = new RoomDocs(socket, `concept:${concept.id}`, { name: person.name, color: '#0b5394' });
    const section = sync.doc(sectionId);
    section.doc.on('update', (update, origin) => {
      if (origin !== section) return;
      const now = performance.now();
      for (const struct of Y.decodeUpdate(update).structs) {
        const sent = sentAt.get(`${struct.id.client}:${struct.id.clock}`);
        if (sent !== undefined) latencies.push(now - sent);
      }
    });
    editors.push({ sync, section, fragment: section.doc.getXmlFragment('default') });
  }
  await until(() => editors.every((e) => e.sync.status === 'saved'), 'all editors synced');
  // One paragraph to type into, created by the first person and seen by all.
  editors[0].section.doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText()]);
    editors[0].fragment.insert(0, [paragraph]);
  });
  await until(() => editors.every((e) => e.fragment.length === 1), 'the paragraph everywhere');

  const probe = io(base, { path: '/socket.io', transports: ['websocket'] });
  sockets.push(probe);
  await until(() => probe.connected, 'the probe socket');
  const pings = [];
  const ping = () =>
    new Promise((resolve) => {
      const t0 = performance.now();
      probe.emit('system:ping', { sentAt: new Date().toISOString() }, () => resolve(pings.push(performance.now() - t0)));
    });

  const cpuBefore = cpuSeconds(api.pid);
  let sent = 0;
  const typing = editors.map((editor, i) =>
    setInterval(() => {
      const text = editor.fragment.get(0).get(0);
      const { clientID } = editor.section.doc;
      const clock = Y.getState(editor.section.doc.store, clientID);
      sentAt.set(`${clientID}:${clock}`, performance.now());
      text.insert(Math.floor(Math.random() * (text.length + 1)), String.fromCharCode(97 + (i % 26)));
      sent++;
    }, 1000 / RATE),
  );
  const pinger = setInterval(() => void ping(), 200);
  await sleep(SECONDS * 1000);
  for (const timer of typing) clearInterval(timer);
  clearInterval(pinger);
  await until(() => editors.every((e) => e.sync.status === 'saved'), 'every update stored');
  const expected = sent * (TYPISTS - 1);
  await until(() => latencies.length >= expected, `every update applied by the others (${latencies.length} of ${expected})`, 60_000);
  const cpu = cpuSeconds(api.pid) - cpuBefore;
  const texts = new Set(editors.map((e) => e.fragment.toString()));
  if (texts.size !== 1) throw new Error('the editors did not converge');

  // The merge runs when the section's text is next derived (1.5 s after typing stops).
  await sleep(3000);
  const check = new pg.Client({ connectionString: url });
  await check.connect();
  const {
    rows: [stored],
  } = await check.query(
    'SELECT count(*)::int AS rows, coalesce(sum(octet_length(update)), 0)::int AS bytes FROM "ConceptSectionUpdate" WHERE "sectionId" = $1',
    [sectionId],
  );
  const {
    rows: [derived],
  } = await check.query('SELECT length(text) AS chars FROM "ConceptSection" WHERE id = $1', [sectionId]);
  await check.end();

  latencies.sort((a, b) => a - b);
  pings.sort((a, b) => a - b);
  const p = (list, q) => percentile(list, q).toFixed(1);
  console.log(`\n${TYPISTS} typists × ${RATE} updates/s × ${SECONDS} s · ${new Date().toISOString().slice(0, 10)} · ${machine()}`);
  console.log(`updates sent: ${sent}; remote applies measured: ${latencies.length}`);
  console.log(`update → applied at another editor: p50 ${p(latencies, 50)} ms, p95 ${p(latencies, 95)} ms, max ${latencies.at(-1).toFixed(1)} ms`);
  console.log(`socket round trip (system:ping) during typing: p50 ${p(pings, 50)} ms, p95 ${p(pings, 95)} ms`);
  console.log(`ratio p95 update / p95 ping: ${(percentile(latencies, 95) / percentile(pings, 95)).toFixed(2)}`);
  console.log(`server CPU: ${((cpu / sent) * 1000).toFixed(2)} ms per update (${cpu.toFixed(1)} s for ${sent} updates, ${(sent / SECONDS).toFixed(0)}/s)`);
  console.log(`stored after merging: ${stored.rows} row(s), ${stored.bytes} bytes for ${derived.chars} characters`);
} finally {
  for (const s of sockets) s.close();
  if (api) await stop(api);
  await server.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
