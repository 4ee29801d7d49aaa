import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { eventually } from '../../../test/support/eventually.js';
import { createTestDatabase } from '../../../test/support/test-database.js';

const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'dist', 'main.js');

/** `npm start` twice in one folder: the second must not take the first one's database away. */
describe('a second start in the same folder', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const running: ChildProcess[] = [];

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-second-start-'));
    fs.chmodSync(dir, 0o755);
    env = {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'info',
      DEMO_DATA: 'false',
      VERBUND_DB_DIR: path.join(dir, 'postgres'),
      VERBUND_DATA_DIR: path.join(dir, 'no-bundle'),
      VERBUND_MAIL_DIR: path.join(dir, 'mail'),
      VERBUND_FILES_DIR: path.join(dir, 'files'),
    };
  });
  afterAll(async () => {
    const alive = running.filter((child) => child.exitCode === null && child.signalCode === null);
    await Promise.all(alive.map((child) => new Promise((resolve) => child.once('exit', resolve).kill('SIGINT'))));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function start(): { child: ChildProcess; url: Promise<string>; exit: Promise<{ code: number | null; stderr: string }> } {
    const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    running.push(child);
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const url = new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (d) => {
        stdout += d;
        const match = /Verbund is running at (http:\/\/[\d.:]+)/.exec(stdout);
        if (match) resolve(match[1]!);
      });
      child.once('exit', () => reject(new Error(`exited before listening: ${stderr}`)));
    });
    url.catch(() => undefined);
    const exit = new Promise<{ code: number | null; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
    return { child, url, exit };
  }

  it('refuses with one line naming the running app, exit code 1, and leaves the first one working', async () => {
    const first = start();
    const url = await first.url;
    const second = start();
    const { code, stderr } = await second.exit;
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(url);
    expect(stderr).toContain(String(first.child.pid));
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const query = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ laender { id } }' }),
    });
    expect(((await query.json()) as { errors?: unknown }).errors).toBeUndefined();

    // Killed hard, the first leaves its database server behind: the next start cleans it up and runs.
    first.child.kill('SIGKILL');
    await first.exit;
    const third = start();
    const thirdUrl = await third.url;
    expect((await fetch(`${thirdUrl}/healthz`)).status).toBe(200);
    third.child.kill('SIGINT');
    expect((await third.exit).code).toBe(0);
  }, 60_000);

  it('a Ctrl-C to the whole process group stops the app first and then its database, without errors', async () => {
    // As a terminal (or Playwright) does: the signal goes to every process of the group.
    const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running.push(child);
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    child.stdout!.on('data', (d) => (stdout += d));
    await eventually(() => /Verbund is running at/.test(stdout), 'the app listening', 30_000);
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    process.kill(-child.pid!, 'SIGINT');
    expect(await exit).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(/terminating connection|"level":50|"level":60/);
  }, 60_000);

  it('stops at once on SIGTERM while its migrations wait for the lock', async () => {
    const db = await createTestDatabase({ from: 'blank' });
    const operator = new pg.Client({ connectionString: db.url });
    await operator.connect();
    try {
      await operator.query('SELECT pg_advisory_lock(72707369)');
      const child = spawn(process.execPath, [main], { env: { ...env, DATABASE_URL: db.url }, stdio: ['ignore', 'pipe', 'pipe'] });
      running.push(child);
      // Started and waiting: its session asks for the lock and is not granted it.
      await eventually(
        async () => {
          const { rows } = await operator.query<{ n: string }>("SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
          return Number(rows[0]!.n) > 0;
        },
        'the start waiting for the migration lock',
        20_000,
      );
      expect(child.exitCode).toBeNull();
      const stopped = Date.now();
      const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(Date.now() - stopped).toBeLessThan(5000);
    } finally {
      await operator.end();
      await db.drop();
    }
  }, 30_000);
});
