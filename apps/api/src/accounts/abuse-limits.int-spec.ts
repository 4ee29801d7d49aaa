import { createUser, TEST_PASSWORD } from '../../test/support/factories.js';
import { eventually } from '../../test/support/eventually.js';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../test/support/test-app.js';
import { PrismaService } from '../core/database/prisma.service.js';

const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { id } }';
const REGISTER = 'mutation ($input: RegisterInput!) { register(input: $input) }';
const RESET = 'mutation ($e: String!) { requestPasswordReset(email: $e) }';

type Answer = GraphQLResponse<Record<string, unknown>> & { headers: Headers };

/** A browser behind its own address (the app trusts X-Forwarded-For here, as behind a proxy). */
function browser(t: TestApp, ip: string) {
  let cookie: string | undefined;
  return async (query: string, variables?: Record<string, unknown>): Promise<Answer> => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const set = res.headers.getSetCookie().find((h) => h.startsWith(`${t.config.session.cookieName}=`));
    if (set) cookie = set.split(';')[0];
    return { status: res.status, headers: res.headers, ...((await res.json()) as Omit<Answer, 'status' | 'headers'>) };
  };
}

const code = (res: Answer) => res.errors?.[0]?.extensions.code ?? 'OK';

describe('abuse limits on sign-in, registration and mail', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let ipCounter = 0;
  const freshIp = () => `198.51.100.${++ipCounter}`;

  beforeAll(async () => {
    t = await startTestApp({
      TRUST_PROXY: 'true',
      LOGIN_LIMIT_PER_ACCOUNT: '3',
      LOGIN_LIMIT_PER_IP: '20',
      LOGIN_LIMIT_PER_ACCOUNT_TOTAL: '6',
      MAIL_LIMIT_PER_IP: '4',
      MAIL_LIMIT_PER_ADDRESS: '2',
    });
    prisma = new PrismaService(t.db.url);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await t.close();
  });

  const guess = (ip: string, email: string, n: number) =>
    Array.from({ length: n }).reduce<Promise<string[]>>(
      async (codes, _, i) => [...(await codes), code(await browser(t, ip)(LOGIN, { input: { email, password: `Falsch-${i}-Geraten` } }))],
      Promise.resolve([]),
    );

  describe('nobody can lock a person out', () => {
    it('a stranger guessing from elsewhere is blocked; the person still signs in from their own address', async () => {
      const victim = await createUser(prisma);
      const stranger = freshIp();
      expect(await guess(stranger, victim.email, 5)).toEqual([
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'TOO_MANY_REQUESTS',
        'TOO_MANY_REQUESTS',
      ]);
      const own = await browser(t, freshIp())(LOGIN, { input: { email: victim.email, password: TEST_PASSWORD } });
      expect(code(own)).toBe('OK');
    });

    it('guesses spread over many addresses block new addresses, never one the person signed in from before', async () => {
      const victim = await createUser(prisma);
      const office = freshIp();
      expect(code(await browser(t, office)(LOGIN, { input: { email: victim.email, password: TEST_PASSWORD } }))).toBe('OK');
      for (let i = 0; i < 4; i++) await guess(freshIp(), victim.email, 2);
      const unknown = await browser(t, freshIp())(LOGIN, { input: { email: victim.email, password: TEST_PASSWORD } });
      expect(code(unknown)).toBe('TOO_MANY_REQUESTS');
      expect(unknown.status).toBe(429);
      expect(Number(unknown.headers.get('retry-after'))).toBeGreaterThan(0);
      const known = await browser(t, office)(LOGIN, { input: { email: victim.email, password: TEST_PASSWORD } });
      expect(code(known)).toBe('OK');
    });
  });

  describe('password checks of a signed-in session are throttled like login', () => {
    const cases: [string, string, (password: string) => Record<string, unknown>][] = [
      [
        'changePassword',
        'mutation ($i: ChangePasswordInput!) { changePassword(input: $i) }',
        (p) => ({ i: { currentPassword: p, newPassword: 'Ganz-Neues-Kennwort-77' } }),
      ],
      [
        'requestEmailChange',
        'mutation ($i: RequestEmailChangeInput!) { requestEmailChange(input: $i) }',
        (p) => ({ i: { password: p, newEmail: `neu-${Date.now()}@verbund.example` } }),
      ],
      ['deleteMyAccount', 'mutation ($i: DeleteMyAccountInput!) { deleteMyAccount(input: $i) }', (p) => ({ i: { password: p, contributions: 'ANONYMISE' } })],
    ];
    it.each(cases)('%s refuses further guesses, even the right password, after the limit', async (_name, mutation, input) => {
      const person = await createUser(prisma);
      const session = browser(t, freshIp());
      expect(code(await session(LOGIN, { input: { email: person.email, password: TEST_PASSWORD } }))).toBe('OK');
      const codes: string[] = [];
      for (let i = 0; i < 3; i++) codes.push(code(await session(mutation, input(`Falsch-${i}-Geraten`))));
      expect(codes).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT']);
      const blocked = await session(mutation, input(TEST_PASSWORD));
      expect(code(blocked)).toBe('TOO_MANY_REQUESTS');
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await prisma.user.count({ where: { id: person.id } })).toBe(1);
    });
  });

  describe('mail to addresses the caller names', () => {
    it('registration is limited per address, with 429 and Retry-After, and sends no more mail', async () => {
      const address = `ziel-${Date.now()}@verbund.example`;
      const input = { name: 'Irgendwer', email: address, password: 'Ein-Gutes-Passwort-9' };
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push(await browser(t, freshIp())(REGISTER, { input }));
      expect(codes.map(code)).toEqual(['OK', 'OK', 'TOO_MANY_REQUESTS']);
      expect(codes[2]!.status).toBe(429);
      expect(Number(codes[2]!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await t.outbox()).filter((m) => m.to === address)).toHaveLength(2);
    });

    it('registration is limited per IP across addresses', async () => {
      const ip = freshIp();
      const codes: string[] = [];
      for (let i = 0; i < 5; i++) {
        codes.push(
          code(
            await browser(t, ip)(REGISTER, {
              input: { name: 'Viele Konten', email: `viele-${i}-${Date.now()}@verbund.example`, password: 'Ein-Gutes-Passwort-9' },
            }),
          ),
        );
      }
      expect(codes).toEqual(['OK', 'OK', 'OK', 'OK', 'TOO_MANY_REQUESTS']);
    });

    it('password reset mails one victim at most the limit, whatever the callers', async () => {
      const victim = await createUser(prisma);
      const codes: string[] = [];
      for (let i = 0; i < 4; i++) codes.push(code(await browser(t, freshIp())(RESET, { e: victim.email })));
      expect(codes).toEqual(['OK', 'OK', 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
    });

    it('allows one such mutation per request: aliases do not multiply hashes or mails', async () => {
      const victim = await createUser(prisma);
      const before = (await t.outbox()).length;
      const res = await browser(t, freshIp())(`mutation ($e: String!) { a: requestPasswordReset(email: $e) b: requestPasswordReset(email: $e) }`, {
        e: victim.email,
      });
      expect(res.status).toBe(400);
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.extensions.details).toEqual({ limit: 'oneCostlyMutation' });
      const mixed = await browser(t, freshIp())('mutation ($i: RegisterInput!, $e: String!) { register(input: $i) requestPasswordReset(email: $e) }', {
        i: { name: 'Zwei', email: `zwei-${Date.now()}@verbund.example`, password: 'Ein-Gutes-Passwort-9' },
        e: victim.email,
      });
      expect(code(mixed)).toBe('BAD_USER_INPUT');
      // Refused in validation: nothing ran, so nothing can be on its way to the outbox either.
      expect((await t.outbox()).length).toBe(before);
    });

    it('does not put the name a stranger chose into mail to an unconfirmed address', async () => {
      const address = `phish-${Date.now()}@verbund.example`;
      const name = 'Bitte sofort evil.example besuchen';
      expect(code(await browser(t, freshIp())(REGISTER, { input: { name, email: address, password: 'Ein-Gutes-Passwort-9' } }))).toBe('OK');
      expect(code(await browser(t, freshIp())(RESET, { e: address }))).toBe('OK');
      const mails = await eventually(async () => {
        const found = (await t.outbox()).filter((m) => m.to === address);
        return found.length === 2 && found;
      }, 'both mails');
      for (const mail of mails) expect(mail.text).not.toContain('evil.example');
    });
  });
});
