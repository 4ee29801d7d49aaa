import type { FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { useEffect, useState } from 'react';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { afterNextPaint } from '../../../app/firstPaint';
import { lonLatBox, type LonLatBox } from './mapView';

export interface KreisProperties {
  kreis: string;
}

export interface KreiseMap {
  kreise: FeatureCollection<Geometry, KreisProperties>;
  landBorders: MultiLineString;
  /** Each Kreis's box in degrees, by key: a regional map leaves out what lies outside it. */
  boxes: Map<string, LonLatBox>;
}

let cached: Promise<KreiseMap> | undefined;
let loaded: KreiseMap | undefined;

/** The bundle's TopoJSON, served by the API from the data directory: no tile server, works offline. */
function load(): Promise<KreiseMap> {
  cached ??= fetch('/data/kreise-laender.topo.json')
    .then((res) => {
      if (!res.ok) throw new Error(`map data: HTTP ${res.status}`);
      return res.json() as Promise<Topology<{ kreise: GeometryCollection<KreisProperties>; laender: GeometryCollection }>>;
    })
    .then((topo) => {
      const kreise = feature(topo, topo.objects.kreise) as FeatureCollection<Geometry, KreisProperties>;
      return {
        kreise,
        landBorders: mesh(topo, topo.objects.laender, (a, b) => a !== b),
        boxes: new Map(kreise.features.map((f) => [f.properties.kreis, lonLatBox(f.geometry)])),
      };
    })
    .then((map) => (loaded = map))
    .catch((err) => {
      cached = undefined;
      throw err;
    });
  return cached;
}

export function useKreiseMap() {
  const [state, setState] = useState<{ map?: KreiseMap; error?: Error }>(() => ({ map: loaded }));
  useEffect(() => {
    if (loaded) return;
    let live = true;
    // Once the page around the map has been painted: its 50 kB must not hold up the text above it on a phone.
    const cancel = afterNextPaint(() =>
      load().then(
        (map) => live && setState({ map }),
        (error: Error) => live && setState({ error }),
      ),
    );
    return () => {
      live = false;
      cancel();
    };
  }, []);
  return state;
}
