import { addMember, createGroup, createUser, signIn } from '../../test/support/factories.js';
import { startTestApp, type TestApp, type TestClient } from '../../test/support/test-app.js';
import { PrismaService } from '../core/database/prisma.service.js';

const REQUEST = 'mutation ($i: RequestMembershipInput!) { requestMembership(input: $i) { id status organization { name } } }';
const DECIDE = 'mutation ($i: DecideMembershipInput!) { decideMembership(input: $i) { id status role } }';
const PEOPLE = 'query ($ags: String!) { people(ags: $ags) { personName personEmail function } }';

type Actor = 'guest' | 'outsider' | 'member' | 'admin' | 'otherMember' | 'platformAdmin';

describe('memberships: who may do what', () => {
  let t: TestApp;
  let prisma: PrismaService;
  const as: Record<Actor, TestClient> = {} as Record<Actor, TestClient>;

  beforeAll(async () => {
    t = await startTestApp({}, { directory: true });
    prisma = new PrismaService(t.db.url);
    const outsider = await createUser(prisma, { name: 'Olga Outsider' });
    const member = await createUser(prisma, { name: 'Mia Member' });
    const admin = await createUser(prisma, { name: 'Ada Admin' });
    const otherMember = await createUser(prisma, { name: 'Otto Other' });
    const platformAdmin = await createUser(prisma, { name: 'Paul Platform', platformAdmin: true });
    await addMember(prisma, member.id, '14729');
    await addMember(prisma, admin.id, '14729', 'ADMIN');
    await addMember(prisma, otherMember.id, '14713');
    as.guest = t.client();
    as.outsider = await signIn(t, outsider.email);
    as.member = await signIn(t, member.email);
    as.admin = await signIn(t, admin.email);
    as.otherMember = await signIn(t, otherMember.email);
    as.platformAdmin = await signIn(t, platformAdmin.email);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await t.close();
  });

  const code = (res: { errors?: { extensions: { code: string } }[] }) => res.errors?.[0]?.extensions.code ?? 'OK';

  it.each<[Actor, string]>([
    ['guest', 'UNAUTHENTICATED'],
    ['outsider', 'FORBIDDEN'],
    ['member', 'OK'],
    ['admin', 'OK'],
    ['otherMember', 'FORBIDDEN'],
    ['platformAdmin', 'OK'],
  ])('people of Landkreis Leipzig, as %s: %s', async (actor, expected) => {
    const res = await as[actor].graphql<{ people: { personName: string; personEmail: string }[] }>(PEOPLE, { ags: '14729' });
    expect(code(res)).toBe(expected);
    if (expected === 'OK') {
      expect(res.data!.people.map((p) => p.personName)).toEqual(['Ada Admin', 'Mia Member']);
      expect(res.data!.people.every((p) => p.personEmail.endsWith('@verbund.example'))).toBe(true);
    }
  });

  it('guests are refused every signed-in operation with UNAUTHENTICATED', async () => {
    for (const query of ['{ myMemberships { id } }', '{ membershipRequests { id } }', 'mutation { logoutEverywhere }']) {
      expect(code(await as.guest.graphql(query))).toBe('UNAUTHENTICATED');
    }
    expect(code(await as.guest.graphql(REQUEST, { i: { municipalityAgs: '14729', function: 'VERWALTUNG' } }))).toBe('UNAUTHENTICATED');
  });

  it('a request to Landkreis Leipzig is decided by its admin only; the platform admin steps in only where no admin exists', async () => {
    const res = await as.outsider.graphql<{ requestMembership: { id: string; status: string; organization: { name: string } } }>(REQUEST, {
      i: { municipalityAgs: '14729', function: 'FLUECHTLINGSSOZIALARBEIT', topics: ['WOHNEN'] },
    });
    expect(res.data!.requestMembership).toMatchObject({ status: 'REQUESTED', organization: { name: 'Landkreis Leipzig' } });
    const id = res.data!.requestMembership.id;
    expect(code(await as.outsider.graphql(REQUEST, { i: { municipalityAgs: '14729', function: 'VERWALTUNG' } }))).toBe('CONFLICT');

    const admins = await as.admin.graphql<{ membershipRequests: { id: string }[] }>('{ membershipRequests { id } }');
    expect(admins.data!.membershipRequests.map((r) => r.id)).toContain(id);
    expect((await as.member.graphql<{ membershipRequests: unknown[] }>('{ membershipRequests { id } }')).data!.membershipRequests).toEqual([]);

    for (const actor of ['member', 'otherMember', 'platformAdmin', 'outsider'] as const) {
      expect(code(await as[actor].graphql(DECIDE, { i: { membershipId: id, approve: true } }))).toBe('FORBIDDEN');
    }
    const decided = await as.admin.graphql<{ decideMembership: { status: string } }>(DECIDE, { i: { membershipId: id, approve: true } });
    expect(decided.data!.decideMembership.status).toBe('CONFIRMED');
    expect(code(await as.admin.graphql(DECIDE, { i: { membershipId: id, approve: false } }))).toBe('CONFLICT');
    expect(code(await as.outsider.graphql(PEOPLE, { ags: '14729' }))).toBe('OK');

    const elsewhere = await as.member.graphql<{ requestMembership: { id: string } }>(REQUEST, { i: { municipalityAgs: '01060063', function: 'VERWALTUNG' } });
    const byPlatform = await as.platformAdmin.graphql<{ decideMembership: { status: string; role: string } }>(DECIDE, {
      i: { membershipId: elsewhere.data!.requestMembership.id, approve: true, makeAdmin: true },
    });
    expect(byPlatform.data!.decideMembership).toEqual(expect.objectContaining({ status: 'CONFIRMED', role: 'ADMIN' }));
  });

  it.each([
    [{ municipalityAgs: 'abc', function: 'VERWALTUNG' }, 'BAD_USER_INPUT'],
    [{ municipalityAgs: '14', function: 'VERWALTUNG' }, 'BAD_USER_INPUT'],
    [{ municipalityAgs: '99999', function: 'VERWALTUNG' }, 'NOT_FOUND'],
    [{ municipalityAgs: '14729', function: 'VERWALTUNG', topics: ['Wohnen'] }, 'BAD_USER_INPUT'],
  ])('requestMembership(%j) is %s', async (input, expected) => {
    expect(code(await as.otherMember.graphql(REQUEST, { i: input }))).toBe(expected);
  });

  it('a civil-society organisation: its founder is confirmed as admin by a platform admin, then decides on members', async () => {
    const CREATE = 'mutation ($i: CreateOrganizationInput!) { createOrganization(input: $i) { id status role organization { id name } } }';
    const input = { name: 'Caritas Muldental', kind: 'WOHLFAHRTSVERBAND', municipalityAgs: '14729', function: 'FLUECHTLINGSSOZIALARBEIT' };
    expect(code(await as.guest.graphql(CREATE, { i: input }))).toBe('UNAUTHENTICATED');
    const founded = await as.otherMember.graphql<{ createOrganization: { id: string; status: string; role: string; organization: { id: string } } }>(CREATE, {
      i: input,
    });
    expect(founded.data!.createOrganization).toMatchObject({ status: 'REQUESTED', role: 'ADMIN' });
    expect(code(await as.member.graphql(CREATE, { i: { ...input, name: 'caritas muldental' } }))).toBe('CONFLICT');
    expect(code(await as.member.graphql(CREATE, { i: { ...input, name: 'X' } }))).toBe('BAD_USER_INPUT');

    const orgs = () => t.client().graphql<{ organizations: { name: string }[] }>('{ organizations(ags: "14729") { name kind } }');
    expect((await orgs()).data!.organizations).toEqual([]);
    expect(code(await as.admin.graphql(DECIDE, { i: { membershipId: founded.data!.createOrganization.id, approve: true } }))).toBe('FORBIDDEN');
    const confirmed = await as.platformAdmin.graphql<{ decideMembership: { status: string; role: string } }>(DECIDE, {
      i: { membershipId: founded.data!.createOrganization.id, approve: true },
    });
    expect(confirmed.data!.decideMembership).toEqual(expect.objectContaining({ status: 'CONFIRMED', role: 'ADMIN' }));
    expect((await orgs()).data!.organizations.map((o) => o.name)).toEqual(['Caritas Muldental']);
    const seen = await as.otherMember.graphql<{ people: { personName: string; personEmail: string | null }[] }>(PEOPLE, { ags: '14729' });
    const byName = Object.fromEntries(seen.data!.people.map((p) => [p.personName, p.personEmail]));
    expect(byName['Ada Admin']).toBeNull();
    expect(byName['Otto Other']).toMatch(/@verbund\.example$/);

    const orgId = founded.data!.createOrganization.organization.id;
    const joining = await as.member.graphql<{ requestMembership: { id: string } }>(REQUEST, {
      i: { organizationId: orgId, function: 'EHRENAMTSKOORDINATION' },
    });
    expect(code(await as.platformAdmin.graphql(DECIDE, { i: { membershipId: joining.data!.requestMembership.id, approve: true } }))).toBe('FORBIDDEN');
    expect(code(await as.otherMember.graphql(DECIDE, { i: { membershipId: joining.data!.requestMembership.id, approve: true } }))).toBe('OK');
    expect(code(await as.member.graphql(REQUEST, { i: { municipalityAgs: '14729', organizationId: orgId, function: 'VERWALTUNG' } }))).toBe('BAD_USER_INPUT');
    expect(code(await as.member.graphql(REQUEST, { i: { organizationId: '00000000-0000-0000-0000-000000000000', function: 'VERWALTUNG' } }))).toBe('NOT_FOUND');
  });

  it('a network body (a Land integration office) is confirmed by a platform admin and then hosts rounds for its Land', async () => {
    const CREATE = 'mutation ($i: CreateOrganizationInput!) { createOrganization(input: $i) { id organization { id } } }';
    const input = { name: 'Landesintegrationsstelle Sachsen', kind: 'NETWORK_BODY', municipalityAgs: '14612', function: 'INTEGRATIONSKOORDINATION' };
    const founded = (await as.otherMember.graphql<{ createOrganization: { id: string; organization: { id: string } } }>(CREATE, { i: input })).data!
      .createOrganization;
    const round = {
      title: 'Landesweite Runde Sprachmittlung',
      topics: ['SPRACHE'],
      hostOrganizationId: founded.organization.id,
      audience: 'LAND',
      audienceLandCode: '14',
      videoUrl: 'https://meet.example/sachsen',
      startsAt: '2027-05-05T10:00',
      durationMinutes: 90,
    };
    const host = () => as.otherMember.graphql('mutation ($i: CreateRoundInput!) { createRound(input: $i) { id } }', { i: round });
    expect(code(await host())).toBe('FORBIDDEN');
    await as.platformAdmin.graphql(DECIDE, { i: { membershipId: founded.id, approve: true } });
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: founded.organization.id } })).kind).toBe('NETWORK_BODY');
    expect(code(await host())).toBe('OK');
  });

  it('a person leaves their organisation, or its admin removes them; nobody else may, and the access ends with it', async () => {
    const END = 'mutation ($id: ID!) { endMembership(input: { membershipId: $id }) }';
    const leaver = await createUser(prisma, { name: 'Lea Leaving' });
    const removed = await createUser(prisma, { name: 'Rolf Removed' });
    const leaving = await addMember(prisma, leaver.id, '14729');
    const removal = await addMember(prisma, removed.id, '14729');
    const [leaverClient, removedClient] = [await signIn(t, leaver.email), await signIn(t, removed.email)];
    // Rolf drafts a concept in a working group; once he belongs to no organisation, he drafts no more.
    const group = await createGroup(prisma, 'AG Ehrenamt', removed.id);
    const draft = await prisma.concept.create({
      data: { title: 'Ehrenamtskonzept', topics: ['EHRENAMT'], licence: 'CC_BY_4_0', groupId: group.id, createdById: removed.id },
    });
    const draftQuery = `{ concept(id: "${draft.id}") { editable } }`;
    expect((await removedClient.graphql<{ concept: { editable: boolean } }>(draftQuery)).data!.concept.editable).toBe(true);

    // The admin sees who may be removed: everyone of the own organisation.
    const seen = await as.admin.graphql<{ people: { personName: string; canEnd: boolean }[] }>(
      'query ($ags: String!) { people(ags: $ags) { personName canEnd } }',
      { ags: '14729' },
    );
    expect(seen.data!.people.find((p) => p.personName === 'Rolf Removed')!.canEnd).toBe(true);
    const byMember = await as.member.graphql<{ people: { personName: string; canEnd: boolean }[] }>(
      'query ($ags: String!) { people(ags: $ags) { personName canEnd } }',
      { ags: '14729' },
    );
    expect([...new Set(byMember.data!.people.filter((p) => p.canEnd).map((p) => p.personName))]).toEqual(['Mia Member']);

    for (const actor of ['member', 'otherMember', 'outsider', 'platformAdmin'] as const) {
      expect(code(await as[actor].graphql(END, { id: removal.id }))).toBe('FORBIDDEN');
    }
    expect(code(await as.guest.graphql(END, { id: removal.id }))).toBe('UNAUTHENTICATED');
    expect(code(await as.admin.graphql(END, { id: removal.id }))).toBe('OK');
    expect(code(await removedClient.graphql(PEOPLE, { ags: '14729' }))).toBe('FORBIDDEN');
    expect(code(await removedClient.graphql(draftQuery))).not.toBe('OK');
    expect(await prisma.auditEvent.count({ where: { type: 'MEMBERSHIP_ENDED', subjectId: removed.id } })).toBe(1);

    const mine = await leaverClient.graphql<{ myMemberships: { id: string; canEnd: boolean }[] }>('{ myMemberships { id canEnd } }');
    expect(mine.data!.myMemberships).toEqual([{ id: leaving.id, canEnd: true }]);
    expect(code(await leaverClient.graphql(END, { id: leaving.id }))).toBe('OK');
    expect((await leaverClient.graphql<{ myMemberships: unknown[] }>('{ myMemberships { id } }')).data!.myMemberships).toEqual([]);
    expect(code(await leaverClient.graphql(END, { id: leaving.id }))).toBe('NOT_FOUND');
    // Asking again is possible; a request is decided by the admin, not removed unseen.
    const again = await leaverClient.graphql<{ requestMembership: { id: string } }>(REQUEST, { i: { municipalityAgs: '14729', function: 'VERWALTUNG' } });
    expect(code(again)).toBe('OK');
    expect(code(await as.admin.graphql(END, { id: again.data!.requestMembership.id }))).toBe('BAD_USER_INPUT');
  });

  it('admins make a confirmed colleague an admin and take the rights back; the organisation keeps one; nobody else may', async () => {
    const ROLE = 'mutation ($i: SetMembershipRoleInput!) { setMembershipRole(input: $i) { id role } }';
    const first = await createUser(prisma, { name: 'Frieda First' });
    const colleague = await createUser(prisma, { name: 'Carl Colleague' });
    const firstMembership = await addMember(prisma, first.id, '14730', 'ADMIN');
    const colleagueMembership = await addMember(prisma, colleague.id, '14730');
    const [firstClient, colleagueClient] = [await signIn(t, first.email), await signIn(t, colleague.email)];
    const makeAdmin = { i: { membershipId: colleagueMembership.id, admin: true } };

    for (const client of [colleagueClient, as.admin, as.member, as.outsider, as.platformAdmin])
      expect(code(await client.graphql(ROLE, makeAdmin))).toBe('FORBIDDEN');
    expect(code(await as.guest.graphql(ROLE, makeAdmin))).toBe('UNAUTHENTICATED');
    expect(code(await firstClient.graphql(ROLE, { i: { membershipId: firstMembership.id, admin: false } }))).toBe('BAD_USER_INPUT');

    const made = await firstClient.graphql<{ setMembershipRole: { role: string } }>(ROLE, makeAdmin);
    expect(made.data!.setMembershipRole.role).toBe('ADMIN');
    // The new admin decides the organisation's requests from now on.
    const newcomer = await signIn(t, (await createUser(prisma, { name: 'Nina New' })).email);
    const asked = await newcomer.graphql<{ requestMembership: { id: string } }>(REQUEST, { i: { municipalityAgs: '14730', function: 'VERWALTUNG' } });
    expect(code(await colleagueClient.graphql(DECIDE, { i: { membershipId: asked.data!.requestMembership.id, approve: true } }))).toBe('OK');
    // A request is decided, not promoted.
    const pending = await signIn(t, (await createUser(prisma, { name: 'Paula Pending' })).email);
    const open = await pending.graphql<{ requestMembership: { id: string } }>(REQUEST, { i: { municipalityAgs: '14730', function: 'VERWALTUNG' } });
    expect(code(await firstClient.graphql(ROLE, { i: { membershipId: open.data!.requestMembership.id, admin: true } }))).toBe('BAD_USER_INPUT');

    expect(code(await firstClient.graphql(ROLE, { i: { membershipId: firstMembership.id, admin: false } }))).toBe('OK');
    expect(code(await firstClient.graphql(ROLE, { i: { membershipId: firstMembership.id, admin: true } }))).toBe('FORBIDDEN');
    expect(code(await colleagueClient.graphql(ROLE, { i: { membershipId: colleagueMembership.id, admin: false } }))).toBe('BAD_USER_INPUT');
    expect(await prisma.auditEvent.count({ where: { type: 'MEMBERSHIP_ROLE_CHANGED', subjectId: { in: [first.id, colleague.id] } } })).toBe(2);
  });

  it('the person is told of rights given or taken; requests they no longer decide leave their unread notifications', async () => {
    const ROLE = 'mutation ($i: SetMembershipRoleInput!) { setMembershipRole(input: $i) { id role } }';
    const MINE = '{ notifications(first: 20) { nodes { kind text link readAt } } }';
    type Mine = { notifications: { nodes: { kind: string; text: string; link: string; readAt: string | null }[] } };
    const [gerda, hans] = [await createUser(prisma, { name: 'Gerda Gibt' }), await createUser(prisma, { name: 'Hans Hilft' })];
    await addMember(prisma, gerda.id, '14627', 'ADMIN');
    const hansMembership = await addMember(prisma, hans.id, '14627');
    const [gerdaClient, hansClient] = [await signIn(t, gerda.email), await signIn(t, hans.email)];
    const mine = async (client: TestClient) => (await client.graphql<Mine>(MINE)).data!.notifications.nodes;

    expect(code(await gerdaClient.graphql(ROLE, { i: { membershipId: hansMembership.id, admin: true } }))).toBe('OK');
    const [given] = await mine(hansClient);
    expect(given).toMatchObject({ kind: 'MEMBERSHIP_ROLE_CHANGED', link: '/konto', readAt: null });
    expect(given!.text).toBe('Gerda Gibt hat Ihnen Admin-Rechte für „Landkreis Meißen“ gegeben: Sie entscheiden jetzt über Aufnahmeanfragen mit.');
    expect(await mine(gerdaClient)).toEqual([]);

    const newcomer = await signIn(t, (await createUser(prisma, { name: 'Ines Interessiert' })).email);
    await newcomer.graphql(REQUEST, { i: { municipalityAgs: '14627', function: 'VERWALTUNG' } });
    const request = (client: TestClient) => mine(client).then((all) => all.find((n) => n.kind === 'ORGANIZATION_JOIN_REQUEST'));
    expect((await request(hansClient))?.readAt).toBeNull();

    expect(code(await gerdaClient.graphql(ROLE, { i: { membershipId: hansMembership.id, admin: false } }))).toBe('OK');
    const [taken] = await mine(hansClient);
    expect(taken!.text).toBe('Gerda Gibt hat Ihnen die Admin-Rechte für „Landkreis Meißen“ entzogen. Sie bleiben Mitglied.');
    expect((await request(hansClient))?.readAt).not.toBeNull();
    expect((await request(gerdaClient))?.readAt).toBeNull();

    // The last admin leaves: the request is no longer hers, and the platform admins, who decide now, hear of it.
    const gerdaMembership = await prisma.membership.findFirstOrThrow({ where: { userId: gerda.id } });
    const platform = await prisma.user.findMany({ where: { platformRole: 'ADMIN' }, select: { id: true } });
    expect(code(await gerdaClient.graphql(`mutation { endMembership(input: { membershipId: "${gerdaMembership.id}" }) }`))).toBe('OK');
    expect((await request(gerdaClient))?.readAt).not.toBeNull();
    const told = await prisma.notification.findMany({ where: { kind: 'ORGANIZATION_JOIN_REQUEST', userId: { in: platform.map((p) => p.id) }, readAt: null } });
    expect(told.filter((n) => (n.payload as { organizationId?: string }).organizationId === gerdaMembership.organizationId)).toHaveLength(platform.length);
  });

  it('a platform admin gives an organisation without admins its first one, and then leaves it to that admin', async () => {
    const ROLE = 'mutation ($i: SetMembershipRoleInput!) { setMembershipRole(input: $i) { id role } }';
    const LIST = 'query ($ags: String!) { people(ags: $ags) { id personName canEnd } }';
    const [eva, finn] = [await createUser(prisma, { name: 'Eva Erste' }), await createUser(prisma, { name: 'Finn Folgt' })];
    const [evaMembership, finnMembership] = [await addMember(prisma, eva.id, '14625'), await addMember(prisma, finn.id, '14625')];
    const listed = async () => (await as.platformAdmin.graphql<{ people: { personName: string; canEnd: boolean }[] }>(LIST, { ags: '14625' })).data!.people;
    expect((await listed()).map((p) => p.canEnd)).toEqual([true, true]);
    expect(code(await as.platformAdmin.graphql(ROLE, { i: { membershipId: evaMembership.id, admin: true } }))).toBe('OK');
    expect((await listed()).map((p) => p.canEnd)).toEqual([false, false]);
    expect(code(await as.platformAdmin.graphql(ROLE, { i: { membershipId: finnMembership.id, admin: true } }))).toBe('FORBIDDEN');
    expect(code(await (await signIn(t, eva.email)).graphql(ROLE, { i: { membershipId: finnMembership.id, admin: true } }))).toBe('OK');
  });

  it("two admins taking each other's rights at once leave the organisation with one", async () => {
    const ROLE = 'mutation ($i: SetMembershipRoleInput!) { setMembershipRole(input: $i) { id role } }';
    const [a, b] = [await createUser(prisma, { name: 'Anna A' }), await createUser(prisma, { name: 'Berta B' })];
    const [aMembership, bMembership] = [await addMember(prisma, a.id, '14522', 'ADMIN'), await addMember(prisma, b.id, '14522', 'ADMIN')];
    const [aClient, bClient] = [await signIn(t, a.email), await signIn(t, b.email)];
    const results = await Promise.all([
      aClient.graphql(ROLE, { i: { membershipId: bMembership.id, admin: false } }),
      bClient.graphql(ROLE, { i: { membershipId: aMembership.id, admin: false } }),
    ]);
    expect(results.map(code).sort()).toEqual(['FORBIDDEN', 'OK']);
    expect(await prisma.membership.count({ where: { id: { in: [aMembership.id, bMembership.id] }, role: 'ADMIN' } })).toBe(1);

    // One takes the other's rights while the other removes the first: one after the other, and one admin stays.
    const END = 'mutation ($id: ID!) { endMembership(input: { membershipId: $id }) }';
    const [c, d] = [await createUser(prisma, { name: 'Cora C' }), await createUser(prisma, { name: 'Dora D' })];
    const [cMembership, dMembership] = [await addMember(prisma, c.id, '14521', 'ADMIN'), await addMember(prisma, d.id, '14521', 'ADMIN')];
    const [cClient, dClient] = [await signIn(t, c.email), await signIn(t, d.email)];
    const raced = await Promise.all([
      cClient.graphql(ROLE, { i: { membershipId: dMembership.id, admin: false } }),
      dClient.graphql(END, { id: cMembership.id }),
    ]);
    expect(raced.map(code).sort()).toEqual(['FORBIDDEN', 'OK']);
    expect(await prisma.membership.count({ where: { id: { in: [cMembership.id, dMembership.id] }, role: 'ADMIN', status: 'CONFIRMED' } })).toBe(1);
  });

  it('a request sent twice at once (a double click) is one request; one name founded twice at once is one organisation', async () => {
    const person = await createUser(prisma);
    const client = await signIn(t, person.email);
    const input = { municipalityAgs: '14713', function: 'INTEGRATIONSBEAUFTRAGTE', topics: [] };
    const twice = await Promise.all([client.graphql(REQUEST, { i: input }), client.graphql(REQUEST, { i: input })]);
    expect(twice.map(code).sort()).toEqual(['CONFLICT', 'OK']);
    expect(await prisma.membership.count({ where: { userId: person.id } })).toBe(1);

    const CREATE = 'mutation ($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }';
    const founders = await Promise.all([createUser(prisma), createUser(prisma)]);
    const founding = { name: 'Zwillingsverein Leipzig', kind: 'VEREIN', municipalityAgs: '14713', function: 'EHRENAMTSKOORDINATION' };
    const clients = await Promise.all(founders.map((f) => signIn(t, f.email)));
    const founded = await Promise.all(clients.map((c) => c.graphql(CREATE, { i: founding })));
    expect(founded.map(code).sort()).toEqual(['CONFLICT', 'OK']);
    expect(await prisma.organization.count({ where: { name: founding.name } })).toBe(1);
  });

  it('an unknown membership id is NOT_FOUND', async () => {
    expect(code(await as.admin.graphql(DECIDE, { i: { membershipId: '00000000-0000-0000-0000-000000000000', approve: true } }))).toBe('NOT_FOUND');
    expect(code(await as.admin.graphql(DECIDE, { i: { membershipId: 'not-a-uuid', approve: true } }))).toBe('NOT_FOUND');
  });
});
