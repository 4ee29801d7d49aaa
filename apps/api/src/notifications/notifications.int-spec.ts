import { type ClientToServerEvents, type NotificationPayload, type ServerToClientEvents, SOCKET_PATH } from '@verbund/shared';
import { io, type Socket } from 'socket.io-client';
import { addMember, createGroup, createUser, signIn } from '../../test/support/factories.js';
import { startTestApp, type TestApp, type TestClient } from '../../test/support/test-app.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { NotificationMailer } from './notification-mailer.js';
import { NotificationsService } from './notifications.service.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const REPLY = 'mutation ($i: ReplyInput!) { replyToThread(input: $i) { id } }';
const LIST = '{ notifications(first: 10) { totalCount nodes { id kind text link readAt } pageInfo { hasNextPage } } unreadNotificationCount }';

interface Listed {
  notifications: { totalCount: number; nodes: { id: string; kind: string; text: string; link: string; readAt: string | null }[] };
  unreadNotificationCount: number;
}

async function connect(t: TestApp, cookie: string): Promise<{ socket: Client; received: NotificationPayload[] }> {
  const socket: Client = io(t.url, { path: SOCKET_PATH, transports: ['websocket'], reconnection: false, extraHeaders: { cookie } });
  const received: NotificationPayload[] = [];
  socket.on('notification:new', (n) => received.push(n));
  await new Promise<void>((resolve, reject) => {
    socket.once('system:welcome', () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, received };
}

const waitFor = async <T>(find: () => T | undefined, ms: number): Promise<T | undefined> => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  return find();
};

describe('notifications', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let author: TestClient;
  let reader: TestClient;
  let readerId: string;
  let threadId: string;
  let groupId: string;
  const sockets: Client[] = [];

  beforeAll(async () => {
    t = await startTestApp({}, { directory: true });
    prisma = t.app.get(PrismaService);
    const a = await createUser(prisma, { name: 'Anna Autorin' });
    const r = await createUser(prisma, { name: 'Rafael Leser' });
    readerId = r.id;
    await addMember(prisma, a.id, '14713');
    await addMember(prisma, r.id, '14730');
    const group = await createGroup(prisma, 'Sprachmittlung Nordsachsen', a.id, [r.id]);
    groupId = group.id;
    threadId = (await prisma.thread.create({ data: { groupId, title: 'Dolmetscherpool', authorId: a.id } })).id;
    author = await signIn(t, a.email);
    reader = await signIn(t, r.email);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  it('a mention reaches the bell live within a second, in German, with a link to the post', async () => {
    const { socket, received } = await connect(t, reader.cookie!);
    sockets.push(socket);
    expect((await author.graphql(REPLY, { i: { threadId, body: 'Können Sie übernehmen, @Rafael Leser?' } })).errors).toBeUndefined();
    // Within a second of the answer.
    const live = await waitFor(() => received[0], 1000);
    expect(live).toBeDefined();
    expect(live).toMatchObject({
      kind: 'MENTION',
      text: 'Anna Autorin hat Sie in der Diskussion „Dolmetscherpool“ der Arbeitsgruppe „Sprachmittlung Nordsachsen“ erwähnt.',
      unreadCount: 1,
    });
    const post = await prisma.post.findFirstOrThrow({ where: { threadId }, orderBy: { createdAt: 'desc' } });
    expect(live!.link).toBe(`/arbeitsgruppen/${groupId}?diskussion=${threadId}#beitrag-${post.id}`);
    const listed = await reader.graphql<Listed>(LIST);
    expect(listed.data!.unreadNotificationCount).toBe(1);
    expect(listed.data!.notifications.nodes.map((n) => n.id)).toEqual([live!.id]);
    // The author is told nothing about her own post.
    expect((await author.graphql<Listed>(LIST)).data!.notifications.totalCount).toBe(0);
  });

  it('nothing is written or sent when the action rolls back', async () => {
    const { socket, received } = await connect(t, reader.cookie!);
    sockets.push(socket);
    const before = await prisma.notification.count();
    const service = t.app.get(NotificationsService);
    await expect(
      prisma.$transaction(async (tx) => {
        await service.notify(tx, { recipients: [readerId], kind: 'GROUP_INVITATION', subjectType: 'group', subjectId: groupId, payload: { groupId } });
        throw new Error('the action failed after notifying');
      }),
    ).rejects.toThrow('the action failed');
    await new Promise((r) => setTimeout(r, 1000));
    expect(received).toEqual([]);
    expect(await prisma.notification.count()).toBe(before);
  });

  it('speaks the person’s language once they choose English', async () => {
    expect((await reader.graphql('mutation { setPreferredLanguage(language: en) }')).errors).toBeUndefined();
    const listed = await reader.graphql<Listed>(LIST);
    expect(listed.data!.notifications.nodes[0]!.text).toBe(
      'Anna Autorin mentioned you in the discussion “Dolmetscherpool” of the working group “Sprachmittlung Nordsachsen”.',
    );
    await reader.graphql('mutation { setPreferredLanguage(language: de) }');
  });

  it('marks read: only one’s own, and all at once', async () => {
    const listed = (await reader.graphql<Listed>(LIST)).data!;
    // The author cannot mark the reader's notification read.
    expect(
      (await author.graphql('mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }', { ids: [listed.notifications.nodes[0]!.id] })).errors,
    ).toBeUndefined();
    expect((await reader.graphql<Listed>(LIST)).data!.unreadNotificationCount).toBe(1);
    const marked = await reader.graphql<{ markNotificationsRead: number }>('mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }', {
      ids: [listed.notifications.nodes[0]!.id],
    });
    expect(marked.data!.markNotificationsRead).toBe(0);
    await author.graphql(REPLY, { i: { threadId, body: '@Rafael Leser noch eine Frage' } });
    await author.graphql(REPLY, { i: { threadId, body: '@Rafael Leser und noch eine' } });
    expect((await reader.graphql<Listed>(LIST)).data!.unreadNotificationCount).toBe(2);
    expect((await reader.graphql<{ markAllNotificationsRead: number }>('mutation { markAllNotificationsRead }')).data!.markAllNotificationsRead).toBe(0);
  });

  it('follows the person’s choice per kind: off writes nothing, email mails once with a working unsubscribe link', async () => {
    await reader.graphql('mutation { setNotificationPreference(input: { kind: MENTION, channel: OFF }) { kind } }');
    const written = await prisma.notification.count({ where: { userId: readerId } });
    await author.graphql(REPLY, { i: { threadId, body: '@Rafael Leser hören Sie das?' } });
    expect(await prisma.notification.count({ where: { userId: readerId } })).toBe(written);

    await reader.graphql('mutation { setNotificationPreference(input: { kind: MENTION, channel: IN_APP }) { kind } }');
    const email = (await prisma.user.findUniqueOrThrow({ where: { id: readerId } })).email;
    const mailsTo = async () => (await t.outbox()).filter((m) => m.to === email);
    const before = (await mailsTo()).length;
    await author.graphql(REPLY, { i: { threadId, body: '@Rafael Leser nur hier' } });
    expect(await mailsTo()).toHaveLength(before);

    await reader.graphql('mutation { setNotificationPreference(input: { kind: MENTION, channel: EMAIL }) { kind } }');
    await author.graphql(REPLY, { i: { threadId, body: '@Rafael Leser bitte per Mail' } });
    const mails = await mailsTo();
    expect(mails).toHaveLength(before + 1);
    const mail = mails.at(-1)!;
    expect(mail.subject).toBe('Verbund: Sie wurden in einer Diskussion erwähnt');
    expect(mail.text).toContain('Anna Autorin hat Sie in der Diskussion');
    // A retried job finds it mailed and sends nothing more.
    const last = await prisma.notification.findFirstOrThrow({ where: { userId: readerId }, orderBy: { createdAt: 'desc' } });
    await t.app.get(NotificationMailer).mailOne(last.id);
    expect(await mailsTo()).toHaveLength(before + 1);

    const token = /abbestellen\?token=(\S+)/.exec(mail.text)![1]!;
    const forged = token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await t.client().graphql(`mutation { unsubscribeNotifications(token: "${forged}") }`)).errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    const done = await t.client().graphql<{ unsubscribeNotifications: string }>(`mutation { unsubscribeNotifications(token: "${token}") }`);
    expect(done.data).toEqual({ unsubscribeNotifications: 'MENTION' });
    const prefs = await reader.graphql<{ notificationPreferences: { kind: string; channel: string }[] }>('{ notificationPreferences { kind channel } }');
    expect(prefs.data!.notificationPreferences.find((p) => p.kind === 'MENTION')!.channel).toBe('IN_APP');
  });

  it('the daily digest sends each unread item not yet mailed once, in one mail, also after a missed run', async () => {
    await reader.graphql('mutation { setNotificationPreference(input: { kind: MENTION, channel: DIGEST }) { kind } }');
    await author.graphql(REPLY, { i: { threadId, body: '@Rafael Leser für den Überblick 1' } });
    // Written 30 hours ago: yesterday's run did not happen (a deployment at 07:00), today's takes it.
    const late = await prisma.notification.findFirstOrThrow({ where: { userId: readerId, channel: 'DIGEST' }, orderBy: { createdAt: 'desc' } });
    await prisma.notification.update({ where: { id: late.id }, data: { createdAt: new Date(Date.now() - 30 * 3_600_000) } });
    await author.graphql(REPLY, { i: { threadId, body: '@Rafael Leser für den Überblick 2' } });
    const email = (await prisma.user.findUniqueOrThrow({ where: { id: readerId } })).email;
    const before = (await t.outbox()).filter((m) => m.to === email).length;
    const mailer = t.app.get(NotificationMailer);
    expect(await mailer.sendDigests()).toBe(1);
    expect(await mailer.sendDigests()).toBe(0);
    const mails = (await t.outbox()).filter((m) => m.to === email);
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)!.subject).toBe('Verbund: 2 Neuigkeiten von gestern');
    expect(mails.at(-1)!.text.match(/hat Sie in der Diskussion/g)).toHaveLength(2);
  });

  it('moderators hear of a join request, and the person of the decision', async () => {
    const moderatorId = (await prisma.groupMember.findFirstOrThrow({ where: { groupId, role: 'MODERATOR' } })).userId;
    const asker = await createUser(prisma, { name: 'Jana Neu' });
    await addMember(prisma, asker.id, '14729');
    await prisma.workingGroup.update({ where: { id: groupId }, data: { access: 'ON_REQUEST' } });
    const client = await signIn(t, asker.email);
    expect((await client.graphql(`mutation { joinGroup(id: "${groupId}") { id } }`)).errors).toBeUndefined();
    const request = await prisma.notification.findFirstOrThrow({ where: { userId: moderatorId, kind: 'GROUP_JOIN_REQUEST' } });
    expect(request.payload).toEqual({ actorId: asker.id, groupId });
    await author.graphql(`mutation { decideGroupJoin(input: { groupId: "${groupId}", personId: "${asker.id}", approve: true }) { person { id } } }`);
    // Decided: the moderators' notification of the request is settled.
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: request.id } })).readAt).not.toBeNull();
    const decided = await client.graphql<Listed>(LIST);
    expect(decided.data!.notifications.nodes.map((n) => n.text)).toEqual(['Ihre Anfrage an „Sprachmittlung Nordsachsen“ wurde angenommen.']);
  });
});
