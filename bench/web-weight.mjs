// `npm run bench:weight`: gzip JavaScript each route needs before it can show, from the production build's Vite
// manifest: the entry with everything it imports statically, plus what the build lists for the route (its page
// chunk with its static imports and, for a page rendered inside Apollo, Apollo and the feature texts). Chunks
// loaded only later (the other language, the socket.io client, the map) are listed apart. Builds first.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { machine } from './lib.mjs';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'apps/web/dist');
execFileSync('npx', ['nx', 'run', '@verbund/web:build', '--output-style=static'], { cwd: root, stdio: 'ignore' });
const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
// Each route's page chunks beyond the shell, as the build lists them for the server to announce.
const pageRoutes = JSON.parse(fs.readFileSync(path.join(dist, '.vite/routes.json'), 'utf8'));
const gz = (file) => fs.statSync(path.join(dist, `${file}.gz`), { throwIfNoEntry: false })?.size ?? fs.statSync(path.join(dist, file)).size;

function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) closure(dep, seen);
  return seen;
}
const scripts = (keys) => [...keys].filter((k) => manifest[k].file.endsWith('.js'));
const bytes = (keys) => scripts(keys).reduce((sum, k) => sum + gz(manifest[k].file), 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

const entry = closure('index.html');
const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [`/${chunk.file}`, key]));
const routes = [['/', []], ...pageRoutes.map((r) => [r.path, r.scripts.map((file) => byFile.get(file))])];
console.log(`gzip JavaScript before each route shows (${machine()}, ${new Date().toISOString().slice(0, 10)})\n`);
// Files count too: over HTTP/1.1 a phone fetches six at a time, each after a round trip.
console.log('| route | entry | page | total | script files |');
console.log('|---|---|---|---|---|');
for (const [route, keys] of routes) {
  const own = new Set(keys);
  const files = new Set([...scripts(entry), ...scripts(own)].map((k) => manifest[k].file)).size;
  console.log(`| \`${route}\` | ${kb(bytes(entry))} | ${kb(bytes(own))} | ${kb(bytes(entry) + bytes(own))} | ${files} |`);
}
// What the app itself loads on demand (not the pages, not the development explorer's editor).
const app = new Set([...entry, ...routes.flatMap(([, keys]) => keys)]);
const later = new Set([...app].flatMap((k) => manifest[k].dynamicImports ?? []).filter((k) => !k.startsWith('src/pages/')));
console.log('\nloaded after the first render, when needed:');
for (const key of later) console.log(`  ${key}: ${kb(bytes(new Set([...closure(key)].filter((k) => !entry.has(k)))))}`);
