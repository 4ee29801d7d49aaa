import { Box, Group, Text } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DataAttribution } from '../../../components/DataAttribution';

export interface MapLegendItem {
  colour: string;
  label: string;
  /** Drawn as a line (a connection) instead of a square (an area). */
  line?: boolean;
}

interface MapFrameProps {
  width: number;
  height: number;
  maxHeight: number;
  label: string;
  /** `group` when the map holds links, `img` when it is one picture. */
  role: 'group' | 'img';
  /** What the map shows, in words; the lists on the page are its text alternative. */
  description: string;
  legend?: MapLegendItem[];
  children: ReactNode;
}

/** The frame every offline map shares: the drawing, its description, the legend and the data's attribution. */
export function MapFrame({ width, height, maxHeight, label, role, description, legend, children }: MapFrameProps) {
  const descriptionId = useId();
  return (
    <Box>
      <Box
        component="svg"
        viewBox={`0 0 ${width} ${height}`}
        w="100%"
        h="auto"
        role={role}
        aria-label={label}
        aria-describedby={descriptionId}
        style={{ background: '#fbfcfd', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4, maxHeight }}
      >
        {children}
      </Box>
      <Text id={descriptionId} size="sm" c="gray.7" mt={4}>
        {description}
      </Text>
      {legend && (
        <Group gap="md" mt={4} aria-hidden>
          {legend.map((item) => (
            <Group gap={6} key={item.label}>
              <Box w={14} h={item.line ? 3 : 14} bg={item.colour} /> <Text size="sm">{item.label}</Text>
            </Group>
          ))}
        </Group>
      )}
      <DataAttribution />
    </Box>
  );
}

/** While the map data loads, or when it could not be loaded. */
export function MapPending({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return error ? <Text c="red.8">{t('municipalities.map.error')}</Text> : <Text c="gray.7">{t('municipalities.map.loading')}</Text>;
}

/** A shape or point on a map that leads to a page, within the app (no reload). */
export function MapLink({ to, label, children }: { to: string; label: string; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <a
      href={to}
      aria-label={label}
      onClick={(e) => {
        e.preventDefault();
        void navigate(to);
      }}
    >
      {children}
    </a>
  );
}
