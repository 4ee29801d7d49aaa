import { type Ack, type ClientToServerEvents, type PresencePayload, type RoomName, type ServerToClientEvents, SOCKET_PATH } from '@verbund/shared';
import { io, type Socket } from 'socket.io-client';
import { addMember, createGroup, createUser, signIn } from '../../../test/support/factories.js';
import { startTestApp, type TestApp, type TestClient } from '../../../test/support/test-app.js';
import { PrismaService } from '../database/prisma.service.js';
import { RealtimeService } from './realtime.service.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('rooms: joined on request, when the owning domain agrees', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let member: TestClient;
  let outsider: TestClient;
  let memberId: string;
  let room: RoomName;
  const sockets: Client[] = [];

  /** A socket that is not yet connected: what it sends first is buffered and goes out right after the handshake. */
  const open = (cookie?: string): Client => {
    const socket: Client = io(t.url, { path: SOCKET_PATH, transports: ['websocket'], reconnection: false, extraHeaders: cookie ? { cookie } : {} });
    sockets.push(socket);
    return socket;
  };
  const join = (socket: Client, name: string) => new Promise<Ack<PresencePayload>>((resolve) => socket.emit('room:join', { room: name as RoomName }, resolve));

  beforeAll(async () => {
    t = await startTestApp({}, { directory: true });
    prisma = t.app.get(PrismaService);
    const m = await createUser(prisma);
    const o = await createUser(prisma);
    memberId = m.id;
    await addMember(prisma, m.id, '14729');
    await addMember(prisma, o.id, '14713');
    const group = await createGroup(prisma, 'Ehrenamt vernetzen', m.id);
    room = `group:${group.id}`;
    member = await signIn(t, m.email);
    outsider = await signIn(t, o.email);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  it('authorises a message sent immediately after connecting (the handshake is checked before any handler)', async () => {
    const reply = await join(open(member.cookie), room);
    expect(reply).toEqual({ ok: true, data: { room, userIds: [memberId] } });
  });

  it('counts a person with two tabs once', async () => {
    const reply = await join(open(member.cookie), room);
    expect(reply).toEqual({ ok: true, data: { room, userIds: [memberId] } });
  });

  it('refuses outsiders, guests and rooms that do not exist, with stable codes', async () => {
    expect(await join(open(outsider.cookie), room)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await join(open(), room)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await join(open(member.cookie), 'group:kein-raum')).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(await join(open(member.cookie), 'user:' + memberId)).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    // Rounds and concepts have no authoriser yet: nobody gets in.
    expect(await join(open(member.cookie), room.replace('group', 'round'))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('a person who leaves the group leaves its room on every socket', async () => {
    const socket = open(member.cookie);
    expect(await join(socket, room)).toMatchObject({ ok: true });
    const heard: PresencePayload[] = [];
    socket.on('room:presence', (p) => heard.push(p));
    const realtime = t.app.get(RealtimeService);
    // While a member, events to the room arrive (after their commit: here the Prisma client's own).
    await realtime.emitAfterCommit(prisma, room, 'room:presence', { room, userIds: ['before'] });
    await new Promise((r) => setTimeout(r, 300));
    expect(heard.some((p) => p.userIds.includes('before'))).toBe(true);
    const other = await createUser(prisma);
    await addMember(prisma, other.id, '14729');
    await prisma.groupMember.create({ data: { groupId: room.slice(6), userId: other.id, role: 'MODERATOR', status: 'ACTIVE' } });
    expect((await member.graphql(`mutation { leaveGroup(id: "${room.slice(6)}") }`)).errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 200));
    await realtime.emitAfterCommit(prisma, room, 'room:presence', { room, userIds: ['probe'] });
    await new Promise((r) => setTimeout(r, 500));
    expect(heard.filter((p) => p.userIds.includes('probe'))).toEqual([]);
  });

  it('listens again after the database dropped its connection, and events arrive again', async () => {
    const socket = open(member.cookie);
    const groupId = (await createGroup(prisma, 'Wiederverbindung', memberId)).id;
    const target: RoomName = `group:${groupId}`;
    expect(await join(socket, target)).toMatchObject({ ok: true });
    const heard: string[] = [];
    socket.on('room:presence', (p) => heard.push(...p.userIds));
    const killed = await prisma.$queryRaw<
      { ok: boolean }[]
    >`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = 'verbund-realtime' AND datname = current_database()`;
    expect(killed).toEqual([{ ok: true }]);
    const realtime = t.app.get(RealtimeService);
    const deadline = Date.now() + 5000;
    while (!heard.includes('again') && Date.now() < deadline) {
      await realtime.emitAfterCommit(prisma, target, 'room:presence', { room: target, userIds: ['again'] });
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(heard).toContain('again');
  });
});
