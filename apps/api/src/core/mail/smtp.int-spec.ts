import net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';

describe('mail through SMTP when SMTP_URL is set (against a real SMTP server)', () => {
  let t: TestApp;
  let server: SMTPServer;
  const received: { to: string[]; data: string }[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as net.AddressInfo;
    t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers the confirmation mail to the server and writes nothing to the outbox', async () => {
    await t.graphql('mutation { register(input: { name: "Sam Smtp", email: "sam@verbund.example", password: "Ein-Gutes-Passwort-9" }) }');
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['sam@verbund.example']);
    // The subject is MIME-encoded (umlauts); the link in the body is plain enough to find.
    expect(received[0]!.data).toMatch(/^Subject: =\?UTF-8\?Q\?Verbund=3A_Bitte_best/m);
    expect(received[0]!.data.replace(/=\r?\n/g, '')).toMatch(/email-bestaetigen\?token=3D[\w-]+/);
    expect(t.outbox()).toEqual([]);
  });
});
