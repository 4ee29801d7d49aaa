import { Anchor, Badge, Group, Paper, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupFieldsFragment } from '../../../gql/graphql';

export function regionText(t: TFunction, g: GroupFieldsFragment): string {
  if (g.region.kind === 'KREIS' && g.region.kreis) return t('groups.around', { name: g.region.kreis.name });
  if (g.region.kind === 'BUNDESWEIT') return t('groups.region.BUNDESWEIT');
  return g.region.laender.map((l) => l.name).join(', ');
}

/** One group in a list: name, how to get in, region, topics; `children` adds why it is suggested. */
export function GroupCard({ group, children }: { group: GroupFieldsFragment; children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb={4}>
        <Anchor component={Link} to={`/arbeitsgruppen/${group.id}`}>
          {group.name}
        </Anchor>
      </Title>
      <Group gap={6} mb={4}>
        <Badge variant="light" color={group.access === 'CLOSED' ? 'gray' : 'blue'}>
          {t(`groups.access.${group.access}`)}
        </Badge>
        {group.viewerStatus && <Badge variant="outline">{t(`groups.status.${group.viewerStatus}`)}</Badge>}
        <Text size="sm" c="gray.7">
          {t('groups.members', { count: group.memberCount })} · {regionText(t, group)}
        </Text>
      </Group>
      <Text size="sm" c="gray.7">
        {group.topics.map((k) => t(`topics.${k}`)).join(', ')}
      </Text>
      {children}
    </Paper>
  );
}
