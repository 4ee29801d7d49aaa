import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { type Bundle, GEBIETSSTAND, POPULATION_AT, readBundle } from './bundle.js';
import { buildDirectory, type DirectoryRecord } from './directory-records.js';
import { type Reattached, reattachToSuccessors } from './reattach.js';

export interface ImportResult {
  skipped: boolean;
  inserted: number;
  updated: number;
  retired: number;
  rekeyed: number;
  borders: number;
  /** What followed merged municipalities onto their successors; null when the import was skipped. */
  reattached: Reattached | null;
  ms: number;
}

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

const column = <K extends keyof DirectoryRecord>(records: DirectoryRecord[], key: K) => records.map((r) => r[key]);

/** Re-keyed municipalities keep their id; several old keys onto one new key is a merger: the rest retire. */
async function applyKeyChanges(tx: Tx, changes: [string, string][]): Promise<number> {
  let rekeyed = 0;
  for (const [oldKey, newKey] of changes) {
    const renamed = await tx.$executeRaw`
      UPDATE "Municipality" SET ags = ${newKey}, "updatedAt" = now()
      WHERE ags = ${oldKey} AND NOT EXISTS (SELECT 1 FROM "Municipality" WHERE ags = ${newKey})`;
    if (renamed) {
      rekeyed += renamed;
      continue;
    }
    rekeyed += await tx.$executeRaw`
      UPDATE "Municipality" AS m SET "retiredAt" = now(), "successorId" = s.id, "updatedAt" = now()
      FROM "Municipality" AS s WHERE m.ags = ${oldKey} AND s.ags = ${newKey} AND m."retiredAt" IS NULL`;
  }
  return rekeyed;
}

async function upsertRecords(tx: Tx, records: DirectoryRecord[]): Promise<{ inserted: number; updated: number }> {
  const rows = await tx.$queryRaw<{ inserted: boolean }[]>`
    INSERT INTO "Municipality" AS m (id, ags, ars, name, "displayName", kind, designation, title, "isLand", "isKreis",
      "isGemeinde", "landCode", "verbandArs", "verbandName", nuts3, population, "areaKm2", urbanisation, "shareDense",
      "shareIntermediate", "shareRural", postcode, latitude, longitude, "nameKey", "searchText", gebietsstand, "populationAt", "updatedAt")
    SELECT u.id::uuid, u.ags, u.ars, u.name, u.display, u.kind::"MunicipalityKind", u.designation, u.title, u.is_land,
      u.is_kreis, u.is_gemeinde, u.land, u.verband_ars, u.verband_name, u.nuts3, u.population, u.area,
      u.urbanisation::"Urbanisation", u.share_dense, u.share_intermediate, u.share_rural, u.postcode,
      u.lat, u.lon, u.name_key, u.search_text, ${GEBIETSSTAND}::date, ${POPULATION_AT}::date, now()
    FROM unnest(${records.map(() => randomUUID())}::text[], ${column(records, 'ags')}::text[], ${column(records, 'ars')}::text[],
      ${column(records, 'name')}::text[], ${column(records, 'displayName')}::text[], ${column(records, 'kind')}::text[],
      ${column(records, 'designation')}::text[], ${column(records, 'title')}::text[], ${column(records, 'isLand')}::boolean[],
      ${column(records, 'isKreis')}::boolean[], ${column(records, 'isGemeinde')}::boolean[], ${column(records, 'landCode')}::text[],
      ${column(records, 'verbandArs')}::text[], ${column(records, 'verbandName')}::text[], ${column(records, 'nuts3')}::text[],
      ${column(records, 'population')}::int[], ${column(records, 'areaKm2')}::float8[], ${column(records, 'urbanisation')}::text[],
      ${column(records, 'shareDense')}::float8[], ${column(records, 'shareIntermediate')}::float8[], ${column(records, 'shareRural')}::float8[],
      ${column(records, 'postcode')}::text[],
      ${column(records, 'latitude')}::float8[], ${column(records, 'longitude')}::float8[], ${column(records, 'nameKey')}::text[],
      ${column(records, 'searchText')}::text[])
      AS u(id, ags, ars, name, display, kind, designation, title, is_land, is_kreis, is_gemeinde, land, verband_ars,
        verband_name, nuts3, population, area, urbanisation, share_dense, share_intermediate, share_rural, postcode, lat, lon,
        name_key, search_text)
    ON CONFLICT (ags) DO UPDATE SET ars = EXCLUDED.ars, name = EXCLUDED.name, "displayName" = EXCLUDED."displayName",
      kind = EXCLUDED.kind, designation = EXCLUDED.designation, title = EXCLUDED.title, "isLand" = EXCLUDED."isLand",
      "isKreis" = EXCLUDED."isKreis", "isGemeinde" = EXCLUDED."isGemeinde", "landCode" = EXCLUDED."landCode",
      "verbandArs" = EXCLUDED."verbandArs", "verbandName" = EXCLUDED."verbandName", nuts3 = EXCLUDED.nuts3,
      population = EXCLUDED.population, "areaKm2" = EXCLUDED."areaKm2", urbanisation = EXCLUDED.urbanisation,
      "shareDense" = EXCLUDED."shareDense", "shareIntermediate" = EXCLUDED."shareIntermediate", "shareRural" = EXCLUDED."shareRural",
      postcode = EXCLUDED.postcode,
      latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, "nameKey" = EXCLUDED."nameKey",
      "searchText" = EXCLUDED."searchText", gebietsstand = EXCLUDED.gebietsstand, "populationAt" = EXCLUDED."populationAt",
      "retiredAt" = NULL, "successorId" = NULL, "updatedAt" = now()
    WHERE (m.ars, m.name, m."displayName", m.kind, m.designation, m.title, m."isLand", m."isKreis", m."isGemeinde",
      m."landCode", m."verbandArs", m."verbandName", m.nuts3, m.population, m."areaKm2", m.urbanisation, m."shareDense",
      m."shareIntermediate", m."shareRural", m.postcode, m.latitude,
      m.longitude, m."nameKey", m."searchText", m.gebietsstand, m."populationAt", m."retiredAt")
      IS DISTINCT FROM (EXCLUDED.ars, EXCLUDED.name, EXCLUDED."displayName", EXCLUDED.kind, EXCLUDED.designation,
      EXCLUDED.title, EXCLUDED."isLand", EXCLUDED."isKreis", EXCLUDED."isGemeinde", EXCLUDED."landCode",
      EXCLUDED."verbandArs", EXCLUDED."verbandName", EXCLUDED.nuts3, EXCLUDED.population, EXCLUDED."areaKm2",
      EXCLUDED.urbanisation, EXCLUDED."shareDense", EXCLUDED."shareIntermediate", EXCLUDED."shareRural", EXCLUDED.postcode, EXCLUDED.latitude, EXCLUDED.longitude, EXCLUDED."nameKey", EXCLUDED."searchText",
      EXCLUDED.gebietsstand, EXCLUDED."populationAt", NULL::timestamp)
    RETURNING (xmax = 0) AS inserted`;
  const inserted = rows.filter((r) => r.inserted).length;
  return { inserted, updated: rows.length - inserted };
}

async function linkParents(tx: Tx, records: DirectoryRecord[]) {
  await tx.$executeRaw`
    UPDATE "Municipality" AS m SET "parentId" = p.id
    FROM unnest(${column(records, 'ags')}::text[], ${column(records, 'parentAgs')}::text[]) AS u(ags, parent)
    LEFT JOIN "Municipality" AS p ON p.ags = u.parent
    WHERE m.ags = u.ags AND m."parentId" IS DISTINCT FROM p.id`;
}

async function retireMissing(tx: Tx, records: DirectoryRecord[]): Promise<number> {
  return tx.$executeRaw`
    UPDATE "Municipality" SET "retiredAt" = now(), "updatedAt" = now()
    WHERE "retiredAt" IS NULL AND NOT (ags = ANY(${column(records, 'ags')}::text[]))`;
}

async function replaceKeys(tx: Tx, records: DirectoryRecord[]) {
  const keys = records.flatMap((r) => r.keys.map((key) => [key, r.ags] as const));
  await tx.$executeRaw`DELETE FROM "MunicipalityKey"`;
  await tx.$executeRaw`
    INSERT INTO "MunicipalityKey" (key, "municipalityId")
    SELECT u.key, m.id FROM unnest(${keys.map((k) => k[0])}::text[], ${keys.map((k) => k[1])}::text[]) AS u(key, ags)
    JOIN "Municipality" AS m ON m.ags = u.ags`;
}

async function replaceBorders(tx: Tx, borders: ReturnType<typeof buildDirectory>['borders']): Promise<number> {
  await tx.$executeRaw`DELETE FROM "MunicipalityBorder"`;
  return tx.$executeRaw`
    INSERT INTO "MunicipalityBorder" (level, "fromId", "toId", "viaAgs")
    SELECT u.level::"BorderLevel", f.id, t.id, u.via
    FROM unnest(${borders.map((b) => b.level)}::text[], ${borders.map((b) => b.fromAgs)}::text[],
      ${borders.map((b) => b.toAgs)}::text[], ${borders.map((b) => b.viaAgs)}::text[]) AS u(level, from_ags, to_ags, via)
    JOIN "Municipality" AS f ON f.ags = u.from_ags
    JOIN "Municipality" AS t ON t.ags = u.to_ags`;
}

/**
 * Imports the official bundle in one transaction: a broken file leaves the previous directory as it was.
 * Idempotent: an unchanged bundle (same checksum) is skipped, and unchanged records are never touched.
 */
export async function importDirectory(prisma: PrismaClient, options: { dir: string; force?: boolean }): Promise<ImportResult> {
  const started = Date.now();
  const bundle: Bundle = readBundle(options.dir);
  const directory = buildDirectory(bundle);
  const last = await prisma.directoryImport.findFirst({ orderBy: { finishedAt: 'desc' } });
  if (!options.force && last?.checksum === bundle.checksum) {
    return { skipped: true, inserted: 0, updated: 0, retired: 0, rekeyed: 0, borders: 0, reattached: null, ms: Date.now() - started };
  }
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707302)`;
      const rekeyed = await applyKeyChanges(tx, bundle.keyChanges);
      const { inserted, updated } = await upsertRecords(tx, directory.records);
      await linkParents(tx, directory.records);
      const retired = await retireMissing(tx, directory.records);
      const reattached = await reattachToSuccessors(tx);
      await replaceKeys(tx, directory.records);
      const borders = await replaceBorders(tx, directory.borders);
      const counts = { records: directory.records.length, borders, inserted, updated, retired, rekeyed, reattached: { ...reattached } };
      await tx.directoryImport.create({
        data: { source: bundle.dir, gebietsstand: GEBIETSSTAND, checksum: bundle.checksum, counts, finishedAt: new Date() },
      });
      return { skipped: false, inserted, updated, retired, rekeyed, borders, reattached, ms: Date.now() - started };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
