import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { BundleError, readBundleFile } from './bundle.js';
import { importDirectory } from './import-directory.js';

const bundleDir = process.env.VERBUND_DATA_DIR!;
const FILES = [
  'laender.json',
  'kreise.json',
  'gemeinden.json',
  'gemeindeverbaende.json',
  'laender-adjacency.json',
  'kreise-adjacency.json',
  'gemeinden-adjacency.json',
  'gemeinden-adjacency-via-gemeindefrei.json',
];

/** A writable copy of the official bundle, changed by `edit` (file name → parsed JSON → new JSON). */
function bundleCopy(edit: Record<string, (data: unknown[]) => unknown> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-bundle-'));
  for (const file of FILES) {
    const text = readBundleFile(bundleDir, file)!.toString('utf8');
    const change = edit[file];
    fs.writeFileSync(path.join(dir, file), change ? JSON.stringify(change(JSON.parse(text))) : text);
  }
  return dir;
}

type G = { ags: string; name: string; population: number; kreisAgs: string };

describe('importing the official municipality bundle', () => {
  let db: TestDatabase;
  let prisma: PrismaService;
  beforeAll(async () => {
    db = await createTestDatabase({ from: 'migrated' });
    prisma = new PrismaService(db.url);
    const first = await importDirectory(prisma, { dir: bundleDir });
    expect(first).toMatchObject({ skipped: false, inserted: 11062, updated: 0, retired: 0 });
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  const snapshot = async () => ({
    count: await prisma.municipality.count(),
    keys: await prisma.municipalityKey.count(),
    borders: await prisma.municipalityBorder.count(),
    imports: await prisma.directoryImport.count(),
    lastUpdate: (await prisma.municipality.aggregate({ _max: { updatedAt: true } }))._max.updatedAt,
  });

  it('models the bundle: 14 Länder, 400 Kreise, every Gemeinde, both border directions', async () => {
    expect(await prisma.municipality.count({ where: { kind: 'LAND' } })).toBe(14);
    expect(await prisma.municipality.count({ where: { isKreis: true } })).toBe(400);
    expect(await prisma.municipality.count({ where: { isGemeinde: true } })).toBe(10754);
    expect(await prisma.municipalityKey.count({ where: { key: { in: ['11', '02'] } } })).toBe(2);
    const kreisBorders = await prisma.municipalityBorder.count({ where: { level: 'KREIS' } });
    expect(kreisBorders).toBe(2 * 1040);
    const leipzig = await prisma.municipality.findUniqueOrThrow({ where: { ags: '14713' } });
    expect(leipzig.gebietsstand.toISOString().slice(0, 10)).toBe('2024-12-31');
  });

  it('changes nothing on a second run, whether skipped by checksum or forced', async () => {
    const before = await snapshot();
    expect(await importDirectory(prisma, { dir: bundleDir })).toMatchObject({ skipped: true });
    expect(await importDirectory(prisma, { dir: bundleDir, force: true })).toMatchObject({ skipped: false, inserted: 0, updated: 0, retired: 0 });
    const after = await snapshot();
    expect({ ...after, imports: before.imports }).toEqual(before);
  });

  it.each([
    [
      'gemeinden.json',
      (d: unknown[]) => d.map((g, i) => (i === 5 ? { ...(g as G), ags: 'abc' } : g)),
      /gemeinden\.json \(record 6, abc\): ags must be 8 digits/,
    ],
    ['kreise-adjacency.json', (d: unknown[]) => [...d, ['01001', '99999']], /kreise-adjacency\.json \(record 1041\): unknown key 99999/],
    ['laender.json', () => ({ not: 'a list' }), /laender\.json: expected a JSON array/],
  ])('a broken %s leaves the previous data intact and names file and record', async (file, change, message) => {
    const before = await snapshot();
    const dir = bundleCopy({ [file]: change });
    await expect(importDirectory(prisma, { dir })).rejects.toThrow(message);
    expect(await snapshot()).toEqual(before);
  });

  it('a missing file and invalid JSON are named too', async () => {
    const dir = bundleCopy();
    fs.writeFileSync(path.join(dir, 'kreise.json'), '[{');
    await expect(importDirectory(prisma, { dir })).rejects.toThrow(/kreise\.json: not valid JSON/);
    fs.rmSync(path.join(dir, 'kreise.json'));
    await expect(importDirectory(prisma, { dir })).rejects.toThrow(BundleError);
    await expect(importDirectory(prisma, { dir })).rejects.toThrow(/kreise\.json: file is missing/);
  });

  it('a record the database refuses rolls the whole import back', async () => {
    const before = await snapshot();
    const dir = bundleCopy({
      'gemeinden.json': (d) =>
        d.map((g) =>
          (g as G).ags === '14729140' ? { ...(g as G), population: 3_000_000_000 } : (g as G).ags === '14729150' ? { ...(g as G), name: 'Umbenannt' } : g,
        ),
    });
    await expect(importDirectory(prisma, { dir })).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
    expect((await prisma.municipality.findUniqueOrThrow({ where: { ags: '14729150' } })).name).not.toBe('Umbenannt');
  });

  it('updates a renamed, re-keyed or merged municipality in place, keeping its id', async () => {
    const renamed = await prisma.municipality.findUniqueOrThrow({ where: { ags: '14729140' } });
    const rekeyed = await prisma.municipality.findUniqueOrThrow({ where: { ags: '14729150' } });
    const merged = await prisma.municipality.findUniqueOrThrow({ where: { ags: '14729160' } });
    const swap = (s: string) => (s === '14729150' ? '14729999' : s);
    const dir = bundleCopy({
      'gemeinden.json': (d) =>
        (d as G[]).filter((g) => g.ags !== '14729160').map((g) => (g.ags === '14729140' ? { ...g, name: 'Neuer Name, Stadt' } : { ...g, ags: swap(g.ags) })),
      'gemeinden-adjacency.json': (d) => (d as string[][]).filter((p) => !p.includes('14729160')).map((p) => p.map(swap)),
      'gemeinden-adjacency-via-gemeindefrei.json': (d) => (d as string[][]).filter((p) => !p.includes('14729160')).map((p) => p.map(swap)),
    });
    fs.writeFileSync(
      path.join(dir, 'key-changes.json'),
      JSON.stringify([
        ['14729150', '14729999'],
        ['14729160', '14729999'],
      ]),
    );

    const result = await importDirectory(prisma, { dir });
    expect(result).toMatchObject({ inserted: 0, updated: 1, rekeyed: 2 });

    const nowRenamed = await prisma.municipality.findUniqueOrThrow({ where: { id: renamed.id } });
    expect(nowRenamed).toMatchObject({ name: 'Neuer Name, Stadt', displayName: 'Stadt Neuer Name', ags: '14729140' });
    const nowRekeyed = await prisma.municipalityKey.findUniqueOrThrow({ where: { key: '14729999' } });
    expect(nowRekeyed.municipalityId).toBe(rekeyed.id);
    expect(await prisma.municipalityKey.findUnique({ where: { key: '14729150' } })).toBeNull();
    const nowMerged = await prisma.municipality.findUniqueOrThrow({ where: { id: merged.id } });
    expect(nowMerged.retiredAt).not.toBeNull();
    expect(nowMerged.successorId).toBe(rekeyed.id);
  });

  it('a merger takes the administration with its members, organisations, groups, materials and marks to the successor', async () => {
    const fresh = await createTestDatabase({ from: 'directory' });
    const db2 = new PrismaService(fresh.url);
    try {
      const [gone, into] = await Promise.all(['14729170', '14729190'].map((ags) => db2.municipality.findUniqueOrThrow({ where: { ags } })));
      const person = (name: string) => db2.user.create({ data: { name, email: `${name.toLowerCase()}@verbund.example`, passwordHash: 'x' } });
      const [admin, both, other] = await Promise.all([person('Ada'), person('Ben'), person('Cem')]);
      const goneAdmin = await db2.organization.create({ data: { kind: 'MUNICIPALITY', name: 'Stadt Groitzsch', representsId: gone.id, locatedInId: gone.id } });
      const intoAdmin = await db2.organization.create({ data: { kind: 'MUNICIPALITY', name: 'Großpösna', representsId: into.id, locatedInId: into.id } });
      const club = await db2.organization.create({ data: { kind: 'VEREIN', name: 'Willkommen in Groitzsch e. V.', locatedInId: gone.id } });
      const member = (userId: string, organizationId: string, role: 'MEMBER' | 'ADMIN', status: 'CONFIRMED' | 'REQUESTED') =>
        db2.membership.create({ data: { userId, organizationId, role, status, function: 'INTEGRATIONSKOORDINATION', topics: [] } });
      await member(admin.id, goneAdmin.id, 'ADMIN', 'CONFIRMED');
      await member(both.id, goneAdmin.id, 'MEMBER', 'CONFIRMED');
      await member(both.id, intoAdmin.id, 'MEMBER', 'REQUESTED');
      await member(other.id, club.id, 'MEMBER', 'CONFIRMED');
      const group = await db2.workingGroup.create({
        data: { name: 'Runde Groitzsch', description: '', topics: [], access: 'OPEN', regionKind: 'KREIS', regionKreisId: gone.id },
      });
      const material = (title: string) =>
        db2.material.create({
          data: {
            title,
            summary: '',
            topics: [],
            kind: 'VORLAGE',
            languages: ['de'],
            licence: 'CC0_1_0',
            visibility: 'MEMBERS',
            organizationId: goneAdmin.id,
            municipalityId: gone.id,
            landCode: '14',
          },
        });
      const [guide, form] = await Promise.all([material('Leitfaden'), material('Formular')]);
      await db2.materialUse.createMany({
        data: [
          { materialId: guide.id, municipalityId: gone.id },
          { materialId: guide.id, municipalityId: into.id },
          { materialId: form.id, municipalityId: gone.id },
        ],
      });

      const dir = bundleCopy({
        'gemeinden.json': (d) => (d as G[]).filter((g) => g.ags !== gone.ags),
        'gemeinden-adjacency.json': (d) => (d as string[][]).filter((p) => !p.includes(gone.ags)),
        'gemeinden-adjacency-via-gemeindefrei.json': (d) => (d as string[][]).filter((p) => !p.includes(gone.ags)),
      });
      fs.writeFileSync(path.join(dir, 'key-changes.json'), JSON.stringify([[gone.ags, into.ags]]));
      const result = await importDirectory(db2, { dir });

      expect(result.reattached).toEqual({ administrations: 1, memberships: 2, organizations: 1, groups: 1, materials: 2, marks: 1 });
      expect(await db2.organization.findUnique({ where: { id: goneAdmin.id } })).toBeNull();
      const members = await db2.membership.findMany({ where: { organizationId: intoAdmin.id }, orderBy: { role: 'asc' } });
      expect(members.map((m) => [m.userId, m.role, m.status]).sort()).toEqual(
        [
          [admin.id, 'ADMIN', 'CONFIRMED'],
          [both.id, 'MEMBER', 'CONFIRMED'],
        ].sort(),
      );
      expect((await db2.organization.findUniqueOrThrow({ where: { id: club.id } })).locatedInId).toBe(into.id);
      expect((await db2.workingGroup.findUniqueOrThrow({ where: { id: group.id } })).regionKreisId).toBe(into.id);
      for (const m of await db2.material.findMany({ where: { id: { in: [guide.id, form.id] } } })) {
        expect(m).toMatchObject({ organizationId: intoAdmin.id, municipalityId: into.id });
      }
      const marks = await db2.materialUse.findMany({ where: { materialId: { in: [guide.id, form.id] } } });
      expect(marks.map((u) => u.municipalityId)).toEqual([into.id, into.id]);
      const run = await db2.directoryImport.findFirstOrThrow({ orderBy: { finishedAt: 'desc' } });
      expect(run.counts).toMatchObject({ reattached: result.reattached });
    } finally {
      await db2.$disconnect();
      await fresh.drop();
    }
  });
});
