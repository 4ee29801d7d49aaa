import { geoMercator, geoPath } from 'd3-geo';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MapFrame, MapLink, MapPending } from '../../municipalities/components/MapFrame';
import { inView } from '../../municipalities/components/mapView';
import { useKreiseMap } from '../../municipalities/components/useKreiseMap';

const WIDTH = 640;
const HEIGHT = 520;

export interface MapPlace {
  id: string;
  label: string;
  to: string;
  latitude: number;
  longitude: number;
}

/**
 * Events or offers as points on the offline map of Kreise, zoomed to where they are; each point links to its page.
 * The list beside it is the text alternative and also holds what has no position.
 */
export interface PlacesMapProps {
  places: MapPlace[];
  label: string;
}

export function PlacesMap({ places, label }: PlacesMapProps) {
  const { t } = useTranslation();
  const { map, error } = useKreiseMap();
  const drawing = useMemo(() => {
    if (!map) return undefined;
    const points = places.map((p) => [p.longitude, p.latitude] as [number, number]);
    const projection = geoMercator();
    if (points.length) {
      // A region around the points (at least ~60 km across), so that a single point can be placed.
      const lons = points.map((p) => p[0]);
      const lats = points.map((p) => p[1]);
      const pad = 0.4;
      const bounds = {
        type: 'MultiPoint' as const,
        coordinates: [
          [Math.min(...lons) - pad, Math.min(...lats) - pad],
          [Math.max(...lons) + pad, Math.max(...lats) + pad],
        ],
      };
      projection.fitExtent(
        [
          [16, 16],
          [WIDTH - 16, HEIGHT - 16],
        ],
        bounds,
      );
    } else {
      projection.fitExtent(
        [
          [16, 16],
          [WIDTH - 16, HEIGHT - 16],
        ],
        map.kreise,
      );
    }
    const path = geoPath(projection);
    return {
      kreise: map.kreise.features
        .filter((f) => inView(projection, map.boxes.get(f.properties.kreis)!, WIDTH, HEIGHT))
        .map((f) => ({ ags: f.properties.kreis, d: path(f) ?? '' })),
      borders: path(map.landBorders) ?? '',
      points: places.map((p) => ({ ...p, xy: projection([p.longitude, p.latitude]) ?? [0, 0] })),
    };
  }, [map, places]);

  if (!drawing) return <MapPending error={error} />;
  return (
    <MapFrame width={WIDTH} height={HEIGHT} maxHeight={560} role="group" label={label} description={t('events.map.description', { count: places.length })}>
      <defs>
        <clipPath id="places-map-clip">
          <rect width={WIDTH} height={HEIGHT} />
        </clipPath>
      </defs>
      <g clipPath="url(#places-map-clip)">
        {drawing.kreise.map((k) => (
          <path key={k.ags} d={k.d} fill="#eef1f4" stroke="#fff" strokeWidth={0.8} aria-hidden />
        ))}
        <path d={drawing.borders} fill="none" stroke="#6b7480" strokeWidth={1.2} aria-hidden />
        {drawing.points.map((p) => (
          <MapLink key={p.id} to={p.to} label={p.label}>
            <circle cx={p.xy[0]} cy={p.xy[1]} r={8} fill="#1c4f82" stroke="#fff" strokeWidth={2} className="map-kreis-link">
              <title>{p.label}</title>
            </circle>
          </MapLink>
        ))}
      </g>
    </MapFrame>
  );
}
