import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres.js';

const launcher = path.join(path.dirname(fileURLToPath(import.meta.url)), 'embedded-postgres.js');

/** A zombie counts as gone: in a container the orphan's new parent may never reap it. */
function isAlive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-embedded-'));
    fs.chmodSync(dir, 0o755);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('recovers by itself when the app was killed with SIGKILL and left its server behind', async () => {
    const dataDir = path.join(dir, 'pg');
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import('${launcher}').then(async (m) => { const s = await m.startEmbeddedPostgres({ dataDir: '${dataDir}', durable: false }); console.log('postmaster=' + s.pid); })`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const orphanPid = await new Promise<number>((resolve) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const match = /postmaster=(\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(isAlive(orphanPid)).toBe(true);

    const server = await startEmbeddedPostgres({ dataDir, durable: false });
    try {
      expect(server.recoveredStale).toBe(true);
      expect(isAlive(orphanPid)).toBe(false);
      expect(await selectOne(server.url)).toBe(1);
    } finally {
      await server.stop();
      fs.rmSync(server.dataDir, { recursive: true, force: true });
    }
  });

  it('stops the server when asked, and keeps the data for the next start', async () => {
    const dataDir = path.join(dir, 'persist');
    const first = await startEmbeddedPostgres({ dataDir, durable: false });
    const admin = new pg.Client({ connectionString: first.url });
    await admin.connect();
    await admin.query('CREATE DATABASE kept');
    await admin.end();
    await first.stop();
    expect(isAlive(first.pid)).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir, durable: false });
    try {
      const client = new pg.Client({ connectionString: second.url });
      await client.connect();
      const { rows } = await client.query("SELECT 1 FROM pg_database WHERE datname = 'kept'");
      await client.end();
      expect(rows).toHaveLength(1);
    } finally {
      await second.stop();
      fs.rmSync(second.dataDir, { recursive: true, force: true });
    }
  });
});
