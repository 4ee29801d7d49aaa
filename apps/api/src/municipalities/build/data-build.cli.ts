import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildBundle, findOfficialFiles, writeBundle } from './build-bundle.js';

const REPOSITORY_BUNDLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '..', 'data', 'municipalities');

/**
 * `npm run data:build -- --from DIR [--to DIR]`: rebuilds the directory bundle (default: the repository's
 * `data/municipalities`) from the official downloads in DIR (`destatis/`, `bkg-vg5000/`, `crosswalks/`).
 */
async function main() {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
  if (!values.from) throw new Error('Usage: npm run data:build -- --from DIR [--to DIR]');
  const started = Date.now();
  const bundle = await buildBundle(findOfficialFiles(values.from));
  const to = values.to ?? REPOSITORY_BUNDLE;
  writeBundle(bundle, to);
  console.log(`bundle written to ${to} in ${Date.now() - started} ms:`);
  console.log(JSON.stringify(bundle.stats, null, 1));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
