import type { MunicipalityKind, Urbanisation } from '../../generated/prisma/enums.js';
import { foldForSearch } from '../search-text.js';
import { BundleError, type Bundle } from './bundle.js';
import { gemeindeDesignation, kreisDisplayName, splitOfficialName } from './names.js';

/** One row of the directory as the import writes it. */
export interface DirectoryRecord {
  ags: string;
  keys: string[];
  parentAgs: string | null;
  ars: string;
  name: string;
  displayName: string;
  kind: MunicipalityKind;
  designation: string;
  title: string | null;
  isLand: boolean;
  isKreis: boolean;
  isGemeinde: boolean;
  landCode: string;
  verbandArs: string | null;
  verbandName: string | null;
  nuts3: string | null;
  population: number;
  areaKm2: number;
  urbanisation: Urbanisation | null;
  shareDense: number | null;
  shareIntermediate: number | null;
  shareRural: number | null;
  postcode: string | null;
  latitude: number;
  longitude: number;
  nameKey: string;
  searchText: string;
}

export interface DirectoryBorder {
  level: 'LAND' | 'KREIS' | 'GEMEINDE';
  fromAgs: string;
  toAgs: string;
  viaAgs: string;
}

export interface Directory {
  records: DirectoryRecord[];
  borders: DirectoryBorder[];
}

function searchFields(base: string, ...names: string[]) {
  const words = [...new Set([base, ...names].flatMap((n) => foldForSearch(n).split(' ')).filter(Boolean))];
  // The base name leads, so that a prefix match on the whole text means "the name starts with it".
  const nameKey = foldForSearch(base);
  return { nameKey, searchText: `${nameKey} ${words.join(' ')}` };
}

type Shares = { dicht: number; mittel: number; gering: number } | undefined;

/** The shares as columns, and the class most people live in. */
function structure(shares: Shares, own?: Urbanisation | null) {
  if (!shares) return { urbanisation: own ?? null, shareDense: null, shareIntermediate: null, shareRural: null };
  const ranked: [Urbanisation, number][] = [
    ['DICHT', shares.dicht],
    ['MITTEL', shares.mittel],
    ['GERING', shares.gering],
  ];
  const dominant = ranked.sort((a, b) => b[1] - a[1])[0]![0];
  return { urbanisation: own ?? dominant, shareDense: shares.dicht, shareIntermediate: shares.mittel, shareRural: shares.gering };
}

/**
 * Models reality: a kreisfreie Stadt is one record that is Kreis and Gemeinde (5- and 8-digit key); Berlin
 * and Hamburg are one record that is Land, Kreis and Gemeinde; Bremen is a Land with two kreisfreie Städte.
 */
export function buildDirectory(bundle: Bundle): Directory {
  const verbandNames = new Map(bundle.verbaende.map((v) => [v.ars, v.name]));
  const gemeindenByKreis = new Map<string, typeof bundle.gemeinden>();
  for (const g of bundle.gemeinden) {
    const list = gemeindenByKreis.get(g.kreisAgs) ?? [];
    list.push(g);
    gemeindenByKreis.set(g.kreisAgs, list);
  }
  const laender = new Map(bundle.laender.map((l) => [l.code, l]));
  const cityStates = new Set(
    bundle.laender
      .filter((l) => bundle.kreise.filter((k) => k.land.code === l.code).length === 1 && gemeindenByKreis.get(`${l.code}000`)?.length === 1)
      .map((l) => l.code),
  );

  const records: DirectoryRecord[] = [];
  const byKey = new Map<string, DirectoryRecord>();
  const add = (record: DirectoryRecord) => {
    for (const key of record.keys) {
      if (byKey.has(key)) throw new BundleError('gemeinden.json', `key ${key} appears twice`, key);
      byKey.set(key, record);
    }
    records.push(record);
  };

  for (const l of bundle.laender) {
    if (cityStates.has(l.code)) continue;
    add({
      ags: l.code,
      keys: [l.code],
      parentAgs: null,
      ars: l.code,
      name: l.name,
      displayName: l.name,
      kind: 'LAND',
      designation: 'Land',
      title: null,
      isLand: true,
      isKreis: false,
      isGemeinde: false,
      landCode: l.code,
      verbandArs: null,
      verbandName: null,
      nuts3: null,
      population: l.population,
      areaKm2: l.areaKm2,
      ...structure(l.urbanisationShares),
      postcode: null,
      latitude: l.lat,
      longitude: l.lon,
      ...searchFields(l.name, 'Land'),
    });
  }

  for (const k of bundle.kreise) {
    if (!laender.has(k.land.code)) throw new BundleError('kreise.json', `unknown Land ${k.land.code}`, k.ags);
    if (k.type === 'LANDKREIS') {
      const displayName = kreisDisplayName(k.name, k.bezeichnung);
      add({
        ags: k.ags,
        keys: [k.ags],
        parentAgs: k.land.code,
        ars: k.ags,
        name: k.name,
        displayName,
        kind: 'LANDKREIS',
        designation: k.bezeichnung,
        title: null,
        isLand: false,
        isKreis: true,
        isGemeinde: false,
        landCode: k.land.code,
        verbandArs: null,
        verbandName: null,
        nuts3: k.nuts3,
        population: k.population,
        areaKm2: k.areaKm2,
        ...structure(k.urbanisationShares),
        postcode: null,
        latitude: k.lat,
        longitude: k.lon,
        ...searchFields(k.name, displayName, k.bezeichnung),
      });
      continue;
    }
    const members = gemeindenByKreis.get(k.ags) ?? [];
    if (members.length !== 1) throw new BundleError('gemeinden.json', `kreisfreie Stadt ${k.ags} needs exactly one Gemeinde, has ${members.length}`, k.ags);
    const g = members[0]!;
    const cityState = cityStates.has(k.land.code);
    const split = splitOfficialName(g.name);
    const displayName = cityState ? laender.get(k.land.code)!.name : split.display;
    add({
      ags: k.ags,
      keys: cityState ? [k.land.code, k.ags, g.ags] : [k.ags, g.ags],
      parentAgs: cityState ? null : k.land.code,
      ars: g.ars,
      name: g.name,
      displayName,
      kind: 'KREISFREIE_STADT',
      designation: cityState ? 'Stadtstaat' : k.bezeichnung,
      title: split.title,
      isLand: cityState,
      isKreis: true,
      isGemeinde: true,
      landCode: k.land.code,
      verbandArs: null,
      verbandName: null,
      nuts3: k.nuts3,
      population: k.population,
      areaKm2: k.areaKm2,
      ...structure(k.urbanisationShares, g.urbanisation),
      postcode: g.plz,
      latitude: g.lat,
      longitude: g.lon,
      ...searchFields(split.base, displayName, k.shortName, k.bezeichnung),
    });
  }

  for (const g of bundle.gemeinden) {
    if (byKey.has(g.ags)) continue;
    const kreis = byKey.get(g.kreisAgs);
    if (!kreis || kreis.kind !== 'LANDKREIS') throw new BundleError('gemeinden.json', `unknown Landkreis ${g.kreisAgs}`, g.ags);
    const split = splitOfficialName(g.name);
    const designation = gemeindeDesignation(g.type);
    add({
      ags: g.ags,
      keys: [g.ags],
      parentAgs: g.kreisAgs,
      ars: g.ars,
      name: g.name,
      displayName: split.display,
      kind: 'GEMEINDE',
      designation,
      title: split.title,
      isLand: false,
      isKreis: false,
      isGemeinde: true,
      landCode: g.landCode,
      verbandArs: g.verbandArs,
      verbandName: g.verbandArs ? (verbandNames.get(g.verbandArs) ?? null) : null,
      nuts3: null,
      population: g.population,
      areaKm2: g.areaKm2,
      ...structure(undefined, g.urbanisation),
      postcode: g.plz,
      latitude: g.lat,
      longitude: g.lon,
      ...searchFields(split.base, split.display, designation),
    });
  }

  const borders: DirectoryBorder[] = [];
  const pairs = (file: string, level: DirectoryBorder['level'], list: string[][]) => {
    list.forEach((entry, index) => {
      const [a, b, via = ''] = entry;
      const from = byKey.get(a!);
      const to = byKey.get(b!);
      if (!from || !to) throw new BundleError(file, `unknown key ${from ? b : a}`, `record ${index + 1}`);
      borders.push({ level, fromAgs: from.ags, toAgs: to.ags, viaAgs: via }, { level, fromAgs: to.ags, toAgs: from.ags, viaAgs: via });
    });
  };
  pairs('laender-adjacency.json', 'LAND', bundle.laenderAdjacency);
  pairs('kreise-adjacency.json', 'KREIS', bundle.kreiseAdjacency);
  pairs('gemeinden-adjacency.json', 'GEMEINDE', bundle.gemeindenAdjacency);
  pairs('gemeinden-adjacency-via-gemeindefrei.json', 'GEMEINDE', bundle.gemeindenViaGemeindefrei);
  return { records, borders: dedupeBorders(borders) };
}

/** A pair can be listed directly and again through a gemeindefreies Gebiet; each row once. */
function dedupeBorders(borders: DirectoryBorder[]): DirectoryBorder[] {
  const seen = new Set<string>();
  return borders.filter((b) => {
    const key = `${b.level}|${b.fromAgs}|${b.toAgs}|${b.viaAgs}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
