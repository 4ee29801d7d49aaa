import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import { neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { adjacencyOf } from './adjacency.js';
import { readCrosswalk } from './crosswalk.js';
import { type Area, centroid, mapTopology } from './geometry.js';
import { type GvGemeinde, readGvIsys, type Urbanisation } from './gv-isys.js';

// `shapefile` is CommonJS with extension-less internal imports that ESM cannot resolve.
const shapefile = createRequire(import.meta.url)('shapefile') as typeof import('shapefile');

/** Where the official downloads lie in the folder given to `data:build --from`. */
export interface OfficialFiles {
  gvIsys: string;
  vg5000: string;
  bbsr: string;
  changes: string[];
}

export function findOfficialFiles(dir: string): OfficialFiles {
  const one = (sub: string, test: RegExp) => {
    const folder = path.join(dir, sub);
    const found = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => test.test(f)) : [];
    if (!found.length) throw new Error(`${folder}: no file matching ${test}`);
    return found.sort().map((f) => path.join(folder, f));
  };
  return {
    gvIsys: one('destatis', /^AuszugGV.*\.xlsx$/).at(-1)!,
    vg5000: path.dirname(one('bkg-vg5000', /^VG5000_GEM\.shp$/)[0]!),
    bbsr: one('crosswalks', /^bbsr_ref-gemeinden.*\.xlsx$/)[0]!,
    changes: one('crosswalks', /^changes_\d{4}\.xlsx$/),
  };
}

async function readLayer(dir: string, layer: string): Promise<Area[]> {
  const source = await shapefile.open(path.join(dir, `VG5000_${layer}.shp`), path.join(dir, `VG5000_${layer}.dbf`), { encoding: 'utf-8' });
  const features: Area[] = [];
  for (let r = await source.read(); !r.done; r = await source.read()) features.push(r.value as Area);
  return features;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const group = <T>(list: T[], keyOf: (t: T) => string) => {
  const map = new Map<string, T[]>();
  for (const item of list) {
    const key = keyOf(item);
    if (!map.has(key)) map.set(key, []);
    map.get(key)!.push(item);
  }
  return map;
};

/** How the population of an area divides over GV-ISys's degrees of urbanisation (to three places). */
function sharesOf(members: GvGemeinde[]): Record<'dicht' | 'mittel' | 'gering', number> {
  const total = members.reduce((s, g) => s + g.population, 0) || 1;
  const share = (u: Urbanisation) => Math.round((members.filter((g) => g.urbanisation === u).reduce((s, g) => s + g.population, 0) / total) * 1000) / 1000;
  return { dicht: share('DICHT'), mittel: share('MITTEL'), gering: share('GERING') };
}

/** The bundle's files, as the import reads them (`import/bundle.ts`). */
export interface BuiltBundle {
  files: Record<string, unknown>;
  stats: Record<string, unknown>;
}

/**
 * Builds the directory bundle from the official downloads: names, keys, membership, population, area and
 * Gemeinde coordinates from GV-ISys; borders, Kreis and Land centroids and the maps from VG5000's polygons,
 * moved onto GV-ISys's keys with the crosswalks.
 */
export async function buildBundle(files: OfficialFiles): Promise<BuiltBundle> {
  const [gv, crosswalk, gemPolygons, kreisPolygons, landPolygons] = await Promise.all([
    readGvIsys(files.gvIsys),
    readCrosswalk(files.bbsr, files.changes),
    readLayer(files.vg5000, 'GEM'),
    readLayer(files.vg5000, 'KRS'),
    readLayer(files.vg5000, 'LAN'),
  ]);
  const inhabited = gv.gemeinden.filter((g) => g.type !== null);
  const verbaende = new Set(gv.verbaende.map((v) => v.ars));
  const units = new Map(gv.gemeinden.map((g) => [g.ags, { kreisAgs: g.kreisAgs, landCode: g.landCode, inhabited: g.type !== null }]));
  const successor = (ags: string) => crosswalk.successor(ags);
  const adjacency = adjacencyOf(gemPolygons as never, successor, units);

  const gemeinden = inhabited.map((g) => ({
    ags: g.ags,
    ars: g.ars,
    name: g.name,
    type: g.type,
    kreisAgs: g.kreisAgs,
    landCode: g.landCode,
    verbandArs: verbaende.has(g.verbandArs) ? g.verbandArs : null,
    population: g.population,
    areaKm2: g.areaKm2,
    plz: g.plz,
    lat: g.lat,
    lon: g.lon,
    urbanisation: g.urbanisation,
  }));
  const landNames = new Map(gv.laender.map((l) => [l.code, l.name]));
  const byKreis = group(gv.gemeinden, (g) => g.kreisAgs);
  const kreisRecords = new Map(kreisPolygons.map((k) => [String(k.properties.AGS), k.properties]));
  // A Kreis's centroid from its Gemeinden's polygons in the directory's membership (Kreise changed since 2021).
  const kreisShapes = group(gemPolygons, (g) => units.get(successor(String(g.properties.AGS)))!.kreisAgs);
  const kreise = gv.kreise.map((k) => {
    const members = byKreis.get(k.ags) ?? [];
    const own = kreisRecords.get(k.ags);
    if (!own) throw new Error(`Kreis ${k.ags} is not in VG5000_KRS`);
    return {
      ags: k.ags,
      name: k.name,
      shortName: String(own.GEN),
      type: k.type,
      bezeichnung: k.bezeichnung,
      land: { code: k.ags.slice(0, 2), name: landNames.get(k.ags.slice(0, 2))! },
      nuts3: (own.NUTS as string | undefined) ?? null,
      population: members.reduce((s, g) => s + g.population, 0),
      areaKm2: round2(members.reduce((s, g) => s + g.areaKm2, 0)),
      gemeindenCount: members.filter((g) => g.type !== null).length,
      ...centroid(kreisShapes.get(k.ags) ?? []),
      urbanisationShares: sharesOf(members),
    };
  });
  const landShapes = group(landPolygons, (l) => String(l.properties.AGS));
  const laender = gv.laender.map((l) => {
    // Through its Kreise: an area that belongs to none (a river condominium, coastal waters) is not counted.
    const members = gv.kreise.filter((k) => k.ags.startsWith(l.code)).flatMap((k) => byKreis.get(k.ags) ?? []);
    return {
      code: l.code,
      name: l.name,
      population: members.reduce((s, g) => s + g.population, 0),
      areaKm2: round2(members.reduce((s, g) => s + g.areaKm2, 0)),
      kreiseCount: kreise.filter((k) => k.land.code === l.code).length,
      ...centroid((landShapes.get(l.code) ?? []).filter((s) => s.properties.GF === 9)),
      urbanisationShares: sharesOf(members),
    };
  });

  const map = mapTopology(
    gemPolygons.map((area) => {
      const unit = units.get(successor(String(area.properties.AGS)))!;
      return { area, kreisAgs: unit.kreisAgs, landCode: unit.landCode };
    }),
  );
  const mapKreise = (map.objects.kreise as GeometryCollection<{ kreis: string }>).geometries;
  const kreisOn = (i: number) => (mapKreise[i]!.properties as { kreis: string }).kreis;
  const mapPairs = new Set<string>();
  neighbors(mapKreise).forEach((list, i) => {
    for (const j of list) if (kreisOn(i) !== kreisOn(j)) mapPairs.add([kreisOn(i), kreisOn(j)].sort().join('|'));
  });

  const stats = {
    laender: laender.length,
    kreise: kreise.length,
    kreiseByType: Object.fromEntries([...group(kreise, (k) => k.type)].map(([t, l]) => [t, l.length])),
    gemeinden: gemeinden.length,
    gemeindenByType: Object.fromEntries([...group(gemeinden, (g) => g.type!)].map(([t, l]) => [t, l.length])),
    unbewohnteGemeindefreieGebiete: gv.gemeinden.length - inhabited.length,
    populationTotal: gemeinden.reduce((s, g) => s + g.population, 0),
    kreisPairs: adjacency.kreise.length,
    kreisPairsOnTheMap: mapPairs.size,
    gemeindePairs: adjacency.gemeinden.length,
    gemeindePairsViaGemeindefrei: adjacency.viaGemeindefrei.length,
    gemeindePairsInvolvingGemeindefreieGebieteDropped: adjacency.droppedWithGemeindefrei,
    gemeindeverbaende: gv.verbaende.length,
    polygonsRemapped: gemPolygons.filter((p) => successor(String(p.properties.AGS)) !== p.properties.AGS).length,
    crosswalkSplits: crosswalk.splits,
    laenderPairs: adjacency.laender.length,
    gemeindenByUrbanisation: Object.fromEntries([...group(gemeinden, (g) => g.urbanisation ?? 'NONE')].map(([u, l]) => [u, l.length])),
  };
  return {
    files: {
      'laender.json': laender,
      'kreise.json.gz': kreise,
      'gemeinden.json.gz': gemeinden,
      'gemeindeverbaende.json.gz': gv.verbaende,
      'kreise-adjacency.json': adjacency.kreise,
      'gemeinden-adjacency.json.gz': adjacency.gemeinden,
      'gemeinden-adjacency-via-gemeindefrei.json': adjacency.viaGemeindefrei,
      'laender-adjacency.json': adjacency.laender,
      'kreise-laender.topo.json.gz': map satisfies Topology,
      'build-stats.json': stats,
    },
    stats,
  };
}

/** Writes the files (gzipped where the name says so); other files in the folder, such as its README, stay. */
export function writeBundle(bundle: BuiltBundle, dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(bundle.files)) {
    const text = `${name === 'build-stats.json' ? JSON.stringify(content, null, 1) : JSON.stringify(content)}\n`;
    fs.writeFileSync(path.join(dir, name), name.endsWith('.gz') ? zlib.gzipSync(text, { level: 9 }) : text);
  }
}
