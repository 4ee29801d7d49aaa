// Runs the browser tests when Chromium is there. Outside CI a missing Chromium skips them with one line;
// under CI=true it is a failure. The app under test gets a database directory of its own.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

process.chdir(path.dirname(fileURLToPath(import.meta.url)));

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const resultsFile = path.resolve('../../.test-results/e2e.json');
const ci = process.env.CI === 'true' || process.env.CI === '1';

function writeResult(result) {
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.writeFileSync(resultsFile, JSON.stringify(result));
}

/** A free loopback port for the app under test: a fixed one collides with anything else on a shared machine. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

if (!fs.existsSync(chromium)) {
  const reason = `browser tests: Chromium not found at ${chromium} (install Debian's chromium or set CHROMIUM_PATH)`;
  if (ci) {
    console.error(`FAILED ${reason}`);
    writeResult({ stats: { expected: 0, unexpected: 0, skipped: 0, flaky: 0 }, errors: [{ message: reason }] });
    process.exit(1);
  }
  // The one documented local skip: counted as skipped, not as a run without tests.
  console.log(`skipped ${reason}`);
  writeResult({ stats: { expected: 0, unexpected: 0, skipped: 0, flaky: 0 }, localSkip: true });
  process.exit(0);
}

const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-e2e-'));
fs.chmodSync(dbDir, 0o755);
fs.rmSync(resultsFile, { force: true });
const port = process.env.E2E_PORT ?? String(await freePort());
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, E2E_DB_DIR: path.join(dbDir, 'postgres'), E2E_PORT: port },
});
fs.rmSync(dbDir, { recursive: true, force: true });
if (!fs.existsSync(resultsFile)) {
  writeResult({ stats: { expected: 0, unexpected: 0, skipped: 0, flaky: 0 }, errors: [{ message: `Playwright wrote no results (exit ${result.status})` }] });
}
process.exit(result.status ?? 1);
