import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { z } from 'zod';

/** A problem with the bundle, naming the file and the record at fault. */
export class BundleError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly record?: string,
  ) {
    super(`${file}${record ? ` (${record})` : ''}: ${message}`);
    this.name = 'BundleError';
  }
}

const digits = (n: number) => z.string().regex(new RegExp(`^\\d{${n}}$`), `must be ${n} digits`);
const coordinate = z.number().finite();
/** Destatis' degree of urbanisation (Grad der Verstädterung); absent in bundles built before it was read. */
const urbanisation = z.enum(['DICHT', 'MITTEL', 'GERING']).nullable().optional();
const shares = z.object({ dicht: z.number().min(0).max(1), mittel: z.number().min(0).max(1), gering: z.number().min(0).max(1) }).optional();

const land = z.object({
  code: digits(2),
  name: z.string().min(1),
  population: z.number().int().nonnegative(),
  areaKm2: z.number().nonnegative(),
  lat: coordinate,
  lon: coordinate,
  urbanisationShares: shares,
});

const kreis = z.object({
  ags: digits(5),
  name: z.string().min(1),
  shortName: z.string().min(1),
  type: z.enum(['KREISFREIE_STADT', 'LANDKREIS']),
  bezeichnung: z.string().min(1),
  land: z.object({ code: digits(2) }),
  nuts3: z.string().nullable(),
  population: z.number().int().nonnegative(),
  areaKm2: z.number().nonnegative(),
  lat: coordinate,
  lon: coordinate,
  urbanisationShares: shares,
});

const gemeinde = z.object({
  ags: digits(8),
  ars: digits(12),
  name: z.string().min(1),
  type: z.enum(['GEMEINDE', 'STADT', 'MARKT', 'GROSSE_KREISSTADT', 'KREISFREIE_STADT', 'STADTKREIS', 'GEMEINDEFREIES_GEBIET_BEWOHNT']),
  kreisAgs: digits(5),
  landCode: digits(2),
  verbandArs: digits(9).nullable(),
  population: z.number().int().nonnegative(),
  areaKm2: z.number().nonnegative(),
  plz: digits(5).nullable(),
  lat: coordinate,
  lon: coordinate,
  urbanisation,
});

const verband = z.object({ ars: digits(9), name: z.string().min(1) });
const pair = (n: number) => z.tuple([digits(n), digits(n)]);
const viaTriple = z.tuple([digits(8), digits(8), digits(8)]);
const keyChange = z.tuple([z.string().regex(/^\d{5}$|^\d{8}$/), z.string().regex(/^\d{5}$|^\d{8}$/)]);

export type Land = z.infer<typeof land>;
export type Kreis = z.infer<typeof kreis>;
export type Gemeinde = z.infer<typeof gemeinde>;

export interface Bundle {
  dir: string;
  checksum: string;
  laender: Land[];
  kreise: Kreis[];
  gemeinden: Gemeinde[];
  verbaende: z.infer<typeof verband>[];
  laenderAdjacency: [string, string][];
  kreiseAdjacency: [string, string][];
  gemeindenAdjacency: [string, string][];
  gemeindenViaGemeindefrei: [string, string, string][];
  /** Optional `key-changes.json`: [oldKey, newKey] for municipalities that were re-keyed or merged. */
  keyChanges: [string, string][];
}

/** Gebietsstand and population date of this bundle (its README). */
export const GEBIETSSTAND = new Date('2024-12-31T00:00:00Z');
export const POPULATION_AT = new Date('2023-12-31T00:00:00Z');

function recordLabel(item: unknown, index: number): string {
  const o = (item ?? {}) as Record<string, unknown>;
  const key = o.ags ?? o.code ?? o.ars ?? (Array.isArray(item) ? item.join('–') : undefined);
  return `record ${index + 1}${key ? `, ${String(key)}` : ''}`;
}

/**
 * A file of the bundle as text, plain or gzipped (`gemeinden.json` or `gemeinden.json.gz`: the repository keeps
 * the large ones compressed). Null when neither exists.
 */
export function readBundleFile(dir: string, file: string): Buffer | null {
  const full = path.join(dir, file);
  if (fs.existsSync(full)) return fs.readFileSync(full);
  if (fs.existsSync(`${full}.gz`)) return zlib.gunzipSync(fs.readFileSync(`${full}.gz`));
  return null;
}

function readList<T>(dir: string, file: string, schema: z.ZodType<T>, hash: ReturnType<typeof createHash>, optional = false): T[] {
  const content = readBundleFile(dir, file);
  if (!content) {
    if (optional) return [];
    throw new BundleError(file, 'file is missing');
  }
  const text = content.toString('utf8');
  hash.update(file).update('\0').update(text).update('\0');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new BundleError(file, `not valid JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(data)) throw new BundleError(file, 'expected a JSON array');
  return data.map((item, index) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new BundleError(file, `${issue.path.join('.') || 'value'} ${issue.message}`, recordLabel(item, index));
    }
    return parsed.data;
  });
}

/** Reads and validates every file of the official bundle; nothing is written before all of it is good. */
export function readBundle(dir: string): Bundle {
  if (!fs.existsSync(dir)) throw new BundleError(dir, 'directory not found (set VERBUND_DATA_DIR)');
  const hash = createHash('sha256');
  const bundle: Bundle = {
    dir,
    laender: readList(dir, 'laender.json', land, hash),
    kreise: readList(dir, 'kreise.json', kreis, hash),
    gemeinden: readList(dir, 'gemeinden.json', gemeinde, hash),
    verbaende: readList(dir, 'gemeindeverbaende.json', verband, hash),
    laenderAdjacency: readList(dir, 'laender-adjacency.json', pair(2), hash),
    kreiseAdjacency: readList(dir, 'kreise-adjacency.json', pair(5), hash),
    gemeindenAdjacency: readList(dir, 'gemeinden-adjacency.json', pair(8), hash),
    gemeindenViaGemeindefrei: readList(dir, 'gemeinden-adjacency-via-gemeindefrei.json', viaTriple, hash),
    keyChanges: readList(dir, 'key-changes.json', keyChange, hash, true),
    checksum: '',
  };
  bundle.checksum = hash.digest('hex');
  return bundle;
}
