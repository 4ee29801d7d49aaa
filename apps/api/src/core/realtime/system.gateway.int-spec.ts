import { type Ack, type ClientToServerEvents, type PongPayload, type ServerToClientEvents, SOCKET_PATH, type WelcomePayload } from '@verbund/shared';
import { io, type Socket } from 'socket.io-client';
import { eventually } from '../../../test/support/eventually.js';
import { createUser, signIn } from '../../../test/support/factories.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { PrismaService } from '../database/prisma.service.js';
import { SystemGateway } from './system.gateway.js';

describe('socket.io on the API port', () => {
  let t: TestApp;
  let socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  let welcome: Promise<WelcomePayload>;
  beforeAll(async () => {
    t = await startTestApp({ SOCKET_EVENTS_PER_SECOND: '10' });
    socket = io(t.url, { path: SOCKET_PATH, transports: ['websocket'], reconnection: false });
    welcome = new Promise((resolve) => socket.once('system:welcome', resolve));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
  });
  afterAll(async () => {
    socket.close();
    await t.close();
  });

  it('greets a new connection with a typed event', async () => {
    const payload = await welcome;
    expect(payload.authenticated).toBe(false);
    expect(Number.isNaN(Date.parse(payload.serverTime))).toBe(false);
  });

  it('acknowledges a ping with the stored answer', async () => {
    const sentAt = new Date().toISOString();
    const reply = await new Promise<Ack<PongPayload>>((resolve) => socket.emit('system:ping', { sentAt }, resolve));
    expect(reply.ok).toBe(true);
    if (reply.ok) expect(reply.data.sentAt).toBe(sentAt);
  });

  it('refuses a flood beyond the burst with TOO_MANY_REQUESTS, and takes events again after a pause', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const ping = () => new Promise<Ack<PongPayload>>((resolve) => socket.emit('system:ping', { sentAt: new Date().toISOString() }, resolve));
    const replies = await Promise.all(Array.from({ length: 120 }, ping));
    const refused = replies.filter((r) => !r.ok);
    expect(refused.length).toBeGreaterThanOrEqual(60);
    expect(refused.length).toBeLessThanOrEqual(70);
    expect(refused[0]).toMatchObject({ ok: false, code: 'TOO_MANY_REQUESTS' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await ping()).ok).toBe(true);
    expect(socket.connected).toBe(true);
  });

  it('counts the events of one person over all their connections: a second socket brings no second burst', async () => {
    const prisma = t.app.get(PrismaService);
    const user = await createUser(prisma);
    const { cookie } = await signIn(t, user.email);
    const connect = async () => {
      const own: Socket<ServerToClientEvents, ClientToServerEvents> = io(t.url, {
        path: SOCKET_PATH,
        transports: ['websocket'],
        reconnection: false,
        extraHeaders: { cookie: cookie ?? '' },
      });
      const hello = await new Promise<WelcomePayload>((resolve) => own.once('system:welcome', resolve));
      expect(hello.authenticated).toBe(true);
      return own;
    };
    const [a, b] = [await connect(), await connect()];
    const leave = (s: typeof a) => new Promise<Ack<{ room: string }>>((resolve) => s.emit('room:leave', { room: 'group:nobody' }, resolve));
    const replies = await Promise.all(Array.from({ length: 60 }, (_, i) => leave(i % 2 ? a : b)));
    const passed = replies.filter((r) => r.ok || r.code !== 'TOO_MANY_REQUESTS').length;
    // One burst (five seconds' worth: 50) and what trickles in meanwhile; two buckets would have let all 60 through.
    expect(passed).toBeGreaterThanOrEqual(50);
    expect(passed).toBeLessThanOrEqual(55);
    // Pings (like cursors) have a bucket per connection: the person's spent budget does not stop them.
    const ping = (s: typeof a) => new Promise<Ack<PongPayload>>((resolve) => s.emit('system:ping', { sentAt: new Date().toISOString() }, resolve));
    expect((await ping(a)).ok).toBe(true);
    const gateway = t.app.get(SystemGateway);
    expect(gateway.rates.size).toBe(1);
    const closed = [a, b].map((s) => new Promise((resolve) => s.once('disconnect', resolve)));
    a.close();
    b.close();
    await Promise.all(closed);
    await eventually(() => gateway.rates.size === 0, "the person's bucket forgotten");
  });

  it('answers a malformed ping with BAD_USER_INPUT through the acknowledgement', async () => {
    const reply = await new Promise<Ack<PongPayload>>((resolve) => socket.emit('system:ping', { sentAt: 42 } as unknown as { sentAt: string }, resolve));
    expect(reply).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
  });
});
