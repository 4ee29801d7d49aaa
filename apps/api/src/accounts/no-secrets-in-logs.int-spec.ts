import { Writable } from 'node:stream';
import { pino } from 'pino';
import { eventually } from '../../test/support/eventually.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { loadConfig } from '../core/config/config.js';
import { createServer } from '../server.js';

const PASSWORD = 'Geheimes-Passwort-Im-Log-7';

describe('no passwords, tokens or session ids in the logs', () => {
  let db: TestDatabase;
  let lines: string[];
  let close: () => Promise<void>;
  let url: string;
  let mailDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    lines = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    mailDir = `/tmp/verbund-mail-logs-${process.pid}`;
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'trace', VERBUND_MAIL_DIR: mailDir });
    const app = await createServer(config, db.url, pino({ level: 'trace' }, sink));
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    close = async () => {
      await app.close();
      await db.drop();
    };
  });
  afterAll(async () => close());

  it('even at trace level, through registration, confirmation, failed and good logins and bad input', async () => {
    const post = async (query: string, variables: Record<string, unknown>, cookie?: string) => {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { res, body: (await res.json()) as { errors?: unknown[] } };
    };
    const email = 'log-test@verbund.example';
    await post('mutation ($i: RegisterInput!) { register(input: $i) }', { i: { name: 'Lotte Log', email, password: PASSWORD } });
    const fs = await import('node:fs');
    // The mail leaves through the job queue a moment later.
    const file = await eventually(() => fs.existsSync(mailDir) && fs.readdirSync(mailDir).find((f) => f.endsWith('.json')), 'the confirmation mail', 10_000);
    const mail = JSON.parse(fs.readFileSync(`${mailDir}/${file}`, 'utf8')) as { text: string };
    const token = /token=([\w-]+)/.exec(mail.text)![1]!;
    await post('mutation ($t: String!) { verifyEmail(token: $t) }', { t: token });
    await post('mutation ($i: LoginInput!) { login(input: $i) { id } }', { i: { email, password: `${PASSWORD}x` } });
    const good = await post('mutation ($i: LoginInput!) { login(input: $i) { id } }', { i: { email, password: PASSWORD } });
    const cookie = good.res.headers.getSetCookie()[0]!.split(';')[0]!;
    await post('{ me { id } }', {}, cookie);
    await post('mutation ($i: RegisterInput!) { register(input: $i) }', { i: { name: 'x', email: 'bad', password: 'kurz' } });

    const log = lines.join('');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(PASSWORD);
    expect(log).not.toContain(token);
    expect(log).not.toContain(cookie.split('=')[1]!);
    fs.rmSync(mailDir, { recursive: true, force: true });
  });
});

describe('session cookie in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(async () => t.close());

  it('is __Host- prefixed, Secure, httpOnly and SameSite=Lax', async () => {
    const { createUser, signIn } = await import('../../test/support/factories.js');
    const { PrismaService } = await import('../core/database/prisma.service.js');
    const prisma = new PrismaService(t.db.url);
    const user = await createUser(prisma);
    const client = await signIn(t, user.email);
    expect(client.cookie).toMatch(/^__Host-verbund_session=/);
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($i: LoginInput!) { login(input: $i) { id } }',
        variables: { i: { email: user.email, password: 'Korrekt-Pferd-Batterie-42' } },
      }),
    });
    const header = res.headers.getSetCookie().join(';');
    expect(header).toMatch(/Secure/);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).toMatch(/Path=\//);
    await prisma.$disconnect();
  });
});
