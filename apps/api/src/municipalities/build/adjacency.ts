import { neighbors } from 'topojson-client';
import { topology } from 'topojson-server';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

export type Pair = [string, string];

export interface Adjacency {
  gemeinden: Pair[];
  viaGemeindefrei: [string, string, string][];
  kreise: Pair[];
  laender: Pair[];
  /** Pairs with an uninhabited gemeindefreies Gebiet, not kept as Gemeinde pairs. */
  droppedWithGemeindefrei: number;
}

const key = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
const pairsOf = (keys: Set<string>): Pair[] => [...keys].sort().map((k) => k.split('|') as Pair);

/**
 * Two units are neighbours when their outlines share a boundary segment ("rook" adjacency): the arcs TopoJSON
 * finds shared between polygons, on the exact coordinates (no quantisation). Each polygon stands for the unit its
 * key has in the directory's year (`successor`): merged Gemeinden become one, and a pair inside one unit vanishes.
 * Kreise and Länder border where their Gemeinden do (uninhabited gemeindefreie Gebiete included, as parts of their Kreis).
 */
export function adjacencyOf(
  polygons: Feature<Polygon | MultiPolygon, { AGS: string }>[],
  successor: (key: string) => string,
  units: Map<string, { kreisAgs: string; landCode: string; inhabited: boolean }>,
): Adjacency {
  const keys = polygons.map((p) => successor(p.properties.AGS));
  const unknown = [...new Set(keys.filter((k) => !units.has(k)))];
  if (unknown.length) throw new Error(`polygons without a Gemeinde of the directory: ${unknown.join(', ')}`);
  const collection: FeatureCollection = { type: 'FeatureCollection', features: polygons };
  const topo = topology({ gemeinden: collection }) as unknown as Topology<{ gemeinden: GeometryCollection }>;
  const around = neighbors(topo.objects.gemeinden.geometries);

  const all = new Set<string>();
  around.forEach((list, i) => {
    for (const j of list) if (keys[i] !== keys[j]) all.add(key(keys[i]!, keys[j]!));
  });
  const gemeinden = new Set<string>();
  const touching = new Map<string, Set<string>>();
  let droppedWithGemeindefrei = 0;
  const kreise = new Set<string>();
  const laender = new Set<string>();
  for (const pair of all) {
    const [a, b] = pair.split('|') as Pair;
    const [ua, ub] = [units.get(a)!, units.get(b)!];
    if (ua.kreisAgs !== ub.kreisAgs) kreise.add(key(ua.kreisAgs, ub.kreisAgs));
    if (ua.landCode !== ub.landCode) laender.add(key(ua.landCode, ub.landCode));
    if (ua.inhabited && ub.inhabited) {
      gemeinden.add(pair);
      continue;
    }
    droppedWithGemeindefrei++;
    const [area, gemeinde] = ua.inhabited ? [b, a] : [a, b];
    if (units.get(gemeinde)!.inhabited) touching.set(area, (touching.get(area) ?? new Set()).add(gemeinde));
  }
  const viaGemeindefrei: [string, string, string][] = [];
  for (const [area, touched] of [...touching].sort((x, y) => x[0].localeCompare(y[0]))) {
    const list = [...touched].sort();
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) if (!gemeinden.has(key(list[i]!, list[j]!))) viaGemeindefrei.push([list[i]!, list[j]!, area]);
  }
  viaGemeindefrei.sort((x, y) => x.join().localeCompare(y.join()));
  return { gemeinden: pairsOf(gemeinden), viaGemeindefrei, kreise: pairsOf(kreise), laender: pairsOf(laender), droppedWithGemeindefrei };
}
