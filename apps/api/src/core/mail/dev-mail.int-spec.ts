import { startTestApp, type TestApp } from '../../../test/support/test-app.js';

const REGISTER = 'mutation { register(input: { name: "Max Mail", email: "max@verbund.example", password: "Ein-Gutes-Passwort-9" }) }';

describe('the development outbox at /dev/mail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('lists every mail and shows its text', async () => {
    await t.graphql(REGISTER);
    const list = await (await fetch(`${t.url}/dev/mail`)).text();
    expect(list).toContain('Bitte bestätigen Sie Ihre E-Mail-Adresse');
    const href = /href="(\/dev\/mail\/[^"]+)"/.exec(list)![1]!;
    const mail = await (await fetch(`${t.url}${href}`)).text();
    expect(mail).toMatch(/An: max@verbund\.example/);
    expect(mail).toMatch(/email-bestaetigen\?token=/);
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
