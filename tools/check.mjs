// `node ../../tools/check.mjs <target> <command…>`: runs a project's lint or typecheck command and records
// whether it passed in .test-results/checks/, so that `npm test` counts it in its closing line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [target, command, ...args] = process.argv.slice(2);
if (!target || !command) {
  console.error('usage: node tools/check.mjs <target> <command> [args…]');
  process.exit(2);
}
const project = JSON.parse(fs.readFileSync('package.json', 'utf8')).name;
const run = spawnSync(command, args, { stdio: 'inherit', shell: false });
// The path Nx restores from its cache as this target's output ({projectName}.{target}.json).
const file = path.join(import.meta.dirname, '..', '.test-results', 'checks', `${project}.${target}.json`);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, JSON.stringify({ project, target, ok: run.status === 0 }));
process.exit(run.status ?? 1);
