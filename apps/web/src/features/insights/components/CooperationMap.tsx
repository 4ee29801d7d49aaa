import { Box, Group, Text } from '@mantine/core';
import { geoMercator, geoPath } from 'd3-geo';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataAttribution } from '../../../components/DataAttribution';
import { useKreiseMap } from '../../municipalities/components/useKreiseMap';

const WIDTH = 560;
const HEIGHT = 720;
const COOPERATING = '#1c4f82';
const NONE = '#eef1f4';

interface Link {
  a: string;
  b: string;
  weight: number | null;
}

/** Kreise coloured by cooperation across their borders, with a line between each cooperating pair (thicker: more). */
export function CooperationMap({ links, label }: { links: Link[]; label: string }) {
  const { t } = useTranslation();
  const descriptionId = useId();
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
    const active = new Set(links.flatMap((l) => [l.a, l.b]));
    const centre = new Map(map.kreise.features.map((f) => [f.properties.kreis, path.centroid(f)]));
    return {
      kreise: map.kreise.features.map((f) => ({ ags: f.properties.kreis, d: path(f) ?? '', active: active.has(f.properties.kreis) })),
      borders: path(map.landBorders) ?? '',
      lines: links.flatMap((l) => {
        const [from, to] = [centre.get(l.a), centre.get(l.b)];
        return from && to ? [{ key: `${l.a}-${l.b}`, from, to, width: l.weight === null ? 1.5 : Math.min(6, 1.5 + Math.log2(l.weight)) }] : [];
      }),
    };
  }, [map, links]);
  if (error) return <Text c="red.8">{t('municipalities.map.error')}</Text>;
  if (!drawing) return <Text c="gray.7">{t('municipalities.map.loading')}</Text>;
  return (
    <Box>
      <Box
        component="svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        w="100%"
        h="auto"
        role="img"
        aria-label={label}
        aria-describedby={descriptionId}
        style={{ background: '#fbfcfd', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4, maxHeight: 720 }}
      >
        {drawing.kreise.map((k) => (
          <path key={k.ags} d={k.d} fill={k.active ? '#8fb3d9' : NONE} stroke="#fff" strokeWidth={0.6} />
        ))}
        <path d={drawing.borders} fill="none" stroke="#6b7480" strokeWidth={1} />
        {drawing.lines.map((l) => (
          <line key={l.key} x1={l.from[0]} y1={l.from[1]} x2={l.to[0]} y2={l.to[1]} stroke={COOPERATING} strokeWidth={l.width} strokeLinecap="round" />
        ))}
      </Box>
      <Text id={descriptionId} size="sm" c="gray.7" mt={4}>
        {t('insights.map.description', { count: links.length })}
      </Text>
      <Group gap="md" mt={4} aria-hidden>
        <Group gap={6}>
          <Box w={14} h={14} bg="#8fb3d9" /> <Text size="sm">{t('insights.map.legendActive')}</Text>
        </Group>
        <Group gap={6}>
          <Box w={14} h={3} bg={COOPERATING} /> <Text size="sm">{t('insights.map.legendLine')}</Text>
        </Group>
      </Group>
      <DataAttribution />
    </Box>
  );
}
