import { type ClientToServerEvents, type ServerToClientEvents, SOCKET_PATH, type WelcomePayload } from '@verbund/shared';
import { io, type Socket } from 'socket.io-client';
import { addMember, createGroup, createUser, signIn } from '../../../test/support/factories.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { PrismaService } from '../database/prisma.service.js';
import { redisAvailable, startRedis, type TestRedis } from '../../../test/support/redis-server.js';
import { SystemGateway } from './system.gateway.js';
import type { PresencePayload, RoomName } from '@verbund/shared';

// redis-server comes from apt (.ci/run installs it); on a developer machine without it this suite is skipped.
const describeWithRedis = redisAvailable() || process.env.CI ? describe : describe.skip;

describeWithRedis('two API processes behind one Redis', () => {
  let redis: TestRedis;
  let a: TestApp;
  let b: TestApp;
  let client: Socket<ServerToClientEvents, ClientToServerEvents>;

  beforeAll(async () => {
    redis = await startRedis();
    a = await startTestApp({ REDIS_URL: redis.url }, { directory: true });
    b = await startTestApp({ REDIS_URL: redis.url }, { sharedDb: a.db });
    client = io(b.url, { path: SOCKET_PATH, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      client.once('connect', resolve);
      client.once('connect_error', reject);
    });
  });
  afterAll(async () => {
    client?.close();
    await a?.close();
    await b?.close();
    await redis?.stop();
  });

  it('delivers a broadcast from one process to a client connected to the other', async () => {
    const payload = { serverTime: '2026-01-01T00:00:00.000Z', authenticated: false };
    const received = new Promise<WelcomePayload>((resolve) => client.on('system:welcome', (p) => p.serverTime === payload.serverTime && resolve(p)));
    const serverA = a.app.get(SystemGateway).server;
    // The adapter needs a moment to subscribe after connect; broadcast until the message arrives.
    const timer = setInterval(() => serverA.emit('system:welcome', payload), 100);
    try {
      expect(await received).toEqual(payload);
    } finally {
      clearInterval(timer);
    }
  });

  it("logging out everywhere on one process closes the person's socket on the other", async () => {
    const user = await createUser(a.app.get(PrismaService));
    const session = await signIn(a, user.email);
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(b.url, {
      path: SOCKET_PATH,
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { cookie: session.cookie! },
    });
    try {
      const welcome = await new Promise<WelcomePayload>((resolve, reject) => {
        socket.once('system:welcome', resolve);
        socket.once('connect_error', reject);
      });
      expect(welcome.authenticated).toBe(true);
      const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      expect((await session.graphql('mutation { logoutEverywhere }')).errors).toBeUndefined();
      expect(await closed).toBe('io server disconnect');
    } finally {
      socket.close();
    }
  });
});

describeWithRedis('presence shared by two API processes over one Redis', () => {
  let redis: TestRedis;
  let a: TestApp;
  let b: TestApp;
  const sockets: Socket<ServerToClientEvents, ClientToServerEvents>[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    a = await startTestApp({ REDIS_URL: redis.url }, { directory: true });
    b = await startTestApp({ REDIS_URL: redis.url }, { sharedDb: a.db });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await b?.close();
    await a?.close();
    await redis?.stop();
  });

  it('two people in one group room, each on another process, both see both', async () => {
    const prisma = a.app.get(PrismaService);
    const anna = await createUser(prisma);
    const ben = await createUser(prisma);
    await addMember(prisma, anna.id, '14729');
    await addMember(prisma, ben.id, '14713');
    const group = await createGroup(prisma, 'Über zwei Prozesse', anna.id, [ben.id]);
    const room: RoomName = `group:${group.id}`;
    const connect = async (app: TestApp, email: string) => {
      const session = await signIn(app, email);
      const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(app.url, {
        path: SOCKET_PATH,
        transports: ['websocket'],
        reconnection: false,
        extraHeaders: { cookie: session.cookie! },
      });
      sockets.push(socket);
      return socket;
    };
    const onA = await connect(a, anna.email);
    const heardOnA: PresencePayload[] = [];
    onA.on('room:presence', (p) => heardOnA.push(p));
    const first = await new Promise<unknown>((resolve) => onA.emit('room:join', { room }, resolve));
    expect(first).toEqual({ ok: true, data: { room, userIds: [anna.id] } });
    const onB = await connect(b, ben.email);
    const second = await new Promise<unknown>((resolve) => onB.emit('room:join', { room }, resolve));
    expect(second).toEqual({ ok: true, data: { room, userIds: [anna.id, ben.id] } });
    // The adapter carries B's announcement to Anna's socket on process A.
    const deadline = Date.now() + 3000;
    while (!heardOnA.some((p) => p.userIds.length === 2) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(heardOnA.at(-1)).toEqual({ room, userIds: [anna.id, ben.id] });
  });
});
