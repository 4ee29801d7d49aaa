import { type Ack, type ClientToServerEvents, type PongPayload, type RoomName, type ServerToClientEvents, SOCKET_PATH } from '@verbund/shared';
import { io, type Socket } from 'socket.io-client';
import { addMember, createUser, signIn } from '../../../test/support/factories.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { PrismaService } from '../database/prisma.service.js';
import { SystemGateway } from './system.gateway.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const IDLE_MINUTES = 30;

describe('open sockets end with their session: idle and absolute timeouts, activity over the socket counts', () => {
  let t: TestApp;
  let prisma: PrismaService;
  const sockets: Client[] = [];

  /** A signed-in person with one session and one connected socket. */
  const connected = async () => {
    const user = await createUser(prisma);
    await addMember(prisma, user.id, '14713');
    const client = await signIn(t, user.email);
    const socket: Client = io(t.url, { path: SOCKET_PATH, transports: ['websocket'], reconnection: false, extraHeaders: { cookie: client.cookie ?? '' } });
    sockets.push(socket);
    const welcome = await new Promise<{ authenticated: boolean }>((resolve) => socket.once('system:welcome', resolve));
    expect(welcome.authenticated).toBe(true);
    const session = await prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    return { socket, session };
  };
  const ping = (socket: Client) => new Promise<Ack<PongPayload>>((resolve) => socket.emit('system:ping', { sentAt: new Date().toISOString() }, resolve));
  const ago = (ms: number) => new Date(Date.now() - ms);

  beforeAll(async () => {
    t = await startTestApp({ SESSION_IDLE_MINUTES: String(IDLE_MINUTES) }, { directory: true });
    prisma = t.app.get(PrismaService);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  it('a session past its absolute or idle timeout disconnects its sockets and is deleted; a valid one stays', async () => {
    const absolute = await connected();
    const idle = await connected();
    const valid = await connected();
    await prisma.session.update({ where: { id: absolute.session.id }, data: { expiresAt: ago(1000) } });
    await prisma.session.update({ where: { id: idle.session.id }, data: { lastSeenAt: ago(IDLE_MINUTES * 60_000 + 1000) } });
    const ended = [absolute, idle].map(({ socket }) => new Promise<string>((resolve) => socket.once('disconnect', resolve)));

    await t.app.get(SystemGateway).checkSessions();
    expect(await Promise.all(ended)).toEqual(['io server disconnect', 'io server disconnect']);
    expect(await prisma.session.count({ where: { id: { in: [absolute.session.id, idle.session.id] } } })).toBe(0);
    expect(valid.socket.connected).toBe(true);
    expect((await ping(valid.socket)).ok).toBe(true);
  });

  it('a person active only over the socket keeps the session: the check counts it as use', async () => {
    const { socket, session } = await connected();
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: ago((IDLE_MINUTES - 1) * 60_000) } });
    const gateway = t.app.get(SystemGateway);
    await gateway.checkSessions();
    // A ping is sent by the tab itself and does not count; leaving a room is something the person did.
    expect((await ping(socket)).ok).toBe(true);
    await gateway.checkSessions();
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).lastSeenAt.getTime()).toBeLessThan(Date.now() - 60_000);
    await new Promise((resolve) => socket.emit('room:leave', { room: `group:${session.id.slice(0, 8)}-0000-0000-0000-000000000000` as RoomName }, resolve));
    await gateway.checkSessions();
    const touched = await prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(Date.now() - touched.lastSeenAt.getTime()).toBeLessThan(10_000);
    expect(socket.connected).toBe(true);
  });
});
