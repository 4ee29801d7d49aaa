import { addMember, createUser, signIn, TEST_PASSWORD } from '../../test/support/factories.js';
import { PersonalDataRegistry } from '../core/privacy/personal-data.js';
import { startTestApp, type TestApp, type TestClient } from '../../test/support/test-app.js';
import { PrismaService } from '../core/database/prisma.service.js';

const code = (res: { errors?: { extensions: { code: string } }[] }) => res.errors?.[0]?.extensions.code ?? 'OK';

describe('platform administration and personal data', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let admin: TestClient;
  let person: TestClient;
  let personId: string;
  let adminId: string;

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'true' }, { directory: true });
    prisma = new PrismaService(t.db.url);
    const a = await createUser(prisma, { name: 'Pia Platform', platformAdmin: true });
    const p = await createUser(prisma, { name: 'Karl Kommune' });
    adminId = a.id;
    personId = p.id;
    await addMember(prisma, p.id, '14729');
    admin = await signIn(t, a.email);
    person = await signIn(t, p.email);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await t.close();
  });

  it.each([['{ auditLog { id type } }'], ['{ accounts(search: "") { id } }']])(
    '%s: guests UNAUTHENTICATED, members FORBIDDEN, platform admins OK',
    async (query) => {
      expect(code(await t.client().graphql(query))).toBe('UNAUTHENTICATED');
      expect(code(await person.graphql(query))).toBe('FORBIDDEN');
      expect(code(await admin.graphql(query))).toBe('OK');
    },
  );

  it('the audit log shows security events with names, newest first, without secrets', async () => {
    const res = await admin.graphql<{ auditLog: { type: string; actorName: string | null; details: string }[] }>(
      '{ auditLog(first: 20) { type actorName details } }',
    );
    expect(res.data!.auditLog[0]!.type).toBe('LOGIN');
    expect(res.data!.auditLog.some((e) => e.actorName === 'Karl Kommune')).toBe(true);
    expect(JSON.stringify(res.data)).not.toContain(TEST_PASSWORD);
    expect(code(await admin.graphql('{ auditLog(first: 500) { id } }'))).toBe('BAD_USER_INPUT');
  });

  it('platform admins grant and take the platform admin role, audited; not their own; members cannot', async () => {
    const grant = 'mutation ($i: SetPlatformRoleInput!) { setPlatformRole(input: $i) { platformAdmin } }';
    expect(code(await person.graphql(grant, { i: { userId: personId, admin: true } }))).toBe('FORBIDDEN');
    const res = await admin.graphql<{ setPlatformRole: { platformAdmin: boolean } }>(grant, { i: { userId: personId, admin: true } });
    expect(res.data!.setPlatformRole.platformAdmin).toBe(true);
    expect(await prisma.auditEvent.count({ where: { type: 'ROLE_CHANGED', subjectId: personId } })).toBe(1);
    await admin.graphql(grant, { i: { userId: personId, admin: false } });
    expect(code(await admin.graphql(grant, { i: { userId: adminId, admin: false } }))).toBe('CONFLICT');
    expect(code(await admin.graphql(grant, { i: { userId: '00000000-0000-0000-0000-000000000000', admin: true } }))).toBe('NOT_FOUND');
  });

  it('exports all own data as JSON, without password hash or session ids', async () => {
    expect(code(await t.client().graphql('{ myData }'))).toBe('UNAUTHENTICATED');
    const res = await person.graphql<{ myData: string }>('{ myData }');
    const data = JSON.parse(res.data!.myData);
    expect(data.person.name).toBe('Karl Kommune');
    expect(data.memberships[0].organization.name).toBe('Landkreis Leipzig');
    expect(data.sessions.length).toBeGreaterThan(0);
    // Each domain's registered part is in the document, and nothing else beside the person.
    const parts = t.app
      .get(PersonalDataRegistry)
      .all()
      .map((p) => p.key);
    expect(parts).toEqual(expect.arrayContaining(['sessions', 'securityEvents', 'memberships', 'groups', 'posts', 'materialVersions', 'notifications']));
    expect(Object.keys(data).sort()).toEqual(['exportedAt', 'person', ...parts].sort());
    expect(res.data!.myData).not.toMatch(/argon2|passwordHash|"id"/);
    expect(await prisma.auditEvent.count({ where: { type: 'DATA_EXPORTED', subjectId: personId } })).toBe(1);
  });

  it('deletes the account after the password is confirmed, ending sessions and scrubbing the audit trail', async () => {
    const del = 'mutation ($i: DeleteMyAccountInput!) { deleteMyAccount(input: $i) }';
    expect(code(await person.graphql(del, { i: { password: 'Nicht-Das-Passwort-1', contributions: 'ANONYMISE' } }))).toBe('BAD_USER_INPUT');
    const email = (await prisma.user.findUniqueOrThrow({ where: { id: personId } })).email;
    // Someone elsewhere guesses the password until throttled: the audit log then names the address.
    for (let i = 0; i < 6; i++) {
      await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
        body: JSON.stringify({
          query: 'mutation ($i: LoginInput!) { login(input: $i) { id } }',
          variables: { i: { email, password: `Falsch-${i}-Passwort` } },
        }),
      });
    }
    expect(await prisma.auditEvent.count({ where: { type: 'LOGIN_THROTTLED' } })).toBeGreaterThan(0);
    // A request to join a group was counted under the person's id.
    await prisma.loginThrottle.create({ data: { key: `group-request:${personId}|00000000-0000-0000-0000-000000000001` } });
    const stolen = person.cookie;
    expect(code(await person.graphql(del, { i: { password: TEST_PASSWORD, contributions: 'ANONYMISE' } }))).toBe('OK');
    expect(await prisma.user.findUnique({ where: { id: personId } })).toBeNull();
    expect(await prisma.session.count({ where: { userId: personId } })).toBe(0);
    expect(await prisma.membership.count({ where: { userId: personId } })).toBe(0);
    expect((await t.client(stolen).graphql<{ me: unknown }>('{ me { id } }')).data!.me).toBeNull();
    expect(JSON.stringify(await prisma.auditEvent.findMany())).not.toContain(email);
    expect(JSON.stringify(await prisma.loginThrottle.findMany())).not.toMatch(new RegExp(`${email}|${personId}`));
    expect(await prisma.auditEvent.count({ where: { OR: [{ actorId: personId }, { subjectId: personId }] } })).toBe(0);
    const deleted = await prisma.auditEvent.findFirstOrThrow({ where: { type: 'ACCOUNT_DELETED' } });
    expect(deleted.data).toEqual({ contributions: 'ANONYMISE' });
  });
});
