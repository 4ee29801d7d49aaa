import proj4 from 'proj4';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { merge, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** VG5000's Gauß-Krüger zone 3 on DHDN (EPSG:31467), with the datum shift to WGS84. */
const GK3 = '+proj=tmerc +lat_0=0 +lon_0=9 +k=1 +x_0=3500000 +y_0=0 +ellps=bessel +towgs84=598.1,73.7,418.2,0.202,0.045,-2.455,6.7 +units=m +no_defs';
const toWgs84 = proj4(GK3, 'WGS84');

export type Area = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

const polygonsOf = (geometry: Polygon | MultiPolygon): Position[][][] => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);

function ringMoments(ring: Position[]): { area: number; x: number; y: number } {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j]!;
    const [x1, y1] = ring[i]!;
    const cross = x0! * y1! - x1! * y0!;
    area += cross;
    x += (x0! + x1!) * cross;
    y += (y0! + y1!) * cross;
  }
  return { area: area / 2, x, y };
}

/** The area centroid of polygons in GK3 metres (holes subtracted), as WGS84 latitude and longitude rounded to 5 places. */
export function centroid(areas: Area[]): { lat: number; lon: number } {
  let total = 0;
  let sx = 0;
  let sy = 0;
  for (const polygon of areas.flatMap((a) => polygonsOf(a.geometry))) {
    polygon.forEach((ring, i) => {
      const m = ringMoments(ring);
      // The exterior ring counts, holes take away, whatever their orientation.
      const sign = (i === 0 ? 1 : -1) * Math.sign(m.area);
      total += sign * m.area;
      sx += (sign * m.x) / 6;
      sy += (sign * m.y) / 6;
    });
  }
  const [lon, lat] = toWgs84.forward([sx / total, sy / total]);
  return { lat: Math.round(lat! * 1e5) / 1e5, lon: Math.round(lon! * 1e5) / 1e5 };
}

function projected(area: Area): Area {
  const ring = (r: Position[]) => r.map((p) => toWgs84.forward([p[0]!, p[1]!]));
  const geometry: MultiPolygon = { type: 'MultiPolygon', coordinates: polygonsOf(area.geometry).map((polygon) => polygon.map(ring)) };
  return { ...area, geometry };
}

/**
 * The maps' TopoJSON: Kreise (property `kreis`) and Länder (`land`) dissolved from the Gemeinde polygons in the
 * directory's membership (merging shared arcs, so the dissolved outlines fit exactly), in WGS84, simplified to
 * about `keep` of the points and quantised to 1e5 steps.
 */
export function mapTopology(gemeinden: { area: Area; kreisAgs: string; landCode: string }[], keep = 0.35): Topology {
  const collection: FeatureCollection = { type: 'FeatureCollection', features: gemeinden.map((g) => projected(g.area)) };
  const fine = topology({ gemeinden: collection }) as unknown as Topology<{ gemeinden: GeometryCollection }>;
  const geometries = fine.objects.gemeinden.geometries;
  const dissolve = (keyOf: (i: number) => string, property: string): FeatureCollection => {
    const groups = new Map<string, typeof geometries>();
    geometries.forEach((g, i) => {
      if (!groups.has(keyOf(i))) groups.set(keyOf(i), []);
      groups.get(keyOf(i))!.push(g);
    });
    return {
      type: 'FeatureCollection',
      features: [...groups]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([k, list]) => ({ type: 'Feature', properties: { [property]: k }, geometry: merge(fine, list as never) })),
    };
  };
  const kreise = dissolve((i) => gemeinden[i]!.kreisAgs, 'kreis');
  const laender = dissolve((i) => gemeinden[i]!.landCode, 'land');
  const coarse = presimplify(topology({ kreise, laender }) as never);
  return quantize(simplify(coarse, quantile(coarse, keep)) as never, 1e5) as unknown as Topology;
}
