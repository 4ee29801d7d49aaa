import { type ClientToServerEvents, type ServerToClientEvents, SOCKET_PATH, type WelcomePayload } from '@verbund/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { eventually } from '../../test/support/eventually.js';
import { startTestApp, type TestApp, type TestClient } from '../../test/support/test-app.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { SessionsService } from './sessions.service.js';

const PASSWORD = 'Sonnenblume-Leipzig-77';
const REGISTER = 'mutation ($input: RegisterInput!) { register(input: $input) }';
const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { id email emailVerified } }';
const ME = '{ me { id name email } }';

const linkToken = (text: string) => /token=([\w-]+)/.exec(text)![1]!;

describe('accounts and sessions', () => {
  let t: TestApp;
  let prisma: PrismaService;
  beforeAll(async () => {
    // Every test request comes from 127.0.0.1: the per-IP limit gets its own test below.
    // Every request comes from 127.0.0.1: the per-IP limits would otherwise stop the many registrations here.
    t = await startTestApp({ LOGIN_LIMIT_PER_IP: '1000', MAIL_LIMIT_PER_IP: '1000', MAIL_LIMIT_PER_ADDRESS: '1000' });
    prisma = new PrismaService(t.db.url);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await t.close();
  });

  let n = 0;
  const email = () => `person${++n}-${Date.now()}@verbund.example`;

  async function registered(address = email(), password = PASSWORD): Promise<string> {
    const res = await t.client().graphql(REGISTER, { input: { name: 'Maria Muster', email: address, password } });
    expect(res.errors).toBeUndefined();
    return address;
  }

  async function verified(address = email()): Promise<string> {
    await registered(address);
    const mail = (await t.outbox()).filter((m) => m.to === address).at(-1)!;
    const res = await t.client().graphql('mutation ($t: String!) { verifyEmail(token: $t) }', { t: linkToken(mail.text) });
    expect(res.errors).toBeUndefined();
    return address;
  }

  async function loggedIn(address?: string): Promise<TestClient> {
    const a = await verified(address);
    const c = t.client();
    const res = await c.graphql(LOGIN, { input: { email: a, password: PASSWORD } });
    expect(res.errors).toBeUndefined();
    return c;
  }

  describe('registration', () => {
    it('answers the same for a new and a registered email, mails both, and creates one account', async () => {
      const address = email();
      const first = await t.client().graphql<{ register: string }>(REGISTER, { input: { name: 'A Person', email: address, password: PASSWORD } });
      const second = await t
        .client()
        .graphql<{ register: string }>(REGISTER, { input: { name: 'Someone Else', email: address.toUpperCase(), password: PASSWORD } });
      expect(second.data).toEqual(first.data);
      expect(await prisma.user.count({ where: { email: address } })).toBe(1);
      expect((await t.outbox()).filter((m) => m.to === address).map((m) => m.subject)).toEqual([
        'Verbund: Bitte bestätigen Sie Ihre E-Mail-Adresse',
        'Verbund: Registrierung mit Ihrer Adresse',
      ]);
    });

    it.each([
      ['a short password', { password: 'kurz123' }, /mindestens 10/],
      ['a common password', { password: 'password123' }, /zu verbreitet/],
      ['a password containing the email', { password: 'xmaria.muster2026' }, /zu verbreitet/],
      ['an over-long password', { password: 'x'.repeat(257) }, /höchstens 256/],
      ['a malformed email', { email: 'keine-adresse' }, /gültige E-Mail/],
      ['an empty name', { name: ' ' }, /Namen/],
    ])('refuses %s with BAD_USER_INPUT and creates nothing', async (_, change, message) => {
      const input = { name: 'Maria Muster', email: 'maria.muster@verbund.example', password: PASSWORD, ...change };
      const before = await prisma.user.count();
      const res = await t.client().graphql(REGISTER, { input });
      expect(res.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.message).toMatch(message);
      expect(await prisma.user.count()).toBe(before);
    });

    it('accepts a long passphrase of 128 characters', async () => {
      const res = await t
        .client()
        .graphql(REGISTER, { input: { name: 'Jo Beispiel', email: email(), password: 'Ein langer Satz als Passwort '.repeat(5).slice(0, 128) } });
      expect(res.errors).toBeUndefined();
    });
  });

  describe('email confirmation', () => {
    it('refuses login before confirmation, then works; a used or expired link is refused', async () => {
      const address = await registered();
      const early = await t.client().graphql(LOGIN, { input: { email: address, password: PASSWORD } });
      expect(early.errors![0]!.extensions.code).toBe('FORBIDDEN');

      const token = linkToken((await t.outbox()).filter((m) => m.to === address).at(-1)!.text);
      const verify = (tk: string) => t.client().graphql('mutation ($t: String!) { verifyEmail(token: $t) }', { t: tk });
      expect((await verify(token)).errors).toBeUndefined();
      expect((await verify(token)).errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
      expect((await verify('made-up-token')).errors![0]!.extensions.code).toBe('BAD_USER_INPUT');

      const other = await registered();
      await prisma.emailToken.updateMany({ where: { user: { email: other } }, data: { expiresAt: new Date(Date.now() - 1000) } });
      const expired = linkToken((await t.outbox()).filter((m) => m.to === other).at(-1)!.text);
      expect((await verify(expired)).errors![0]!.message).toMatch(/abgelaufen/);
    });
  });

  describe('login, sessions and logout', () => {
    it('sets an httpOnly SameSite=Lax cookie with a fresh id at every login', async () => {
      const address = await verified();
      const c = t.client();
      const res = await c.graphql(LOGIN, { input: { email: address, password: PASSWORD } });
      const cookie = res.headers.getSetCookie().join(';');
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      const first = c.cookie;
      await c.graphql(LOGIN, { input: { email: address, password: PASSWORD } });
      expect(c.cookie).not.toBe(first);
      expect((await t.client(first).graphql<{ me: unknown }>(ME)).data!.me).toBeNull();
      expect((await c.graphql<{ me: { email: string } }>(ME)).data!.me.email).toBe(address);
    });

    it('says the same for a wrong password and an unknown email', async () => {
      const address = await verified();
      const wrong = await t.client().graphql(LOGIN, { input: { email: address, password: 'Falsches-Passwort-1' } });
      const unknown = await t.client().graphql(LOGIN, { input: { email: email(), password: PASSWORD } });
      expect(wrong.errors![0]).toMatchObject({ message: unknown.errors![0]!.message, extensions: { code: 'UNAUTHENTICATED' } });
    });

    it('a cookie stolen after logout, or tampered with, opens nothing', async () => {
      const c = await loggedIn();
      const stolen = c.cookie!;
      await c.graphql('mutation { logout }');
      expect((await c.graphql<{ me: unknown }>(ME)).data!.me).toBeNull();
      const thief = t.client(stolen);
      expect((await thief.graphql<{ me: unknown }>(ME)).data!.me).toBeNull();
      expect((await thief.graphql('{ myMemberships { id } }')).errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
      const tampered = t.client(`${stolen.slice(0, -2)}xx`);
      expect((await tampered.graphql<{ me: unknown }>(ME)).data!.me).toBeNull();
      const garbled = t.client(`${t.config.session.cookieName}=%E0%A4%A`);
      expect((await garbled.graphql<{ me: unknown }>(ME)).data!.me).toBeNull();
    });

    it('ends a session after the idle timeout', async () => {
      const c = await loggedIn();
      await prisma.session.updateMany({ data: { lastSeenAt: new Date(Date.now() - t.config.session.idleMs - 1000) }, where: {} });
      expect((await c.graphql<{ me: unknown }>(ME)).data!.me).toBeNull();
    });

    it('ends a session at the absolute timeout even while it is in use', async () => {
      const c = await loggedIn();
      await prisma.session.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) }, where: {} });
      expect((await c.graphql<{ me: unknown }>(ME)).data!.me).toBeNull();
    });

    it('logoutEverywhere ends every session of the person', async () => {
      const address = await verified();
      const a = t.client();
      const b = t.client();
      await a.graphql(LOGIN, { input: { email: address, password: PASSWORD } });
      await b.graphql(LOGIN, { input: { email: address, password: PASSWORD } });
      await a.graphql('mutation { logoutEverywhere }');
      expect((await b.graphql<{ me: unknown }>(ME)).data!.me).toBeNull();
      expect((await t.client().graphql('mutation { logoutEverywhere }')).errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('brute force', () => {
    it('lets no more than five of many parallel guesses through to the password check', async () => {
      const address = await verified();
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => t.client().graphql(LOGIN, { input: { email: address, password: `Parallel-${i}-Falsch` } })),
      );
      const codes = results.map((r) => r.errors![0]!.extensions.code);
      expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(5);
      expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS').length).toBeGreaterThanOrEqual(7);
    });

    it('answers 429 with Retry-After after five failures, even with the right password then', async () => {
      const address = await verified();
      for (let i = 0; i < 5; i++) {
        const res = await t.client().graphql(LOGIN, { input: { email: address, password: `Falsch-${i}-Passwort` } });
        expect(res.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
      }
      const blocked = await t.client().graphql(LOGIN, { input: { email: address, password: PASSWORD } });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(blocked.errors![0]!.extensions.code).toBe('TOO_MANY_REQUESTS');
    });
  });

  describe('per-IP throttling', () => {
    it('blocks an address that guesses across many accounts', async () => {
      const ipLimited = await startTestApp({ LOGIN_LIMIT_PER_IP: '3' });
      try {
        const codes: string[] = [];
        for (let i = 0; i < 5; i++) {
          const res = await ipLimited.client().graphql(LOGIN, { input: { email: `konto${i}@verbund.example`, password: 'Irgendwas-Falsches-1' } });
          codes.push(res.errors![0]!.extensions.code);
        }
        expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
      } finally {
        await ipLimited.close();
      }
    });
  });

  describe('passwords', () => {
    it('resets by mail (same answer for unknown emails), ending every session', async () => {
      const address = await verified();
      const old = t.client();
      await old.graphql(LOGIN, { input: { email: address, password: PASSWORD } });
      const feed = (await old.graphql<{ myCalendarFeedUrl: string }>('{ myCalendarFeedUrl }')).data!.myCalendarFeedUrl.replace(/^https?:\/\/[^/]+/, t.url);
      expect((await fetch(feed)).status).toBe(200);
      // What a login that checked the old password just before the reset read.
      const before = await prisma.user.findUniqueOrThrow({ where: { email: address } });
      const known = await t.client().graphql<{ requestPasswordReset: string }>('mutation ($e: String!) { requestPasswordReset(email: $e) }', { e: address });
      const unknown = await t.client().graphql<{ requestPasswordReset: string }>('mutation ($e: String!) { requestPasswordReset(email: $e) }', { e: email() });
      expect(unknown.data).toEqual(known.data);
      const mail = await eventually(async () => (await t.outbox()).find((m) => m.to === address && /Passwort zurücksetzen/.test(m.subject)));
      const token = linkToken(mail.text);
      const reset = (newPassword: string) =>
        t.client().graphql('mutation ($i: ResetPasswordInput!) { resetPassword(input: $i) }', { i: { token, newPassword } });
      expect((await reset('neu')).errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
      expect((await reset('Neues-Sicheres-Passwort-9')).errors).toBeUndefined();
      expect((await reset('Noch-Ein-Passwort-99')).errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
      expect((await old.graphql<{ me: unknown }>(ME)).data!.me).toBeNull();
      // That login, finishing after the reset, gets no session; nor does the old calendar address answer.
      const request = { ip: '127.0.0.1', headers: {} } as FastifyRequest;
      expect(await t.app.get(SessionsService).start(before.id, request, {} as FastifyReply, before.passwordHash)).toBe(false);
      expect(await prisma.session.count({ where: { userId: before.id } })).toBe(0);
      expect((await fetch(feed)).status).toBe(404);
      expect((await t.client().graphql(LOGIN, { input: { email: address, password: 'Neues-Sicheres-Passwort-9' } })).errors).toBeUndefined();
    });

    it('changes the password: wrong current refused; other sessions end, this one goes on', async () => {
      const address = await verified();
      const here = t.client();
      const elsewhere = t.client();
      await here.graphql(LOGIN, { input: { email: address, password: PASSWORD } });
      await elsewhere.graphql(LOGIN, { input: { email: address, password: PASSWORD } });
      const change = (currentPassword: string) =>
        here.graphql('mutation ($i: ChangePasswordInput!) { changePassword(input: $i) }', { i: { currentPassword, newPassword: 'Ganz-Anderes-Passwort-5' } });
      expect((await change('Nicht-Das-Alte-1')).errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
      expect((await change(PASSWORD)).errors).toBeUndefined();
      expect((await here.graphql<{ me: { email: string } }>(ME)).data!.me.email).toBe(address);
      expect((await elsewhere.graphql<{ me: unknown }>(ME)).data!.me).toBeNull();
    });
  });

  describe('changing the email address', () => {
    const REQUEST = 'mutation ($i: RequestEmailChangeInput!) { requestEmailChange(input: $i) }';
    const CONFIRM = 'mutation ($t: String!) { confirmEmailChange(token: $t) }';

    it('changes only once the link to the new address is followed; wrong password and taken addresses refused quietly', async () => {
      const old = email();
      const c = await loggedIn(old);
      expect((await c.graphql(REQUEST, { i: { newEmail: email(), password: 'Falsches-Passwort-1' } })).errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
      expect((await c.graphql(REQUEST, { i: { newEmail: 'kaputt', password: PASSWORD } })).errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
      expect((await t.client().graphql(REQUEST, { i: { newEmail: email(), password: PASSWORD } })).errors![0]!.extensions.code).toBe('UNAUTHENTICATED');

      const taken = await verified();
      const quiet = await c.graphql<{ requestEmailChange: string }>(REQUEST, { i: { newEmail: taken, password: PASSWORD } });
      const fresh = email();
      const real = await c.graphql<{ requestEmailChange: string }>(REQUEST, { i: { newEmail: fresh, password: PASSWORD } });
      expect(quiet.data).toEqual(real.data);
      expect((await c.graphql<{ me: { email: string } }>(ME)).data!.me.email).toBe(old);
      expect((await t.outbox()).some((m) => m.to === old && /Änderung/.test(m.subject))).toBe(true);

      const token = linkToken((await t.outbox()).filter((m) => m.to === fresh).at(-1)!.text);
      expect((await t.client().graphql(CONFIRM, { t: token })).errors).toBeUndefined();
      expect((await c.graphql<{ me: { email: string } }>(ME)).data!.me.email).toBe(fresh);
      expect((await t.client().graphql(CONFIRM, { t: token })).errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
      expect((await t.client().graphql(LOGIN, { input: { email: fresh, password: PASSWORD } })).errors).toBeUndefined();
    });

    it('a password change voids a pending email-change link (someone with the old password cannot finish it)', async () => {
      const c = await loggedIn();
      const target = email();
      await c.graphql(REQUEST, { i: { newEmail: target, password: PASSWORD } });
      const token = linkToken((await t.outbox()).filter((m) => m.to === target).at(-1)!.text);
      await c.graphql('mutation ($i: ChangePasswordInput!) { changePassword(input: $i) }', {
        i: { currentPassword: PASSWORD, newPassword: 'Neu-Und-Sicher-2026' },
      });
      expect((await t.client().graphql(CONFIRM, { t: token })).errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('sockets and logout', () => {
    const connect = (cookie?: string) =>
      new Promise<{ socket: Socket<ServerToClientEvents, ClientToServerEvents>; welcome: WelcomePayload }>((resolve, reject) => {
        const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(t.url, {
          path: SOCKET_PATH,
          transports: ['websocket'],
          reconnection: false,
          extraHeaders: cookie ? { cookie } : {},
        });
        socket.once('system:welcome', (welcome) => resolve({ socket, welcome }));
        socket.once('connect_error', reject);
      });

    it('authenticates the handshake from the session cookie and is closed by logoutEverywhere', async () => {
      const c = await loggedIn();
      const { socket, welcome } = await connect(c.cookie);
      expect(welcome.authenticated).toBe(true);
      const closed = new Promise((resolve) => socket.once('disconnect', resolve));
      await c.graphql('mutation { logoutEverywhere }');
      await closed;
      const again = await connect(c.cookie);
      expect(again.welcome.authenticated).toBe(false);
      again.socket.close();
    });

    it('logout closes the sockets of that session only', async () => {
      const address = await verified();
      const here = t.client();
      const there = t.client();
      await here.graphql(LOGIN, { input: { email: address, password: PASSWORD } });
      await there.graphql(LOGIN, { input: { email: address, password: PASSWORD } });
      const mine = await connect(here.cookie);
      const other = await connect(there.cookie);
      const closed = new Promise((resolve) => mine.socket.once('disconnect', resolve));
      await here.graphql('mutation { logout }');
      await closed;
      expect(other.socket.connected).toBe(true);
      const stillThere = await new Promise<unknown>((resolve) => other.socket.emit('system:ping', { sentAt: new Date().toISOString() }, resolve));
      expect(stillThere).toMatchObject({ ok: true });
      other.socket.close();
    });
  });

  describe('audit log', () => {
    it('records security events without passwords or tokens', async () => {
      const events = await prisma.auditEvent.findMany();
      const types = new Set(events.map((e) => e.type));
      for (const type of ['REGISTERED', 'EMAIL_VERIFIED', 'LOGIN', 'LOGIN_FAILED', 'LOGOUT', 'LOGOUT_EVERYWHERE', 'PASSWORD_RESET', 'PASSWORD_CHANGED']) {
        expect(types).toContain(type);
      }
      const text = JSON.stringify(events);
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toMatch(/token/i);
    });
  });
});
