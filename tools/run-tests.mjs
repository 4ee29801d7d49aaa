// `npm test`: lint and typecheck of every project, then every test suite, through Nx; then one closing line
// `N passed, N failed` over all of them (tools/test-results.mjs counts; skipped tests are on the line before,
// because CI reads the closing line in exactly that form). Anything that did not run, or ran wrongly, is a failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { summarise } from './test-results.mjs';

const root = path.resolve(import.meta.dirname, '..');
const resultsDir = path.join(root, '.test-results');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const allowlist = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'skip-allowlist.json'), 'utf8'));

fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });

const nx = (targets, options = []) =>
  spawnSync('npx', ['nx', 'run-many', '-t', ...targets, ...options, '--output-style=static', ...(ci ? ['--skip-nx-cache'] : []), ...process.argv.slice(2)], {
    stdio: 'inherit',
    cwd: root,
  }).status ?? 1;

// Checks first, then one suite after the other: on two cores the browser suites beside the API suites made
// flows that take a second alone run into their timeouts. The suites run either way.
const checks = nx(['lint', 'typecheck']);
const tests = nx(['test'], ['--parallel=1']);

const { passed, failed, skipped, problems } = summarise({
  root,
  resultsDir,
  suites: { api: 'jest', web: 'jest', e2e: 'playwright' },
  ci,
  exitStatus: checks || tests,
  allowlist,
});
for (const problem of problems) console.error(problem.startsWith(' ') ? problem : `FAILED ${problem}`);
console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && checks === 0 && tests === 0 ? 0 : 1);
