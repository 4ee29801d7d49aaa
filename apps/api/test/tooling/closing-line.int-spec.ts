import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'tools', 'prove-closing-line.mjs');

describe("npm test's closing line", () => {
  it('counts an aborted browser run, a spec that does not load, a failing test (with its cause) and committed focused tests as failures', () => {
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('counted as passed: control');
    expect(run.stdout.match(/^counted as failed: /gm)).toHaveLength(5);
    expect(run.stdout).not.toContain('WRONG');
    expect(run.status).toBe(0);
  }, 60_000);
});
