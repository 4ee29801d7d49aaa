import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBundle, readBundleFile } from '../import/bundle.js';
import { type BuiltBundle, buildBundle, findOfficialFiles, writeBundle } from './build-bundle.js';

const REPOSITORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '..');
const COMMITTED = path.join(REPOSITORY, 'data', 'municipalities');
// The official downloads lie beside the checkout (../shared), or where VERBUND_OFFICIAL_DIR says.
const OFFICIAL = process.env.VERBUND_OFFICIAL_DIR ?? path.resolve(REPOSITORY, '..', 'shared', 'data', 'municipalities', 'official');
const present = fs.existsSync(path.join(OFFICIAL, 'destatis'));
if (!present) console.warn(`data:build test skipped: no official files at ${OFFICIAL} (set VERBUND_OFFICIAL_DIR)`);

const committed = (file: string): unknown => JSON.parse(readBundleFile(COMMITTED, file.replace(/\.gz$/, ''))!.toString('utf8'));

(present ? describe : describe.skip)('npm run data:build: the bundle from the official downloads', () => {
  let built: BuiltBundle;
  beforeAll(async () => {
    built = await buildBundle(findOfficialFiles(OFFICIAL));
  });

  it('finds the facts of the directory exactly', () => {
    expect(built.stats).toMatchObject({
      laender: 16,
      kreise: 400,
      kreiseByType: { KREISFREIE_STADT: 106, LANDKREIS: 294 },
      gemeinden: 10_754,
      kreisPairs: 1_040,
      kreisPairsOnTheMap: 1_040,
      gemeindePairs: 30_010,
      gemeindePairsViaGemeindefrei: 912,
      laenderPairs: 29,
      populationTotal: 84_669_326,
    });
  });

  it('reproduces every file of the committed bundle', () => {
    for (const [file, content] of Object.entries(built.files)) {
      expect({ file, content: JSON.parse(JSON.stringify(content)) }).toEqual({ file, content: committed(file) });
    }
  });

  it('writes a bundle the import reads, leaving other files of the folder alone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-bundle-'));
    try {
      fs.writeFileSync(path.join(dir, 'README.md'), 'kept');
      writeBundle(built, dir);
      const bundle = readBundle(dir);
      expect([bundle.kreise.length, bundle.gemeinden.length, bundle.gemeindenAdjacency.length]).toEqual([400, 10_754, 30_010]);
      expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('kept');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('finding the official downloads', () => {
  it('names the folder and the file that is missing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-official-'));
    try {
      expect(() => findOfficialFiles(dir)).toThrow(`${path.join(dir, 'destatis')}: no file matching /^AuszugGV.*\\.xlsx$/`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
