// `npm run bench:room`: the live room's chat (#15), through the real API (production config) next to a bare
// socket.io server doing the same relay in the same run.
// Fan-out: 500 sockets (`BENCH_SOCKETS`) in one room, 10 messages/s of 300 bytes (`BENCH_RATE`) for 60 s
// (`BENCH_SECONDS`) spread over 50 senders: p50/p99 send → receive over every delivery, lost and out-of-order
// deliveries (must be 0), server CPU per delivered message. Commit path: 50 rooms, 50 messages/s in total for
// `BENCH_SECONDS`: p50/p99 send → acknowledgement (stored). Needs a build.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';
import {
  BENCH_PASSWORD,
  DATA_DIR,
  benchPeople,
  cpuSeconds,
  freePort,
  loadDatabaseTools,
  machine,
  migratedDatabase,
  pinSelf,
  signInCookie,
  startPinned,
  startProductionApi,
  stop,
} from './lib.mjs';

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 500);
const RATE = Number(process.env.BENCH_RATE ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const PEOPLE = 100;
const SENDERS = 50;
const ROOMS = 50;
const here = path.dirname(fileURLToPath(import.meta.url));
const { startEmbeddedPostgres, PrismaService, importDirectory } = await loadDatabaseTools();
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const until = async (check, what, ms = 60_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (await check()) return;
  throw new Error(`${what}: not reached within ${ms} ms`);
};
const emit = (socket, event, payload) => new Promise((resolve) => socket.emit(event, payload, resolve));
const body = (tag) => `${tag} `.padEnd(300, 'Sprachmittlung im Landkreis und in der Stadt ');

/** 500 sockets in one room, 10 messages/s over 50 senders: latencies, losses, order, server CPU per delivery. */
async function fanOut(base, pid, cookies, roundId) {
  const sockets = [];
  try {
    for (let i = 0; i < SOCKETS; i++) {
      const socket = io(base, { path: '/socket.io', transports: ['websocket'], extraHeaders: cookies ? { cookie: cookies[i % cookies.length] } : {} });
      sockets.push(socket);
    }
    await until(() => sockets.every((s) => s.connected), 'every socket connected');
    for (const s of sockets) {
      const reply = await emit(s, 'round:join', { roundId });
      if (!reply.ok) throw new Error(`join refused: ${JSON.stringify(reply)}`);
    }
    // What joining set off (presence lists) settles before the measurement.
    await sleep(3000);
    const sentAt = new Map();
    const latencies = [];
    const seen = sockets.map(() => ({ count: 0, last: 0n, outOfOrder: 0 }));
    sockets.forEach((s, i) =>
      s.on('chat:message', (m) => {
        const sent = sentAt.get(m.clientId);
        if (sent === undefined) return;
        latencies.push(performance.now() - sent);
        const mine = seen[i];
        const id = BigInt(m.id);
        if (id <= mine.last) mine.outOfOrder++;
        mine.last = id;
        mine.count++;
      }),
    );
    const cpuBefore = cpuSeconds(pid);
    let sent = 0;
    const timer = setInterval(() => {
      const clientId = `fanout-${sent.toString(36).padStart(8, '0')}`;
      sentAt.set(clientId, performance.now());
      sockets[sent % SENDERS].emit('chat:send', { roundId, clientId, body: body(clientId) }, () => undefined);
      sent++;
    }, 1000 / RATE);
    await sleep(SECONDS * 1000);
    clearInterval(timer);
    await until(() => seen.every((s) => s.count >= sent), 'every delivery', 30_000).catch(() => undefined);
    const cpu = cpuSeconds(pid) - cpuBefore;
    latencies.sort((a, b) => a - b);
    const delivered = seen.reduce((n, s) => n + s.count, 0);
    return {
      sent,
      delivered,
      lost: sent * SOCKETS - delivered,
      outOfOrder: seen.reduce((n, s) => n + s.outOfOrder, 0),
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      cpuPerDelivery: (cpu / delivered) * 1e6,
    };
  } finally {
    for (const s of sockets) s.close();
  }
}

/** 50 rooms, one sender each, 50 messages/s in total: send → acknowledgement (stored). */
async function commitPath(base, cookies, roundIds) {
  const sockets = [];
  try {
    for (let i = 0; i < ROOMS; i++) {
      sockets.push(io(base, { path: '/socket.io', transports: ['websocket'], extraHeaders: { cookie: cookies[i % cookies.length] } }));
    }
    await until(() => sockets.every((s) => s.connected), 'every socket connected');
    for (let i = 0; i < ROOMS; i++) {
      const reply = await emit(sockets[i], 'round:join', { roundId: roundIds[i] });
      if (!reply.ok) throw new Error(`join refused: ${JSON.stringify(reply)}`);
    }
    const latencies = [];
    let sent = 0;
    let failed = 0;
    const timer = setInterval(() => {
      const i = sent % ROOMS;
      const t0 = performance.now();
      const clientId = `commit-${sent.toString(36).padStart(8, '0')}`;
      sent++;
      sockets[i].emit('chat:send', { roundId: roundIds[i], clientId, body: body(clientId) }, (reply) => {
        if (reply.ok) latencies.push(performance.now() - t0);
        else failed++;
      });
    }, 1000 / ROOMS);
    await sleep(SECONDS * 1000);
    clearInterval(timer);
    await until(() => latencies.length + failed >= sent, 'every acknowledgement', 30_000);
    latencies.sort((a, b) => a - b);
    return { sent, failed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
  } finally {
    for (const s of sockets) s.close();
  }
}

pinSelf();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-bench-room-'));
fs.chmodSync(tmp, 0o755);
const server = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg') });
let api;
let bare;
try {
  const url = await migratedDatabase(server.url);
  const prisma = new PrismaService(url);
  await importDirectory(prisma, { dir: DATA_DIR });
  const { org, people } = await benchPeople(prisma, PEOPLE, 'room');
  const password = BENCH_PASSWORD;
  // Hosted by the people's own administration: everyone moderates, so every socket may join.
  const startsAt = new Date(Date.now() + 5 * 60_000);
  const roundIds = [];
  for (let i = 0; i < ROOMS + 1; i++) {
    const series = await prisma.roundSeries.create({
      data: {
        title: `Runde ${i}`,
        description: '',
        topics: ['SPRACHE'],
        hostOrganizationId: org.id,
        videoUrl: 'https://meet.example/bench',
        firstStartsAt: startsAt,
        durationMinutes: 600,
        dates: { create: [{ originalStartsAt: startsAt, startsAt, endsAt: new Date(startsAt.getTime() + 600 * 60_000) }] },
      },
      include: { dates: true },
    });
    roundIds.push(series.dates[0].id);
  }
  await prisma.$disconnect();

  const started = await startProductionApi(url, { LOGIN_LIMIT_PER_IP: String(PEOPLE * 2), CHAT_LIMIT_PER_10S: '1000' });
  api = started.child;
  const base = started.base;
  const cookies = [];
  for (const person of people) cookies.push(await signInCookie(base, person.email, password));
  const verbund = await fanOut(base, api.pid, cookies, roundIds[ROOMS]);
  const commit = await commitPath(base, cookies, roundIds.slice(0, ROOMS));
  await stop(api);
  api = undefined;

  const barePort = await freePort();
  bare = await startPinned([path.join(here, 'bare-socketio.mjs')], { PORT: String(barePort) }, async () => {
    const s = io(`http://127.0.0.1:${barePort}`, { path: '/socket.io', transports: ['websocket'], reconnection: false });
    try {
      await until(() => s.connected, 'bare', 500);
      return true;
    } finally {
      s.close();
    }
  });
  const baseline = await fanOut(`http://127.0.0.1:${barePort}`, bare.pid, null, 'bare');

  const ms = (v) => v.toFixed(1);
  console.log(`\nLive room chat · ${new Date().toISOString().slice(0, 10)} · ${machine()}`);
  console.log(`fan-out: ${SOCKETS} sockets in one room, ${RATE} messages/s of 300 bytes for ${SECONDS} s over ${SENDERS} senders`);
  for (const [name, r] of [
    ['Verbund', verbund],
    ['bare socket.io', baseline],
  ]) {
    console.log(
      `  ${name}: ${r.sent} sent, ${r.delivered} delivered, lost ${r.lost}, out of order ${r.outOfOrder}; send → receive p50 ${ms(r.p50)} ms, p99 ${ms(r.p99)} ms; server CPU ${r.cpuPerDelivery.toFixed(1)} µs per delivery`,
    );
  }
  console.log(`  ratio CPU per delivery Verbund / bare: ${(verbund.cpuPerDelivery / baseline.cpuPerDelivery).toFixed(2)} (goal ≤ 2); p99 goal ≤ 50 ms`);
  console.log(
    `commit path: ${ROOMS} rooms, ${ROOMS} messages/s: ${commit.sent} sent, ${commit.failed} refused; send → stored p50 ${ms(commit.p50)} ms, p99 ${ms(commit.p99)} ms (goal ≤ 100 ms)`,
  );
} finally {
  if (api) await stop(api);
  if (bare) await stop(bare);
  await server.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
