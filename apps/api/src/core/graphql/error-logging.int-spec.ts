import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createUser, signIn } from '../../../test/support/factories.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { PrismaService } from '../database/prisma.service.js';

const NOBODY = '00000000-0000-4000-8000-000000000000';

/** Refusals are answers, not faults: an operator's error log holds what needs looking at, and nothing else. */
describe('errors in the log', () => {
  let t: TestApp;
  const lines: string[] = [];
  const errorLines = () => lines.map((l) => JSON.parse(l) as { level: number; msg?: string }).filter((l) => l.level >= 50);

  beforeAll(async () => {
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    t = await startTestApp({ LOG_LEVEL: 'info' }, { logger: pino({ level: 'info' }, sink) });
  });
  afterAll(async () => t.close());

  it('a refused, unknown or malformed request writes no error line', async () => {
    const user = await createUser(t.app.get(PrismaService));
    const member = await signIn(t, user.email);
    const codes = [
      (await t.graphql('{ notifications { totalCount } }')).errors?.[0]?.extensions.code,
      (await member.graphql(`{ event(id: "${NOBODY}") { id } }`)).errors?.[0]?.extensions.code,
      (await t.graphql('{ municipality(ags: "abc") { name } }')).errors?.[0]?.extensions.code,
    ];
    expect(codes).toEqual(['UNAUTHENTICATED', 'NOT_FOUND', 'BAD_USER_INPUT']);
    expect(errorLines()).toEqual([]);
  });

  it('a REST route still answers a refusal with its code', async () => {
    const res = await fetch(`${t.url}/materials/${NOBODY}/versions/1/download`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
    expect(errorLines()).toEqual([]);
  });
});
