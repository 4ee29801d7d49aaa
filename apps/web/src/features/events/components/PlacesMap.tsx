import { Box, Text } from '@mantine/core';
import { geoMercator, geoPath } from 'd3-geo';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DataAttribution } from '../../../components/DataAttribution';
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
  const navigate = useNavigate();
  const descriptionId = useId();
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
      kreise: map.kreise.features.map((f) => ({ ags: f.properties.kreis, d: path(f) ?? '' })),
      borders: path(map.landBorders) ?? '',
      points: places.map((p) => ({ ...p, xy: projection([p.longitude, p.latitude]) ?? [0, 0] })),
    };
  }, [map, places]);

  if (error) return <Text c="red.8">{t('municipalities.map.error')}</Text>;
  if (!drawing) return <Text c="gray.7">{t('municipalities.map.loading')}</Text>;
  return (
    <Box>
      <Box
        component="svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        w="100%"
        h="auto"
        role="group"
        aria-label={label}
        aria-describedby={descriptionId}
        style={{ background: '#fbfcfd', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4, maxHeight: 560 }}
      >
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
            <a
              key={p.id}
              href={p.to}
              aria-label={p.label}
              onClick={(e) => {
                e.preventDefault();
                void navigate(p.to);
              }}
            >
              <circle cx={p.xy[0]} cy={p.xy[1]} r={8} fill="#1c4f82" stroke="#fff" strokeWidth={2} className="map-kreis-link">
                <title>{p.label}</title>
              </circle>
            </a>
          ))}
        </g>
      </Box>
      <Text id={descriptionId} size="sm" c="gray.7" mt={4}>
        {t('events.map.description', { count: places.length })}
      </Text>
      <DataAttribution />
    </Box>
  );
}
