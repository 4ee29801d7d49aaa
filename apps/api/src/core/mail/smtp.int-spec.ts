import net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { eventually } from '../../../test/support/eventually.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { PrismaService } from '../database/prisma.service.js';
import { JobsService } from '../jobs/jobs.service.js';

interface Received {
  to: string[];
  data: string;
}

/** A real SMTP server on `port` (0: any free one) that records what it receives. */
async function startSmtp(received: Received[], port = 0): Promise<{ server: SMTPServer; port: number; stop(): Promise<void> }> {
  const server = new SMTPServer({
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
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    server,
    port: (server.server.address() as net.AddressInfo).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const register = (t: TestApp, email: string) =>
  t.graphql(`mutation { register(input: { name: "Sam Smtp", email: "${email}", password: "Ein-Gutes-Passwort-9" }) }`);

describe('mail through SMTP when SMTP_URL is set (against a real SMTP server)', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const received: Received[] = [];

  beforeAll(async () => {
    smtp = await startSmtp(received);
    t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('delivers the confirmation mail to the server and writes nothing to the outbox', async () => {
    await register(t, 'sam@verbund.example');
    const [mail] = await eventually(() => received.length > 0 && received, 'the mail at the SMTP server', 10_000);
    expect(mail!.to).toEqual(['sam@verbund.example']);
    // The subject is MIME-encoded (umlauts); the link in the body is plain enough to find.
    expect(mail!.data).toMatch(/^Subject: =\?UTF-8\?Q\?Verbund=3A_Bitte_best/m);
    expect(mail!.data.replace(/=\r?\n/g, '')).toMatch(/email-bestaetigen\?token=3D[\w-]+/);
    expect(await t.outbox()).toEqual([]);
  });
});

describe('a mail survives an SMTP outage', () => {
  let t: TestApp;
  let port: number;
  let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
  const received: Received[] = [];

  beforeAll(async () => {
    // A port that was free a moment ago: the mail server is "down" until it starts there.
    const probe = await startSmtp([]);
    port = probe.port;
    await probe.stop();
    t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_RETRY_DELAY_SECONDS: '1' });
  });
  afterAll(async () => {
    await t.close();
    await smtp?.stop();
  });

  it('keeps trying while the server is down and delivers once when it is back, exactly once', async () => {
    expect((await register(t, 'ausfall@verbund.example')).errors).toBeUndefined();
    const jobs = t.app.get(JobsService);
    const prisma = t.app.get(PrismaService);
    // Tried and failed at least once: the job waits for its retry.
    await eventually(
      async () =>
        ((await prisma.$queryRawUnsafe<{ retry_count: number }[]>(`SELECT retry_count FROM pgboss.job WHERE name = 'mail.send'`))[0]?.retry_count ?? 0) >= 1,
      'a failed first attempt',
      10_000,
    );
    expect(received).toEqual([]);
    smtp = await startSmtp(received, port);
    await eventually(() => received.length > 0, 'the mail after the server came back', 20_000);
    await eventually(async () => (await jobs.pending('mail.send')) === 0, 'the job finished', 5_000);
    expect(received.map((m) => m.to)).toEqual([['ausfall@verbund.example']]);
  });
});
