// Reads what every suite left in .test-results/ and counts it honestly: a suite that did not run, a run that
// aborted before its tests, a check (lint, typecheck) that failed, and under CI a skipped test that is not
// allowed, are failures. Used by run-tests.mjs and by the test that proves the closing line (prove-closing-line.mjs).
import fs from 'node:fs';
import path from 'node:path';

const WORKSPACES = ['apps', 'libs'];

/** Every project's lint and typecheck, from the workspaces' package.json scripts. */
export function expectedChecks(root) {
  return WORKSPACES.flatMap((folder) =>
    fs
      .readdirSync(path.join(root, folder), { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, folder, d.name, 'package.json')))
      .flatMap((d) => {
        const pkg = JSON.parse(fs.readFileSync(path.join(root, folder, d.name, 'package.json'), 'utf8'));
        return ['lint', 'typecheck'].filter((t) => pkg.scripts?.[t]).map((target) => ({ project: pkg.name, target }));
      }),
  );
}

function playwrightTests(suites, file = '') {
  return (suites ?? []).flatMap((suite) => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests.map((test) => ({
        file: spec.file ?? suite.file ?? file,
        title: spec.title,
        status: test.status,
        error: test.results?.find((r) => r.error)?.error?.message,
      })),
    ),
    ...playwrightTests(suite.suites, suite.file ?? file),
  ]);
}

/** The first lines of a failure, without colours: the closing lines are often all that is left of a CI run. */
function firstLines(message, n = 4) {
  if (!message) return [];
  return (
    String(message)
      // eslint-disable-next-line no-control-regex
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      .map((line) => line.trimEnd())
      .filter(Boolean)
      .slice(0, n)
      .map((line) => `      ${line}`)
  );
}

function isAllowedSkip(allowlist, file, title) {
  return allowlist.some((entry) => file.endsWith(entry.file) && (!entry.title || title.includes(entry.title)));
}

/**
 * @param {{ root: string; resultsDir: string; suites: Record<string, 'jest' | 'playwright'>; ci: boolean; exitStatus: number; allowlist: { file: string; title?: string; reason: string }[] }} options
 * @returns {{ passed: number; failed: number; skipped: number; problems: string[] }}
 */
export function summarise({ root, resultsDir, suites, ci, exitStatus, allowlist }) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const problems = [];
  const fail = (message, n = 1) => {
    failed += n;
    problems.push(message);
  };

  for (const { project, target } of expectedChecks(root)) {
    const file = path.join(resultsDir, 'checks', `${project}.${target}.json`);
    if (!fs.existsSync(file)) fail(`${project} ${target}: did not run`);
    else if (JSON.parse(fs.readFileSync(file, 'utf8')).ok) passed += 1;
    else fail(`${project} ${target}: failed`);
  }

  for (const [suite, kind] of Object.entries(suites)) {
    const file = path.join(resultsDir, `${suite}.json`);
    if (!fs.existsSync(file)) {
      fail(`${suite}: no results (the suite did not run)`);
      continue;
    }
    const result = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (kind === 'jest') {
      passed += result.numPassedTests;
      const failures = result.numFailedTests + result.numRuntimeErrorTestSuites;
      if (failures > 0) fail(`${suite}: ${failures} failed`, failures);
      else if (result.success === false) fail(`${suite}: Jest reported failure (e.g. an open handle or a failed global setup)`);
      for (const r of result.testResults ?? []) {
        for (const a of r.assertionResults.filter((x) => x.status === 'failed'))
          problems.push(`  ${path.relative(root, r.name)} › ${a.fullName}`, ...firstLines(a.failureMessages?.[0]));
        if (r.testExecError || (r.status === 'failed' && r.assertionResults.length === 0))
          problems.push(`  ${path.relative(root, r.name)}: the file did not run`);
      }
      for (const test of (result.testResults ?? []).flatMap((r) => r.assertionResults.map((a) => ({ ...a, file: r.name })))) {
        if (test.status !== 'pending' && test.status !== 'todo') continue;
        skipped += 1;
        if (ci && !isAllowedSkip(allowlist, test.file, test.fullName)) fail(`${suite}: skipped without an allowlist entry: ${test.fullName}`);
      }
      continue;
    }
    const stats = result.stats ?? {};
    passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    if (stats.unexpected) fail(`${suite}: ${stats.unexpected} failed`, stats.unexpected);
    for (const test of playwrightTests(result.suites).filter((t) => t.status === 'unexpected'))
      problems.push(`  ${test.file} › ${test.title}`, ...firstLines(test.error));
    for (const error of result.errors ?? []) fail(`${suite}: ${String(error.message ?? error).split('\n')[0]}`);
    const ran = (stats.expected ?? 0) + (stats.unexpected ?? 0) + (stats.flaky ?? 0);
    if (ran === 0 && !result.localSkip) fail(`${suite}: no test ran`);
    if (result.localSkip) skipped += 1;
    for (const test of playwrightTests(result.suites).filter((t) => t.status === 'skipped')) {
      skipped += 1;
      if (ci && !isAllowedSkip(allowlist, test.file, test.title)) fail(`${suite}: skipped without an allowlist entry: ${test.title}`);
    }
  }

  if (exitStatus !== 0 && failed === 0) fail(`a suite exited with status ${exitStatus} without a counted failure`);
  return { passed, failed, skipped, problems };
}
