import { GraphQLSchemaHost } from '@nestjs/graphql';
import { addMember, createUser, signIn } from '../../../test/support/factories.js';
import { startTestApp, type TestApp, type TestClient } from '../../../test/support/test-app.js';
import { PrismaService } from '../database/prisma.service.js';

type Actor = 'guest' | 'member' | 'orgAdmin' | 'otherMember' | 'platformAdmin';
const ACTORS: Actor[] = ['guest', 'member', 'otherMember', 'platformAdmin', 'orgAdmin'];
type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND';

const everyone = (o: Outcome) => Object.fromEntries(ACTORS.map((a) => [a, o])) as Record<Actor, Outcome>;
const signedIn = (o: Outcome) => ({ ...everyone(o), guest: 'UNAUTHENTICATED' as Outcome });
const adminsOnly = (o: Outcome = 'OK') => ({ ...signedIn('FORBIDDEN'), platformAdmin: o });

interface Row {
  op: string;
  query: string | ((ctx: { pendingId: string }) => string);
  expect: Record<Actor, Outcome>;
}

/**
 * Who may call what: every Query and Mutation of the schema, as a guest, a member of Landkreis Leipzig, its
 * admin, a member of Stadt Leipzig and a platform admin. Calls that pass the guard but would change shared
 * state use inputs the service refuses (BAD_USER_INPUT), which proves the caller got through.
 */
const MATRIX: Row[] = [
  { op: 'Query.appInfo', query: '{ appInfo { name } }', expect: everyone('OK') },
  { op: 'Query.me', query: '{ me { id } }', expect: everyone('OK') },
  { op: 'Query.municipality', query: '{ municipality(ags: "14729") { id } }', expect: everyone('OK') },
  { op: 'Query.municipalities', query: '{ municipalities(search: "Leipzig") { totalCount } }', expect: everyone('OK') },
  { op: 'Query.laender', query: '{ laender { id } }', expect: everyone('OK') },
  { op: 'Query.neighbours', query: '{ neighbours(ags: "14729") { distanceKm } }', expect: everyone('OK') },
  { op: 'Query.organizations', query: '{ organizations(ags: "14729") { id } }', expect: everyone('OK') },
  { op: 'Query.myMemberships', query: '{ myMemberships { id } }', expect: signedIn('OK') },
  { op: 'Query.membershipRequests', query: '{ membershipRequests { id } }', expect: signedIn('OK') },
  { op: 'Query.people', query: '{ people(ags: "14729") { id } }', expect: { ...signedIn('OK'), otherMember: 'FORBIDDEN' } },
  { op: 'Query.myData', query: '{ myData }', expect: signedIn('OK') },
  { op: 'Query.auditLog', query: '{ auditLog { id } }', expect: adminsOnly() },
  { op: 'Query.accounts', query: '{ accounts(search: "") { id } }', expect: adminsOnly() },
  { op: 'Mutation.register', query: 'mutation { register(input: { name: "Neu", email: "kaputt", password: "x" }) }', expect: everyone('BAD_USER_INPUT') },
  { op: 'Mutation.verifyEmail', query: 'mutation { verifyEmail(token: "erfunden") }', expect: everyone('BAD_USER_INPUT') },
  { op: 'Mutation.login', query: 'mutation { login(input: { email: "kaputt", password: "x" }) { id } }', expect: everyone('BAD_USER_INPUT') },
  { op: 'Mutation.requestPasswordReset', query: 'mutation { requestPasswordReset(email: "niemand@verbund.example") }', expect: everyone('OK') },
  { op: 'Mutation.resetPassword', query: 'mutation { resetPassword(input: { token: "erfunden", newPassword: "Langes-Passwort-123" }) }', expect: everyone('BAD_USER_INPUT') },
  { op: 'Mutation.confirmEmailChange', query: 'mutation { confirmEmailChange(token: "erfunden") }', expect: everyone('BAD_USER_INPUT') },
  { op: 'Mutation.requestEmailChange', query: 'mutation { requestEmailChange(input: { newEmail: "neu@verbund.example", password: "falsch" }) }', expect: signedIn('BAD_USER_INPUT') },
  { op: 'Mutation.changePassword', query: 'mutation { changePassword(input: { currentPassword: "falsch", newPassword: "Langes-Passwort-123" }) }', expect: signedIn('BAD_USER_INPUT') },
  { op: 'Mutation.deleteMyAccount', query: 'mutation { deleteMyAccount(input: { password: "falsch", contributions: ANONYMISE }) }', expect: signedIn('BAD_USER_INPUT') },
  { op: 'Mutation.requestMembership', query: 'mutation { requestMembership(input: { municipalityAgs: "abc", function: VERWALTUNG }) { id } }', expect: signedIn('BAD_USER_INPUT') },
  { op: 'Mutation.createOrganization', query: 'mutation { createOrganization(input: { name: "X", kind: VEREIN, municipalityAgs: "14729", function: OTHER }) { id } }', expect: signedIn('BAD_USER_INPUT') },
  {
    op: 'Mutation.setPlatformRole',
    query: 'mutation { setPlatformRole(input: { userId: "00000000-0000-0000-0000-000000000000", admin: true }) { id } }',
    expect: adminsOnly('NOT_FOUND'),
  },
  {
    op: 'Mutation.decideMembership',
    query: ({ pendingId }) => `mutation { decideMembership(input: { membershipId: "${pendingId}", approve: true }) { id } }`,
    expect: { ...signedIn('FORBIDDEN'), orgAdmin: 'OK' },
  },
  { op: 'Mutation.logoutEverywhere', query: 'mutation { logoutEverywhere }', expect: signedIn('OK') },
  { op: 'Mutation.logout', query: 'mutation { logout }', expect: everyone('OK') },
];

describe('the permission matrix over every operation', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let pendingId: string;
  const as = {} as Record<Actor, () => Promise<TestClient>>;

  beforeAll(async () => {
    t = await startTestApp({}, { directory: true });
    prisma = new PrismaService(t.db.url);
    const users = {
      member: await createUser(prisma),
      orgAdmin: await createUser(prisma),
      otherMember: await createUser(prisma),
      platformAdmin: await createUser(prisma, { platformAdmin: true }),
      applicant: await createUser(prisma),
    };
    await addMember(prisma, users.member.id, '14729');
    await addMember(prisma, users.orgAdmin.id, '14729', 'ADMIN');
    await addMember(prisma, users.otherMember.id, '14713');
    const pending = await addMember(prisma, users.applicant.id, '14729');
    pendingId = (await prisma.membership.update({ where: { id: pending.id }, data: { status: 'REQUESTED' } })).id;
    as.guest = async () => t.client();
    for (const actor of ['member', 'orgAdmin', 'otherMember', 'platformAdmin'] as const) as[actor] = () => signIn(t, users[actor].email);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await t.close();
  });

  it('covers every Query and Mutation of the schema', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const fields = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()!.getFields()).map((f) => `Mutation.${f}`),
    ].sort();
    expect(MATRIX.map((r) => r.op).sort()).toEqual(fields);
  });

  it('answers each caller as declared', async () => {
    const got: string[] = [];
    const want: string[] = [];
    for (const actor of ACTORS) {
      // A fresh session per actor: logoutEverywhere and logout come last in the table.
      const client = await as[actor]();
      for (const row of MATRIX) {
        const query = typeof row.query === 'function' ? row.query({ pendingId }) : row.query;
        const res = await client.graphql(query);
        const code = res.errors?.[0]?.extensions.code ?? 'OK';
        got.push(`${actor} ${row.op}: ${code}`);
        want.push(`${actor} ${row.op}: ${row.expect[actor]}`);
      }
    }
    expect(got).toEqual(want);
  });
});
