import { type ClientToServerEvents, type ServerToClientEvents, SOCKET_PATH, type WelcomePayload } from '@verbund/shared';
import { io, type Socket } from 'socket.io-client';
import { createUser, signIn } from '../../../test/support/factories.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { PrismaService } from '../database/prisma.service.js';
import { redisAvailable, startRedis, type TestRedis } from '../../../test/support/redis-server.js';
import { SystemGateway } from './system.gateway.js';

// redis-server comes from apt (.ci/run installs it); on a developer machine without it this suite is skipped.
const describeWithRedis = redisAvailable() || process.env.CI ? describe : describe.skip;

describeWithRedis('two API processes behind one Redis', () => {
  let redis: TestRedis;
  let a: TestApp;
  let b: TestApp;
  let client: Socket<ServerToClientEvents, ClientToServerEvents>;

  beforeAll(async () => {
    redis = await startRedis();
    a = await startTestApp({ REDIS_URL: redis.url });
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
