import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import os from 'node:os';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createServer } from '../../server.js';
import { loadConfig } from '../config/config.js';

const REGISTER = 'mutation { register(input: { name: "Max Mail", email: "max@verbund.example", password: "Ein-Gutes-Passwort-9" }) }';

describe('the development outbox at /dev/mail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('lists every mail and shows its text', async () => {
    await t.graphql(REGISTER);
    await t.outbox();
    const page = await fetch(`${t.url}/dev/mail`);
    expect(page.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'");
    const list = await page.text();
    expect(list).toContain('Bitte bestätigen Sie Ihre E-Mail-Adresse');
    const href = /href="(\/dev\/mail\/[^"]+)"/.exec(list)![1]!;
    const mail = await (await fetch(`${t.url}${href}`)).text();
    expect(mail).toMatch(/An: max@verbund\.example/);
    expect(mail).toMatch(/email-bestaetigen\?token=/);
  });

  it('does not answer a request a proxy forwarded from elsewhere', async () => {
    await t.graphql(REGISTER);
    const list = await fetch(`${t.url}/dev/mail`, { headers: { 'x-forwarded-for': '203.0.113.7', accept: 'application/json' } });
    expect(list.status).toBe(404);
    expect(await list.text()).not.toContain('bestätigen');
    const forwarded = await fetch(`${t.url}/dev/mail`, { headers: { forwarded: 'for=203.0.113.7', accept: 'application/json' } });
    expect(forwarded.status).toBe(404);
  });
});

describe('/dev/mail reached over the network', () => {
  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i && !i.internal && i.family === 'IPv4')?.address;
  let t: TestApp;
  let app: NestFastifyApplication | undefined;
  beforeAll(async () => {
    t = await startTestApp();
    if (!external) return;
    app = await createServer(loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', VERBUND_MAIL_DIR: t.config.mail.outboxDir }), t.db.url);
    await app.listen(0, '0.0.0.0');
  });
  afterAll(async () => {
    await app?.close();
    await t.close();
  });

  it('answers 404 to a client on another address, and the outbox stays private', async () => {
    // Every machine this runs on has a non-loopback interface; without one there is no network to test.
    expect(external).toBeDefined();
    await t.graphql(REGISTER);
    await t.outbox();
    const port = (app!.getHttpServer().address() as { port: number }).port;
    const res = await fetch(`http://${external}:${port}/dev/mail`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(404);
    const local = await fetch(`http://127.0.0.1:${port}/dev/mail`);
    expect(await local.text()).toContain('bestätigen');
  });
});

describe('/dev/mail in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(async () => t.close());

  it('does not exist', async () => {
    await t.graphql(REGISTER);
    expect((await fetch(`${t.url}/dev/mail`, { headers: { accept: 'application/json' } })).status).toBe(404);
  });
});
