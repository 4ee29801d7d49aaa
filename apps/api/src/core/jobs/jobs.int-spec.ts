import net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { eventually } from '../../../test/support/eventually.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { PrismaService } from '../database/prisma.service.js';
import { MAIL_JOB } from '../mail/mail.service.js';
import { JobsService } from './jobs.service.js';

describe('background jobs in PostgreSQL', () => {
  let db: TestDatabase;
  let smtp: SMTPServer;
  let smtpUrl: string;
  const received: string[][] = [];
  const apps: TestApp[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          received.push(session.envelope.rcptTo.map((r) => r.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as net.AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await db.drop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const start = async (role: 'api' | 'worker') => {
    const app = await startTestApp({ VERBUND_ROLE: role, SMTP_URL: smtpUrl }, { sharedDb: db });
    apps.push(app);
    return app;
  };

  it('a job queued by an API process survives its restart and runs once with two workers', async () => {
    const api = await start('api');
    const res = await api.graphql('mutation { register(input: { name: "Rita Restart", email: "rita@verbund.example", password: "Ein-Gutes-Passwort-9" }) }');
    expect(res.errors).toBeUndefined();
    // An API-only process never works jobs: the mail waits in the database.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(received).toEqual([]);
    expect(await api.app.get(JobsService).pending(MAIL_JOB)).toBe(1);
    await api.close();
    apps.splice(apps.indexOf(api), 1);

    const [a, b] = await Promise.all([start('worker'), start('worker')]);
    await eventually(() => received.length > 0, 'the mail delivered by a worker', 10_000);
    await eventually(async () => (await a.app.get(JobsService).pending(MAIL_JOB)) === 0, 'the job finished', 5_000);
    // Both workers polled several times meanwhile: still one delivery.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(received).toEqual([['rita@verbund.example']]);
    expect(await b.app.get(JobsService).pending(MAIL_JOB)).toBe(0);
  });

  it('schedules the hourly upload sweep once for the whole cluster', async () => {
    const rows = await apps[0]!.app
      .get(PrismaService)
      .$queryRawUnsafe<{ name: string; cron: string; timezone: string }[]>(`SELECT name, cron, timezone FROM pgboss.schedule WHERE name = 'uploads.sweep'`);
    expect(rows).toEqual([{ name: 'uploads.sweep', cron: '17 * * * *', timezone: 'Europe/Berlin' }]);
  });
});
