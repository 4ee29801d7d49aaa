import { geoMercator, geoPath } from 'd3-geo';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MapFrame, MapPending } from '../../municipalities/components/MapFrame';
import { useKreiseMap } from '../../municipalities/components/useKreiseMap';

const WIDTH = 560;
const HEIGHT = 720;
const COOPERATING = '#1c4f82';
const NONE = '#eef1f4';
const SOME = '#c5d8ec';
const MOST = '#8fb3d9';

interface Link {
  a: string;
  b: string;
  weight: number | null;
}

interface Kreis {
  ags: string;
  borderingKreise: number;
  borderingCooperating: number;
}

/** None, fewer than half, or half and more of the bordering Kreise. */
const fillOf = (k: Kreis | undefined) => (!k || k.borderingCooperating === 0 ? NONE : k.borderingCooperating * 2 < k.borderingKreise ? SOME : MOST);

/**
 * Kreise coloured by how many of their bordering Kreise they work with, with a line between cooperating pairs
 * (thicker: more): all bordering pairs, and the strongest of the distant ones (the API's choice, `linkCount` in all).
 */
export function CooperationMap({ links, linkCount, kreise, label }: { links: Link[]; linkCount: number; kreise: Kreis[]; label: string }) {
  const { t } = useTranslation();
  const { map, error } = useKreiseMap();
  const drawing = useMemo(() => {
    if (!map) return undefined;
    const projection = geoMercator().fitExtent(
      [
        [10, 10],
        [WIDTH - 10, HEIGHT - 10],
      ],
      map.kreise,
    );
    const path = geoPath(projection);
    const byAgs = new Map(kreise.map((k) => [k.ags, k]));
    const centre = new Map(map.kreise.features.map((f) => [f.properties.kreis, path.centroid(f)]));
    return {
      kreise: map.kreise.features.map((f) => ({ ags: f.properties.kreis, d: path(f) ?? '', fill: fillOf(byAgs.get(f.properties.kreis)) })),
      borders: path(map.landBorders) ?? '',
      lines: links.flatMap((l) => {
        const [from, to] = [centre.get(l.a), centre.get(l.b)];
        return from && to ? [{ key: `${l.a}-${l.b}`, from, to, width: l.weight === null ? 1.5 : Math.min(6, 1.5 + Math.log2(l.weight)) }] : [];
      }),
    };
  }, [map, links, kreise]);
  if (!drawing) return <MapPending error={error} />;
  return (
    <MapFrame
      width={WIDTH}
      height={HEIGHT}
      maxHeight={720}
      role="img"
      label={label}
      description={t('insights.map.description', { count: linkCount, shown: links.length })}
      legend={[
        { colour: SOME, label: t('insights.map.legendSome') },
        { colour: MOST, label: t('insights.map.legendMost') },
        { colour: COOPERATING, label: t('insights.map.legendLine'), line: true },
      ]}
    >
      {drawing.kreise.map((k) => (
        <path key={k.ags} d={k.d} fill={k.fill} stroke="#fff" strokeWidth={0.6} />
      ))}
      <path d={drawing.borders} fill="none" stroke="#6b7480" strokeWidth={1} />
      {drawing.lines.map((l) => (
        <line key={l.key} x1={l.from[0]} y1={l.from[1]} x2={l.to[0]} y2={l.to[1]} stroke={COOPERATING} strokeWidth={l.width} strokeLinecap="round" />
      ))}
    </MapFrame>
  );
}
