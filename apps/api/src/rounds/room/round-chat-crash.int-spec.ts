import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RoundRoomClient } from '@verbund/shared';
import { eventually } from '../../../test/support/eventually.js';
import { openRoom } from '../../../test/support/open-room.js';
import { connect, type RoundClient } from '../../../test/support/round-socket.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { PrismaService } from '../../core/database/prisma.service.js';

const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'dist', 'main.js');
const CLIENTS = 10;
const EACH = 100;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/**
 * The API process is killed (SIGKILL) in the middle of a burst of 1,000 messages from 10 clients and started again:
 * the clients reconnect, ask for what they missed and resend what was not acknowledged. Afterwards every message
 * is stored exactly once, and every client has every message once, in the same order.
 */
describe('chat across a crash of the API process', () => {
  let t: TestApp;
  let port: number;
  let dir: string;
  let api: ChildProcess | undefined;
  let roundId: string;
  const sockets: RoundClient[] = [];
  const rooms: RoundRoomClient[] = [];

  const startApi = async (): Promise<void> => {
    const child = spawn(process.execPath, [main], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        DEMO_DATA: 'false',
        DATABASE_URL: t.db.url,
        CHAT_LIMIT_PER_10S: '1000',
        VERBUND_DATA_DIR: path.join(dir, 'no-bundle'),
        VERBUND_MAIL_DIR: path.join(dir, 'mail'),
        VERBUND_FILES_DIR: path.join(dir, 'files'),
      },
      stdio: 'ignore',
    });
    api = child;
    await eventually(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok, 'the API answering', 30_000);
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-crash-'));
    port = await freePort();
    t = await startTestApp({ LOGIN_LIMIT_PER_IP: '200' }, { directory: true });
    const room = await openRoom(t, 'Runde im Absturz', CLIENTS - 1);
    roundId = room.roundId;
    const cookies = room.clients.map((c) => c.client.cookie);
    await startApi();
    for (const cookie of cookies) {
      const socket = await connect(`http://127.0.0.1:${port}`, cookie);
      sockets.push(socket);
      const room = new RoundRoomClient(socket, roundId);
      rooms.push(room);
    }
    await eventually(() => rooms.every((r) => r.state.joined), 'every client in the room', 10_000);
  }, 90_000);

  afterAll(async () => {
    for (const r of rooms) r.destroy();
    for (const s of sockets) s.close();
    api?.kill('SIGKILL');
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loses no acknowledged message and duplicates none after clients resend', async () => {
    const prisma = t.app.get(PrismaService);
    const stored = () => prisma.roundMessage.count({ where: { roundId } });
    // Killed when the first message comes back (it was stored and announced): the burst has only begun.
    const firstBack = new Promise((resolve) => sockets[0]!.once('chat:message', resolve));
    for (let n = 0; n < EACH; n++) rooms.forEach((room, i) => room.send(`Nachricht ${i}-${n}`));
    await firstBack;
    api!.kill('SIGKILL');
    await new Promise((resolve) => api!.once('exit', resolve));
    const beforeRestart = await stored();
    expect(beforeRestart).toBeLessThan(CLIENTS * EACH);
    await startApi();
    await eventually(() => rooms.every((r) => r.state.joined && r.state.pending.length === 0), 'every client resent what was pending', 60_000);
    expect(rooms.map((r) => r.state.error)).toEqual(rooms.map(() => null));
    const rows = await prisma.roundMessage.findMany({ where: { roundId }, select: { markdown: true } });
    expect(rows).toHaveLength(CLIENTS * EACH);
    expect(new Set(rows.map((r) => r.markdown)).size).toBe(CLIENTS * EACH);
    await eventually(() => rooms.every((r) => r.state.messages.length === CLIENTS * EACH), 'every client has every message', 20_000);
    const order = rooms[0]!.state.messages.map((m) => m.id);
    for (const room of rooms) expect(room.state.messages.map((m) => m.id)).toEqual(order);
  }, 120_000);
});
