import { addMember, createGroup, createUser, signIn } from '../../test/support/factories.js';
import { eventually } from '../../test/support/eventually.js';
import { startTestApp, type TestApp, type TestClient } from '../../test/support/test-app.js';
import { PrismaService } from '../core/database/prisma.service.js';

const CREATE =
  'mutation ($i: CreateGroupInput!) { createGroup(input: $i) { id access viewerRole viewerStatus memberCount region { kind kreis { ags } landCodes laender { name } } } }';
const GROUP =
  'query ($id: ID!) { group(id: $id) { id name viewerStatus viewerRole memberCount members { person { id name } role status organizations { municipality { ags } } } } }';
const LIST = '{ groups(first: 50) { totalCount nodes { id name } } }';
const JOIN = 'mutation ($id: ID!) { joinGroup(id: $id) { id viewerStatus } }';
const LEAVE = 'mutation ($id: ID!) { leaveGroup(id: $id) }';
const DECIDE = 'mutation ($i: DecideGroupJoinInput!) { decideGroupJoin(input: $i) { person { name } status } }';
const INVITE = 'mutation ($i: InviteToGroupInput!) { inviteToGroup(input: $i) { invited skipped } }';
const SET_ROLE = 'mutation ($i: SetGroupRoleInput!) { setGroupRole(input: $i) { person { name } role } }';
const REMOVE = 'mutation ($i: GroupMemberInput!) { removeGroupMember(input: $i) { person { name } } }';
const START = 'mutation ($i: StartThreadInput!) { startThread(input: $i) { id posts { html author { name } } } }';
const REPLY = 'mutation ($i: ReplyInput!) { replyToThread(input: $i) { posts { html } } }';
const THREADS = 'query ($id: ID!, $first: Int, $offset: Int) { groupThreads(groupId: $id, first: $first, offset: $offset) { totalCount nodes { title } } }';
const SUGGEST = 'query ($ags: String) { groupSuggestions(municipalityAgs: $ags) { group { id name } reasons via { ags } } }';

const code = (res: { errors?: { extensions: { code: string } }[] }) => res.errors?.[0]?.extensions.code ?? 'OK';
const input = (over: Record<string, unknown> = {}) => ({
  name: 'AG Sprachmittlung Region Leipzig',
  description: 'Dolmetscherpools gemeinsam aufbauen.',
  topics: ['SPRACHE'],
  access: 'OPEN',
  region: { kind: 'KREIS', kreisAgs: '14713' },
  ...over,
});

describe('working groups', () => {
  let t: TestApp;
  let prisma: PrismaService;
  const ids: Record<string, string> = {};
  const as = {} as Record<'stadt' | 'kreis' | 'kreis2' | 'dresden' | 'unconfirmed' | 'guest', TestClient>;

  beforeAll(async () => {
    t = await startTestApp({}, { directory: true });
    prisma = new PrismaService(t.db.url);
    const people = {
      stadt: await createUser(prisma, { name: 'Sina Stadt' }),
      kreis: await createUser(prisma, { name: 'Kai Kreis' }),
      kreis2: await createUser(prisma, { name: 'Kora Kreis' }),
      dresden: await createUser(prisma, { name: 'Dora Dresden' }),
      unconfirmed: await createUser(prisma, { name: 'Uwe Unbestätigt' }),
    };
    await addMember(prisma, people.stadt.id, '14713');
    await addMember(prisma, people.kreis.id, '14729');
    await addMember(prisma, people.kreis2.id, '14729');
    await addMember(prisma, people.dresden.id, '14612');
    await prisma.membership.updateMany({ where: { userId: people.kreis.id }, data: { topics: ['WOHNEN'] } });
    for (const [key, user] of Object.entries(people)) {
      ids[key] = user.id;
      as[key as keyof typeof people] = await signIn(t, user.email);
    }
    as.guest = t.client();
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await t.close();
  });

  it('a confirmed member creates a group and moderates it; the region is resolved', async () => {
    const res = await as.stadt.graphql<{ createGroup: Record<string, unknown> & { id: string } }>(CREATE, { i: input() });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createGroup).toMatchObject({
      access: 'OPEN',
      viewerRole: 'MODERATOR',
      viewerStatus: 'ACTIVE',
      memberCount: 1,
      region: { kind: 'KREIS', kreis: { ags: '14713' }, landCodes: ['14'] },
    });
    ids.open = res.data!.createGroup.id;
    const laender = await as.stadt.graphql<{ createGroup: { region: { laender: { name: string }[] } } }>(CREATE, {
      i: input({ name: 'Mitteldeutsche Runde', region: { kind: 'LAENDER', landCodes: ['15', '14', '16'] } }),
    });
    expect(laender.data!.createGroup.region.laender.map((l) => l.name)).toEqual(['Sachsen', 'Sachsen-Anhalt', 'Thüringen']);
  });

  it.each([
    [{ name: 'X' }, 'BAD_USER_INPUT'],
    [{ topics: [] }, 'BAD_USER_INPUT'],
    [{ topics: ['Sprache'] }, 'BAD_USER_INPUT'],
    [{ region: { kind: 'KREIS', kreisAgs: '14713010' } }, 'BAD_USER_INPUT'],
    [{ region: { kind: 'KREIS' } }, 'BAD_USER_INPUT'],
    [{ region: { kind: 'LAND', landCodes: ['14', '15'] } }, 'BAD_USER_INPUT'],
    [{ region: { kind: 'LAND', landCodes: ['17'] } }, 'BAD_USER_INPUT'],
    [{ region: { kind: 'LAENDER', landCodes: ['14'] } }, 'BAD_USER_INPUT'],
  ])('createGroup with %j is %s', async (over, expected) => {
    expect(code(await as.stadt.graphql(CREATE, { i: input(over) }))).toBe(expected);
  });

  it('only confirmed members create or join groups', async () => {
    expect(code(await as.unconfirmed.graphql(CREATE, { i: input() }))).toBe('FORBIDDEN');
    expect(code(await as.unconfirmed.graphql(JOIN, { id: ids.open }))).toBe('FORBIDDEN');
    expect(code(await as.unconfirmed.graphql(LIST))).toBe('FORBIDDEN');
    expect(code(await as.unconfirmed.graphql(GROUP, { id: ids.open }))).toBe('FORBIDDEN');
    expect(code(await as.guest.graphql(LIST))).toBe('UNAUTHENTICATED');
  });

  it('open: any confirmed member joins at once, and leaves', async () => {
    const joined = await as.dresden.graphql<{ joinGroup: { viewerStatus: string } }>(JOIN, { id: ids.open });
    expect(joined.data!.joinGroup.viewerStatus).toBe('ACTIVE');
    expect(code(await as.dresden.graphql(JOIN, { id: ids.open }))).toBe('CONFLICT');
    expect((await as.dresden.graphql(LEAVE, { id: ids.open })).data).toEqual({ leaveGroup: true });
    expect(code(await as.dresden.graphql(LEAVE, { id: ids.open }))).toBe('NOT_FOUND');
  });

  it('on request: the moderator approves, once; others cannot decide; a declined person may ask again', async () => {
    const created = await as.stadt.graphql<{ createGroup: { id: string } }>(CREATE, {
      i: input({ name: 'AG Wohnen Leipzig', access: 'ON_REQUEST', topics: ['WOHNEN'] }),
    });
    ids.request = created.data!.createGroup.id;
    const asked = await as.kreis.graphql<{ joinGroup: { viewerStatus: string } }>(JOIN, { id: ids.request });
    expect(asked.data!.joinGroup.viewerStatus).toBe('REQUESTED');
    await as.dresden.graphql(JOIN, { id: ids.request });

    const seenByMember = await as.kreis.graphql<{ group: { members: { status: string }[] } }>(GROUP, { id: ids.request });
    expect(seenByMember.data!.group.members.map((m) => m.status)).toEqual(['ACTIVE']);
    const seenByModerator = await as.stadt.graphql<{ group: { members: { person: { name: string }; status: string }[] } }>(GROUP, { id: ids.request });
    expect(seenByModerator.data!.group.members.map((m) => `${m.person.name}:${m.status}`).sort()).toEqual([
      'Dora Dresden:REQUESTED',
      'Kai Kreis:REQUESTED',
      'Sina Stadt:ACTIVE',
    ]);

    expect(code(await as.kreis2.graphql(DECIDE, { i: { groupId: ids.request, personId: ids.kreis, approve: true } }))).toBe('FORBIDDEN');
    const approved = await as.stadt.graphql<{ decideGroupJoin: { person: { name: string }; status: string }[] }>(DECIDE, {
      i: { groupId: ids.request, personId: ids.kreis, approve: true },
    });
    expect(approved.data!.decideGroupJoin.find((m) => m.person.name === 'Kai Kreis')!.status).toBe('ACTIVE');
    expect(code(await as.stadt.graphql(DECIDE, { i: { groupId: ids.request, personId: ids.kreis, approve: false } }))).toBe('CONFLICT');
    await as.stadt.graphql(DECIDE, { i: { groupId: ids.request, personId: ids.dresden, approve: false } });
    const again = await as.dresden.graphql<{ joinGroup: { viewerStatus: string } }>(JOIN, { id: ids.request });
    expect(again.data!.joinGroup.viewerStatus).toBe('REQUESTED');
  });

  it('asking to join, withdrawing and asking again in a loop tells the moderators at most three times a day', async () => {
    const created = await as.stadt.graphql<{ createGroup: { id: string } }>(CREATE, { i: input({ name: 'AG Anfragen im Kreis', access: 'ON_REQUEST' }) });
    const groupId = created.data!.createGroup.id;
    for (let i = 0; i < 3; i++) {
      expect((await as.kreis2.graphql<{ joinGroup: { viewerStatus: string } }>(JOIN, { id: groupId })).data!.joinGroup.viewerStatus).toBe('REQUESTED');
      expect((await as.kreis2.graphql(LEAVE, { id: groupId })).data).toEqual({ leaveGroup: true });
    }
    const fourth = await as.kreis2.graphql(JOIN, { id: groupId });
    expect(code(fourth)).toBe('TOO_MANY_REQUESTS');
    expect(fourth.errors![0]!.message).toMatch(/^Zu viele Beitrittsanfragen\. Bitte warten Sie (23|24) Stunden\.$/);
    expect(await prisma.notification.count({ where: { userId: ids.stadt, kind: 'GROUP_JOIN_REQUEST', subjectId: groupId } })).toBe(3);
    expect(await prisma.groupMember.count({ where: { groupId, userId: ids.kreis2 } })).toBe(0);
    // Refused attempts use up nothing of the day's total.
    for (let i = 0; i < 3; i++) expect(code(await as.kreis2.graphql(JOIN, { id: groupId }))).toBe('TOO_MANY_REQUESTS');
    expect((await prisma.loginThrottle.findUniqueOrThrow({ where: { key: `group-request:${ids.kreis2}` } })).failures).toBe(3);
    // Open groups are joined without asking anyone: no limit.
    const open = await as.stadt.graphql<{ createGroup: { id: string } }>(CREATE, { i: input({ name: 'AG Offen im Kreis', access: 'OPEN' }) });
    for (let i = 0; i < 4; i++) {
      expect((await as.kreis2.graphql<{ joinGroup: { viewerStatus: string } }>(JOIN, { id: open.data!.createGroup.id })).data!.joinGroup.viewerStatus).toBe(
        'ACTIVE',
      );
      await as.kreis2.graphql(LEAVE, { id: open.data!.createGroup.id });
    }
  });

  it('closed: invisible to outsiders (list, page, join), visible and joinable after an invitation', async () => {
    const created = await as.stadt.graphql<{ createGroup: { id: string } }>(CREATE, { i: input({ name: 'Vertrauliche Fallkonferenz', access: 'CLOSED' }) });
    ids.closed = created.data!.createGroup.id;
    const names = async (c: TestClient) => (await c.graphql<{ groups: { nodes: { name: string }[] } }>(LIST)).data!.groups.nodes.map((g) => g.name);
    expect(await names(as.stadt)).toContain('Vertrauliche Fallkonferenz');
    expect(await names(as.kreis2)).not.toContain('Vertrauliche Fallkonferenz');
    expect(code(await as.kreis2.graphql(GROUP, { id: ids.closed }))).toBe('NOT_FOUND');
    expect(code(await as.kreis2.graphql(JOIN, { id: ids.closed }))).toBe('NOT_FOUND');
    expect(code(await as.kreis2.graphql(INVITE, { i: { groupId: ids.closed, personId: ids.kreis2 } }))).toBe('NOT_FOUND');

    const invited = await as.stadt.graphql(INVITE, { i: { groupId: ids.closed, personId: ids.kreis2 } });
    expect(invited.data).toEqual({ inviteToGroup: { invited: 1, skipped: 0 } });
    expect(await names(as.kreis2)).toContain('Vertrauliche Fallkonferenz');
    const accepted = await as.kreis2.graphql<{ joinGroup: { viewerStatus: string } }>(JOIN, { id: ids.closed });
    expect(accepted.data!.joinGroup.viewerStatus).toBe('ACTIVE');
  });

  it('invites every confirmed member of a municipality, skipping those already in', async () => {
    const res = await as.stadt.graphql(INVITE, { i: { groupId: ids.closed, municipalityAgs: '14729' } });
    expect(res.data).toEqual({ inviteToGroup: { invited: 1, skipped: 1 } });
    expect(code(await as.stadt.graphql(INVITE, { i: { groupId: ids.closed } }))).toBe('BAD_USER_INPUT');
    expect(code(await as.stadt.graphql(INVITE, { i: { groupId: ids.closed, personId: ids.unconfirmed } }))).toBe('NOT_FOUND');
    expect(code(await as.stadt.graphql(INVITE, { i: { groupId: ids.closed, personId: ids.kreis, municipalityAgs: '14729' } }))).toBe('BAD_USER_INPUT');
    const dresdenEmail = (await prisma.user.findUniqueOrThrow({ where: { id: ids.dresden } })).email;
    expect((await as.stadt.graphql(INVITE, { i: { groupId: ids.closed, email: dresdenEmail.toUpperCase() } })).data).toEqual({
      inviteToGroup: { invited: 1, skipped: 0 },
    });
    const unconfirmedEmail = (await prisma.user.findUniqueOrThrow({ where: { id: ids.unconfirmed } })).email;
    expect((await as.stadt.graphql(INVITE, { i: { groupId: ids.closed, email: unconfirmedEmail } })).data).toEqual({
      inviteToGroup: { invited: 1, skipped: 0 },
    });
    // Declining an invitation is leaving; an invitation withdrawn (removed) cannot be accepted any more.
    expect((await as.kreis.graphql(LEAVE, { id: ids.closed })).data).toEqual({ leaveGroup: true });
    expect(code(await as.kreis.graphql(JOIN, { id: ids.closed }))).toBe('NOT_FOUND');
    await as.stadt.graphql(INVITE, { i: { groupId: ids.closed, personId: ids.kreis } });
    await as.stadt.graphql(REMOVE, { i: { groupId: ids.closed, personId: ids.kreis } });
    expect(code(await as.kreis.graphql(JOIN, { id: ids.closed }))).toBe('NOT_FOUND');
  });

  describe('invitations reveal nothing the inviter could not already see', () => {
    const PENDING = 'query ($id: ID!) { group(id: $id) { pendingInvitations members { person { id name } status organizations { name } } } }';
    type Pending = {
      group: { pendingInvitations: number | null; members: { person: { id: string; name: string }; status: string; organizations: { name: string }[] }[] };
    };
    const newGroup = async (client: TestClient, name: string) =>
      (await client.graphql<{ createGroup: { id: string } }>(CREATE, { i: input({ name, access: 'CLOSED' }) })).data!.createGroup.id;

    it('inviting another municipality shows the moderator a count, not its staff, until someone accepts', async () => {
      const groupId = await newGroup(as.dresden, 'Dresdner Runde mit Nachbarn');
      const res = await as.dresden.graphql(INVITE, { i: { groupId, municipalityAgs: '14729' } });
      expect(res.data).toEqual({ inviteToGroup: { invited: 2, skipped: 0 } });
      const before = await as.dresden.graphql<Pending>(PENDING, { id: groupId });
      expect(before.data!.group.members.map((m) => m.person.name)).toEqual(['Dora Dresden']);
      expect(JSON.stringify(before.data)).not.toMatch(/Kai Kreis|Kora Kreis|Landkreis Leipzig/);
      expect(before.data!.group.pendingInvitations).toBe(2);
      // Removing needs a person the moderator cannot name: the invited stay invited.
      expect(code(await as.dresden.graphql(REMOVE, { i: { groupId, personId: '00000000-0000-4000-8000-000000000000' } }))).toBe('NOT_FOUND');
      // The invited see the invitation and may accept it.
      const kora = await as.kreis2.graphql<Pending>(PENDING, { id: groupId });
      expect(kora.data!.group.pendingInvitations).toBeNull();
      expect((await as.kreis2.graphql<{ joinGroup: { viewerStatus: string } }>(JOIN, { id: groupId })).data!.joinGroup.viewerStatus).toBe('ACTIVE');
      const after = await as.dresden.graphql<Pending>(PENDING, { id: groupId });
      expect(after.data!.group.members.map((m) => m.person.name).sort()).toEqual(['Dora Dresden', 'Kora Kreis']);
      expect(after.data!.group.pendingInvitations).toBe(1);
    });

    it('inviting by email answers and mails the same for registered and unknown addresses', async () => {
      const groupId = await newGroup(as.dresden, 'Dresdner Runde per Mail');
      const known = (await prisma.user.findUniqueOrThrow({ where: { id: ids.stadt } })).email;
      const unknown = `neu-${Date.now()}@verbund.example`;
      const a = await as.dresden.graphql(INVITE, { i: { groupId, email: known } });
      const b = await as.dresden.graphql(INVITE, { i: { groupId, email: unknown } });
      expect(a).toEqual({ ...b, headers: a.headers });
      expect(a.data).toEqual({ inviteToGroup: { invited: 1, skipped: 0 } });
      const again = await as.dresden.graphql(INVITE, { i: { groupId, email: known } });
      expect(again.data).toEqual(a.data);
      expect((await t.outbox()).filter((m) => m.to === known && /Einladung/.test(m.subject))).toHaveLength(2);
      const invitation = (await t.outbox()).find((m) => m.to === unknown)!;
      expect(invitation.text).toContain('/registrieren');
      const seen = await as.dresden.graphql<Pending>(PENDING, { id: groupId });
      expect(seen.data!.group.members.map((m) => m.person.name)).toEqual(['Dora Dresden']);
      expect(seen.data!.group.pendingInvitations).toBe(2);
      // The unknown address registers and confirms it: the invitation is there.
      await t
        .client()
        .graphql('mutation ($i: RegisterInput!) { register(input: $i) }', { i: { name: 'Nora Neu', email: unknown, password: 'Ein-Gutes-Passwort-9' } });
      const confirm = (await t.outbox()).find((m) => m.to === unknown && /bestätigen/.test(m.subject))!;
      const token = /token=([\w-]+)/.exec(confirm.text)![1];
      expect((await t.client().graphql('mutation ($t: String!) { verifyEmail(token: $t) }', { t: token })).errors).toBeUndefined();
      const nora = await prisma.user.findUniqueOrThrow({ where: { email: unknown } });
      expect(await prisma.groupMember.findUnique({ where: { groupId_userId: { groupId, userId: nora.id } } })).toMatchObject({
        status: 'INVITED',
        invitedVia: 'EMAIL',
      });
      expect(await prisma.groupEmailInvitation.count({ where: { email: unknown } })).toBe(0);
      expect((await as.dresden.graphql<Pending>(PENDING, { id: groupId })).data!.group.pendingInvitations).toBe(2);
    });

    it('an answer does not tell whom an address or a municipality reached; only moderators use up an address, and a group name goes only to members', async () => {
      const groupId = await newGroup(as.dresden, 'Dresdner Runde ohne Spuren');
      const stadtEmail = (await prisma.user.findUniqueOrThrow({ where: { id: ids.stadt } })).email;
      await as.dresden.graphql(INVITE, { i: { groupId, email: stadtEmail } });
      // Inviting the person behind the address answers as for anyone not invited before, and so does her municipality.
      const byPerson = await as.dresden.graphql(INVITE, { i: { groupId, personId: ids.stadt } });
      expect(byPerson.data).toEqual({ inviteToGroup: { invited: 1, skipped: 0 } });
      const other = await newGroup(as.dresden, 'Dresdner Runde mit Adresse');
      await as.dresden.graphql(INVITE, { i: { groupId: other, email: stadtEmail } });
      const fresh = await newGroup(as.dresden, 'Dresdner Runde ohne Adresse');
      const [reached, unreached] = [
        await as.dresden.graphql(INVITE, { i: { groupId: other, municipalityAgs: '14713' } }),
        await as.dresden.graphql(INVITE, { i: { groupId: fresh, municipalityAgs: '14713' } }),
      ];
      expect(reached.data).toEqual(unreached.data);

      // Someone who moderates nothing there cannot use up an address's invitations.
      const open = (await as.stadt.graphql<{ createGroup: { id: string } }>(CREATE, { i: input({ name: 'Offene Runde Stadt', access: 'OPEN' }) })).data!
        .createGroup.id;
      const target = `ziel-${Date.now()}@verbund.example`;
      for (let i = 0; i < 4; i++) expect(code(await as.kreis.graphql(INVITE, { i: { groupId: open, email: target } }))).toBe('FORBIDDEN');
      expect(code(await as.stadt.graphql(INVITE, { i: { groupId: open, email: target } }))).toBe('OK');

      // A confirmed address without a membership gets the invitation without the group's name (chosen by people).
      const account = await createUser(prisma, { name: 'Ohne Mitgliedschaft' });
      await as.stadt.graphql(INVITE, { i: { groupId: open, email: account.email } });
      const mail = (await t.outbox()).find((m) => m.to === account.email && /Einladung/.test(m.subject))!;
      expect(mail.text).not.toContain('Offene Runde Stadt');
    });
  });

  it('the last moderator hands over before leaving; removal and roles are for moderators', async () => {
    expect(code(await as.stadt.graphql(LEAVE, { id: ids.request }))).toBe('CONFLICT');
    expect(code(await as.stadt.graphql(SET_ROLE, { i: { groupId: ids.request, personId: ids.stadt, role: 'MEMBER' } }))).toBe('CONFLICT');
    expect(code(await as.kreis.graphql(SET_ROLE, { i: { groupId: ids.request, personId: ids.kreis, role: 'MODERATOR' } }))).toBe('FORBIDDEN');
    const handed = await as.stadt.graphql<{ setGroupRole: { person: { name: string }; role: string }[] }>(SET_ROLE, {
      i: { groupId: ids.request, personId: ids.kreis, role: 'MODERATOR' },
    });
    expect(handed.data!.setGroupRole.find((m) => m.person.name === 'Kai Kreis')!.role).toBe('MODERATOR');
    expect((await as.stadt.graphql(LEAVE, { id: ids.request })).data).toEqual({ leaveGroup: true });
    expect(code(await as.kreis.graphql(REMOVE, { i: { groupId: ids.request, personId: ids.kreis } }))).toBe('CONFLICT');
    await as.kreis.graphql(DECIDE, { i: { groupId: ids.request, personId: ids.dresden, approve: true } });
    const removed = await as.kreis.graphql<{ removeGroupMember: { person: { name: string } }[] }>(REMOVE, {
      i: { groupId: ids.request, personId: ids.dresden },
    });
    expect(removed.data!.removeGroupMember.map((m) => m.person.name)).toEqual(['Kai Kreis']);
  });

  it('a moderator without a confirmed membership cannot act, so the last one who can may not step down or leave', async () => {
    const loose = await createUser(prisma, { name: 'Lose Moderatorin' });
    const group = await createGroup(prisma, 'AG Übergabe', ids.stadt!);
    await prisma.groupMember.create({ data: { groupId: group.id, userId: loose.id, role: 'MODERATOR', status: 'ACTIVE', joinedAt: new Date() } });
    expect(code(await as.stadt.graphql(LEAVE, { id: group.id }))).toBe('CONFLICT');
    expect(code(await as.stadt.graphql(SET_ROLE, { i: { groupId: group.id, personId: ids.stadt, role: 'MEMBER' } }))).toBe('CONFLICT');
  });

  it('a moderator who leaves their last organisation hands the group to the longest-standing confirmed member', async () => {
    const [moderator, member] = [await createUser(prisma, { name: 'Mona Moderation' }), await createUser(prisma, { name: 'Max Mitglied' })];
    const membership = await addMember(prisma, moderator.id, '14713');
    await addMember(prisma, member.id, '14729');
    const group = await createGroup(prisma, 'AG Weitergabe', moderator.id, [member.id]);
    const client = await signIn(t, moderator.email);
    expect(code(await client.graphql(`mutation { endMembership(input: { membershipId: "${membership.id}" }) }`))).toBe('OK');
    const role = async () => (await prisma.groupMember.findUnique({ where: { groupId_userId: { groupId: group.id, userId: member.id } } }))?.role;
    await eventually(async () => (await role()) === 'MODERATOR', 'the group handed over', 10_000);
  });

  it('discussions: members only; Markdown sanitised on the server; mentions of members marked', async () => {
    expect(code(await as.kreis2.graphql(START, { i: { groupId: ids.open, title: 'Auftakt', body: 'Hallo' } }))).toBe('FORBIDDEN');
    await as.kreis.graphql(JOIN, { id: ids.open });
    const started = await as.stadt.graphql<{ startThread: { id: string; posts: { html: string }[] } }>(START, {
      i: {
        groupId: ids.open,
        title: 'Auftakt',
        body: 'Hallo @Kai Kreis, siehe [Plan](javascript:alert(1)) <script>alert(1)</script><img src=x onerror="alert(2)"> und **fett**',
      },
    });
    expect(started.errors).toBeUndefined();
    const html = started.data!.startThread.posts[0]!.html;
    expect(html).toContain('<span class="mention" data-user-id="' + ids.kreis + '">@Kai Kreis</span>');
    expect(html).toContain('<strong>fett</strong>');
    expect(html).not.toMatch(/script|javascript:|onerror|<img/i);
    const mention = await prisma.postMention.findMany({ where: { userId: ids.kreis } });
    expect(mention).toHaveLength(1);

    const replied = await as.kreis.graphql<{ replyToThread: { posts: { html: string }[] } }>(REPLY, {
      i: { threadId: started.data!.startThread.id, body: '<a href="javascript:alert(1)">Klick</a> [ok](https://www.leipzig.de)' },
    });
    expect(replied.data!.replyToThread.posts[1]!.html).toBe(
      '<p><a rel="noopener noreferrer nofollow">Klick</a> <a href="https://www.leipzig.de" rel="noopener noreferrer nofollow">ok</a></p>\n',
    );
    expect(code(await as.kreis2.graphql('query ($id: ID!) { thread(id: $id) { id } }', { id: started.data!.startThread.id }))).toBe('NOT_FOUND');
    expect(code(await as.kreis2.graphql(THREADS, { id: ids.open }))).toBe('FORBIDDEN');
  });

  it("lists a group's threads a page at a time, the most recently active first", async () => {
    const created = await as.stadt.graphql<{ createGroup: { id: string } }>(CREATE, { i: input({ name: 'Archiv der Fallkonferenzen', access: 'CLOSED' }) });
    const group = { id: created.data!.createGroup.id };
    const base = Date.parse('2026-11-01T00:00:00Z');
    await prisma.thread.createMany({
      data: Array.from({ length: 105 }, (_, i) => ({ groupId: group.id, title: `Fall ${i}`, authorId: ids.stadt, lastPostAt: new Date(base + i * 60_000) })),
    });
    type Page = { groupThreads: { totalCount: number; nodes: { title: string }[] } };
    const first = await as.stadt.graphql<Page>(THREADS, { id: group.id });
    expect(first.data!.groupThreads.totalCount).toBe(105);
    expect(first.data!.groupThreads.nodes.map((n) => n.title).slice(0, 2)).toEqual(['Fall 104', 'Fall 103']);
    expect(first.data!.groupThreads.nodes).toHaveLength(30);
    const seen = new Set(first.data!.groupThreads.nodes.map((n) => n.title));
    for (let offset = 30; offset < 105; offset += 30) {
      const page = await as.stadt.graphql<Page>(THREADS, { id: group.id, offset });
      for (const node of page.data!.groupThreads.nodes) seen.add(node.title);
    }
    expect(seen.size).toBe(105);
    expect(code(await as.stadt.graphql(THREADS, { id: group.id, first: 101 }))).toBe('BAD_USER_INPUT');
    expect(code(await as.stadt.graphql(THREADS, { id: group.id, offset: -1 }))).toBe('BAD_USER_INPUT');
    expect(code(await as.dresden.graphql(THREADS, { id: group.id }))).toBe('NOT_FOUND');
  });

  it('suggests groups members from bordering municipalities are in, groups for the region, and groups on my topics', async () => {
    const mine = await as.kreis2.graphql<{ groupSuggestions: { group: { name: string }; reasons: string[]; via: { ags: string }[] }[] }>(SUGGEST, {});
    const byName = new Map(mine.data!.groupSuggestions.map((s) => [s.group.name, s]));
    expect(byName.get('AG Sprachmittlung Region Leipzig')).toMatchObject({ reasons: ['NEIGHBOURS', 'REGION'] });
    expect(byName.get('AG Sprachmittlung Region Leipzig')!.via.map((v) => v.ags)).toContain('14713');
    expect(byName.has('Vertrauliche Fallkonferenz')).toBe(false);

    const forDresden = await as.dresden.graphql<{ groupSuggestions: { group: { name: string }; reasons: string[] }[] }>(SUGGEST, {});
    expect(forDresden.data!.groupSuggestions.find((s) => s.group.name === 'AG Sprachmittlung Region Leipzig')).toBeUndefined();
    expect(forDresden.data!.groupSuggestions.find((s) => s.group.name === 'Mitteldeutsche Runde')!.reasons).toEqual(['REGION']);

    await prisma.membership.updateMany({ where: { userId: ids.dresden }, data: { topics: ['WOHNEN'] } });
    const dresdenAgain = await signIn(t, (await prisma.user.findUniqueOrThrow({ where: { id: ids.dresden } })).email);
    const onTopics = await dresdenAgain.graphql<{ groupSuggestions: { group: { name: string }; reasons: string[] }[] }>(SUGGEST, {});
    expect(onTopics.data!.groupSuggestions.find((s) => s.group.name === 'AG Wohnen Leipzig')!.reasons).toEqual(['TOPICS']);

    const forPage = await as.dresden.graphql<{ groupSuggestions: { group: { name: string }; reasons: string[] }[] }>(SUGGEST, { ags: '14730' });
    expect(forPage.data!.groupSuggestions.find((s) => s.group.name === 'AG Sprachmittlung Region Leipzig')!.reasons).toEqual(['NEIGHBOURS', 'REGION']);
  });
});
