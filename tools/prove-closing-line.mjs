// Proves that runs which went wrong cannot end `npm test` with "0 failed": a Playwright run that aborts before
// its tests, a committed test.only under CI (Playwright and Jest), and a Jest run with nothing but a focused
// test. Each is really run here, in a scratch folder, and its results go through the same counting as
// `npm test` (test-results.mjs). Exit 0 when every case counts as failed. Run by
// apps/api/test/tooling/closing-line.int-spec.ts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { summarise } from './test-results.mjs';

const repo = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(repo, 'node_modules', '.bin', name);

function scratch() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-closing-line-'));
  for (const dir of ['apps', 'libs', 'results']) fs.mkdirSync(path.join(root, dir));
  return root;
}

// Run from inside Jest (the test that runs this script), its variables would make Playwright refuse to start.
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('JEST_')));

function playwrightRun(files, env = {}) {
  const root = scratch();
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, name), text);
  const run = spawnSync(bin('playwright'), ['test', '-c', path.join(root, 'playwright.config.mjs')], {
    cwd: root,
    env: { ...cleanEnv, CI: '', ...env },
    encoding: 'utf8',
  });
  return { root, status: run.status ?? 1, suites: { e2e: 'playwright' } };
}

const config = (extra = '') => `export default {
  testDir: '.', testMatch: '*.e2e.mjs', forbidOnly: Boolean(process.env.CI),
  reporter: [['json', { outputFile: 'results/e2e.json' }]], ${extra}
};`;
const spec = (body) => `import { test, expect } from '${path.join(repo, 'node_modules', '@playwright', 'test', 'index.mjs')}';\n${body}\n`;

/** Each case: how to make the run, and the reason it must be counted as failed (not some other reason). */
const cases = {
  'Playwright aborted before its tests (web server does not start)': [
    /webServer was not able to start/,
    () =>
      playwrightRun({
        'playwright.config.mjs': config(`webServer: { command: 'node -e "process.exit(1)"', url: 'http://127.0.0.1:9/', timeout: 5000 },`),
        'a.e2e.mjs': spec("test('never runs', () => { expect(1).toBe(1); });"),
      }),
  ],
  'Playwright spec that fails to load': [
    /SyntaxError/,
    () => playwrightRun({ 'playwright.config.mjs': config(), 'a.e2e.mjs': spec("test('broken', () => {\n  this is not javascript\n});") }),
  ],
  'Playwright with a committed test.only under CI': [
    /forbidOnly/,
    () =>
      playwrightRun(
        {
          'playwright.config.mjs': config(),
          'a.e2e.mjs': spec("test.only('focused', () => { expect(1).toBe(1); });\ntest('silenced', () => { expect(1).toBe(2); });"),
        },
        { CI: 'true' },
      ),
  ],
  // Often the closing lines are all that is left of a CI run: a failure names its cause there, not only its title.
  'Playwright test that fails, with its cause': [
    /Expected: 2/,
    () => playwrightRun({ 'playwright.config.mjs': config(), 'a.e2e.mjs': spec("test('wrong', () => { expect(1).toBe(2); });") }),
  ],
  'Jest with a committed it.only under CI': [
    /skipped without an allowlist entry/,
    () => {
      const root = scratch();
      fs.writeFileSync(path.join(root, 'jest.config.mjs'), "export default { testMatch: ['**/*.test.mjs'], transform: {} };\n");
      fs.writeFileSync(path.join(root, 'a.test.mjs'), "it.only('focused', () => { expect(1).toBe(1); });\nit('silenced', () => { expect(1).toBe(2); });\n");
      const run = spawnSync(bin('jest'), ['--json', '--outputFile', path.join(root, 'results', 'unit.json')], {
        cwd: root,
        env: { ...cleanEnv, NODE_OPTIONS: '--experimental-vm-modules' },
        encoding: 'utf8',
      });
      return { root, status: run.status ?? 1, suites: { unit: 'jest' }, ci: true };
    },
  ],
};

// The control: a clean run counts as passed, so the cases above fail for what they do, not for the counting.
const control = playwrightRun({ 'playwright.config.mjs': config(), 'a.e2e.mjs': spec("test('fine', () => { expect(1).toBe(1); });") });
const clean = summarise({
  root: control.root,
  resultsDir: path.join(control.root, 'results'),
  suites: control.suites,
  ci: true,
  exitStatus: control.status,
  allowlist: [],
});
fs.rmSync(control.root, { recursive: true, force: true });
let wrong = clean.passed === 1 && clean.failed === 0 ? 0 : 1;
console.log(`${wrong ? 'WRONG' : 'counted as passed'}: control, a clean Playwright run (${clean.passed} passed, ${clean.failed} failed)`);
for (const [name, [reason, make]] of Object.entries(cases)) {
  const { root, status, suites, ci = false } = make();
  const counted = summarise({ root, resultsDir: path.join(root, 'results'), suites, ci, exitStatus: status, allowlist: [] });
  const ok = counted.failed > 0 && counted.problems.some((p) => reason.test(p));
  if (!ok) wrong += 1;
  console.log(
    `${ok ? 'counted as failed' : 'WRONGLY PASSED'}: ${name} (exit ${status}; ${counted.passed} passed, ${counted.failed} failed; ${counted.problems.join('; ')})`,
  );
  fs.rmSync(root, { recursive: true, force: true });
}
process.exit(wrong === 0 ? 0 : 1);
