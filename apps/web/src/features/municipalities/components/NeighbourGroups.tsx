import { Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../components/useFormat';
import type { MunicipalityDetailQuery, NeighbourReason } from '../../../gql/graphql';
import { KindBadge } from './KindBadge';

type Neighbour = MunicipalityDetailQuery['neighbours'][number];

const GROUPS: NeighbourReason[] = ['SHARES_BORDER', 'VIA_UNINCORPORATED_AREA', 'SAME_KREIS', 'WITHIN_RADIUS', 'SIMILAR'];
/** Long groups (a Landkreis can have a hundred Gemeinden) show the nearest first and the rest on request. */
const COLLAPSED = 12;

/** Neighbours grouped by their strongest reason, nearest first; across a Land border it says so. */
export function NeighbourGroups({ neighbours, landCode }: { neighbours: Neighbour[]; landCode: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [expanded, setExpanded] = useState<Set<NeighbourReason>>(new Set());
  const toggle = (reason: NeighbourReason) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(reason)) next.add(reason);
      return next;
    });
  if (neighbours.length === 0) return <Text>{t('municipalities.neighbours.none')}</Text>;
  return (
    <Stack gap="lg">
      {GROUPS.map((reason) => {
        const members = neighbours.filter((n) => n.reasons[0] === reason);
        if (members.length === 0) return null;
        const open = expanded.has(reason) || members.length <= COLLAPSED;
        const listId = `neighbours-${reason}`;
        return (
          <section key={reason} aria-labelledby={`reason-${reason}`}>
            <Title order={3} size="h4" id={`reason-${reason}`} mb="xs">
              {t(`municipalities.neighbours.reason.${reason}`)} ({members.length})
            </Title>
            <List spacing={6} listStyleType="none" p={0} m={0} id={listId}>
              {(open ? members : members.slice(0, COLLAPSED)).map((n) => (
                <List.Item key={n.municipality.id}>
                  <Group gap="xs" wrap="wrap">
                    <Anchor component={Link} to={`/kommunen/${n.municipality.ags}`}>
                      {n.municipality.name}
                    </Anchor>
                    <KindBadge kind={n.municipality.kind} isLand={n.municipality.isLand} />
                    <Text size="sm" c="gray.7">
                      {reason === 'SIMILAR' && n.municipality.urbanisation
                        ? `${t('municipalities.neighbours.similarBecause', {
                            structure: t(`municipalities.urbanisation.kind.${n.municipality.kind}.${n.municipality.urbanisation}`),
                            population: format.number(n.municipality.population),
                          })} · `
                        : ''}
                      {t('municipalities.neighbours.distance', { value: format.number(n.distanceKm, 1) })}
                      {n.municipality.landCode !== landCode ? ` · ${t('municipalities.neighbours.otherLand')}` : ''}
                    </Text>
                  </Group>
                </List.Item>
              ))}
            </List>
            {members.length > COLLAPSED && (
              <Button variant="subtle" size="compact-sm" mt={6} aria-expanded={open} aria-controls={listId} onClick={() => toggle(reason)}>
                {open ? t('municipalities.neighbours.showFewer') : t('municipalities.neighbours.showAll', { count: members.length })}
              </Button>
            )}
          </section>
        );
      })}
    </Stack>
  );
}
