import { geoMercator, geoPath } from 'd3-geo';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MapFrame, MapLink, MapPending } from './MapFrame';
import { inView } from './mapView';
import { useKreiseMap } from './useKreiseMap';

const WIDTH = 640;
const HEIGHT = 480;
const SELF = '#1c4f82';
const NEIGHBOUR = '#8fb3d9';
const OTHER = '#eef1f4';

export interface KreisMapProps {
  name: string;
  /** Kreis keys to highlight (the municipality's own Kreis, or all Kreise of a Land). */
  highlighted: string[];
  /** Bordering Kreise, shaded and clickable. */
  neighbours: { ags: string; name: string }[];
  /**
   * All of Germany with the highlighted Kreise, for places spread across the country (where a group's members
   * come from, where a material is used); `legend` names what is highlighted.
   */
  overview?: { legend: string; /** Zoom to the highlighted Kreise instead of showing all of Germany. */ fit?: boolean };
}

/** Kreise around a municipality, zoomed to the region; the neighbour list on the page is its text alternative. */
export function KreisMap({ name, highlighted, neighbours, overview }: KreisMapProps) {
  const { t } = useTranslation();
  const { map, error } = useKreiseMap();

  const drawing = useMemo(() => {
    if (!map) return undefined;
    const self = new Set(highlighted);
    const near = new Map(neighbours.map((n) => [n.ags, n.name]));
    const focus = map.kreise.features.filter((f) => self.has(f.properties.kreis) || near.has(f.properties.kreis));
    // A region of a few Kreise is shown with its surroundings, so that it can be placed.
    const pad = overview?.fit ? WIDTH / 4 : 12;
    const projection = geoMercator().fitExtent(
      [
        [pad, pad * (HEIGHT / WIDTH)],
        [WIDTH - pad, HEIGHT - pad * (HEIGHT / WIDTH)],
      ],
      { type: 'FeatureCollection', features: focus.length && (!overview || overview.fit) ? focus : map.kreise.features },
    );
    const path = geoPath(projection);
    const shown = map.kreise.features.filter((f) => inView(projection, map.boxes.get(f.properties.kreis)!, WIDTH, HEIGHT));
    return {
      kreise: shown.map((f) => ({
        ags: f.properties.kreis,
        d: path(f) ?? '',
        role: self.has(f.properties.kreis) ? 'self' : near.has(f.properties.kreis) ? 'neighbour' : 'other',
        label: near.get(f.properties.kreis),
      })),
      borders: path(map.landBorders) ?? '',
    };
  }, [map, highlighted, neighbours, overview]);

  if (!drawing) return <MapPending error={error} />;
  return (
    <MapFrame
      width={WIDTH}
      height={HEIGHT}
      maxHeight={520}
      role="group"
      label={t('municipalities.map.label', { name })}
      description={
        overview
          ? t(overview.fit ? 'municipalities.map.regionDescription' : 'municipalities.map.overviewDescription', { legend: overview.legend })
          : t('municipalities.map.description', { name })
      }
      legend={[
        { colour: SELF, label: overview ? overview.legend : t('municipalities.map.legendSelf', { name }) },
        ...(overview ? [] : [{ colour: NEIGHBOUR, label: t('municipalities.map.legendNeighbour') }]),
      ]}
    >
      {drawing.kreise.map((k) =>
        k.role === 'neighbour' ? (
          <MapLink key={k.ags} to={`/kommunen/${k.ags}`} label={k.label ?? k.ags}>
            <path d={k.d} fill={NEIGHBOUR} stroke="#fff" strokeWidth={0.8} className="map-kreis-link">
              <title>{k.label}</title>
            </path>
          </MapLink>
        ) : (
          <path key={k.ags} d={k.d} fill={k.role === 'self' ? SELF : OTHER} stroke="#fff" strokeWidth={0.8} aria-hidden />
        ),
      )}
      <path d={drawing.borders} fill="none" stroke="#6b7480" strokeWidth={1.2} aria-hidden />
    </MapFrame>
  );
}
