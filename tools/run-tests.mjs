// `npm test`: every suite of every project through Nx, then one closing line `N passed, N failed` over all
// of them (Jest and Playwright results are read from .test-results/). A project whose tests could not run
// at all counts as one failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const RESULTS = path.resolve('.test-results');
const SUITES = { api: 'jest', web: 'jest', e2e: 'playwright' };
const ci = process.env.CI === 'true' || process.env.CI === '1';

fs.rmSync(RESULTS, { recursive: true, force: true });
fs.mkdirSync(RESULTS, { recursive: true });

const args = ['nx', 'run-many', '-t', 'test', '--output-style=static', ...(ci ? ['--skip-nx-cache'] : []), ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit' });

let passed = 0;
let failed = 0;
for (const [suite, kind] of Object.entries(SUITES)) {
  const file = path.join(RESULTS, `${suite}.json`);
  if (!fs.existsSync(file)) {
    console.error(`${suite}: no results (the suite did not run)`);
    failed += 1;
    continue;
  }
  const result = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (kind === 'jest') {
    passed += result.numPassedTests;
    failed += result.numFailedTests + result.numRuntimeErrorTestSuites;
  } else {
    passed += result.stats.expected + result.stats.flaky;
    failed += result.stats.unexpected;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
