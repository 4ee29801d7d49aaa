import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createUser } from '../../../test/support/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { PrismaService } from '../../core/database/prisma.service.js';

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/accounts/cli/admin-create.cli.js');

describe('npm run admin:create', () => {
  let db: TestDatabase;
  let prisma: PrismaService;
  let mailDir: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = new PrismaService(db.url);
    mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-admin-mail-'));
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
    fs.rmSync(mailDir, { recursive: true, force: true });
  });

  const run = (...args: string[]) =>
    spawnSync(process.execPath, [cli, ...args], {
      env: { ...process.env, DATABASE_URL: db.url, VERBUND_MAIL_DIR: mailDir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 30000,
    });

  it('creates a platform admin who sets the password through a mailed link, never shown on screen', () => {
    const result = run('--email', 'Erste.Admin@Landkreis.example', '--name', 'Erika Erste');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/erste\.admin@landkreis\.example created as platform admin/);
    expect(result.stdout).not.toMatch(/token=/);
    const mails = fs.readdirSync(mailDir).filter((f) => f.endsWith('.json'));
    expect(mails).toHaveLength(1);
    expect(fs.readFileSync(path.join(mailDir, mails[0]!), 'utf8')).toMatch(/passwort-zuruecksetzen\?token=/);
  });

  it('promotes an existing person, audited', async () => {
    const user = await createUser(prisma);
    const result = run('--email', user.email);
    expect(result.status).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).platformRole).toBe('ADMIN');
    expect(await prisma.auditEvent.count({ where: { type: 'ROLE_CHANGED', subjectId: user.id } })).toBe(1);
  });

  it('refuses a missing or malformed address with one line and exit code 1', () => {
    for (const args of [[], ['--email', 'kaputt']]) {
      const result = run(...args);
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
