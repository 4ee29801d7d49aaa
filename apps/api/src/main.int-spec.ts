import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'main.js');

describe('starting the built app with bad configuration', () => {
  it.each([
    ['PORT', 'abc'],
    ['NODE_ENV', 'staging'],
    ['DATABASE_URL', 'mysql://localhost/x'],
  ])('%s=%s: one clear line on stderr and exit code 1', (key, value) => {
    expect(fs.existsSync(main)).toBe(true);
    const result = spawnSync(process.execPath, [main], { env: { ...process.env, [key]: value }, encoding: 'utf8', timeout: 20000 });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^invalid configuration: ${key}=`));
  });
});
