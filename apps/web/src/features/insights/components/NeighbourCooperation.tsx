import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../components/useFormat';
import { CooperationDocument, CooperationSuggestionsDocument } from '../../../gql/graphql';
import { NeighbourSuggestions } from './NeighbourSuggestions';

/**
 * For a municipality's members: each bordering and similar municipality with what the two do together, and where
 * nothing happened in twelve months. A Landkreis and the kreisfreie Stadt beside it, and Gemeinden across the
 * Kreis border, come first: the study found them least often working together. Under each gap, what could close it.
 */
export function NeighbourCooperation({ ags, name }: { ags: string; name: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error } = useQuery(CooperationDocument, { variables: { ags } });
  const suggested = useQuery(CooperationSuggestionsDocument, { variables: { ags } });
  if (error || !data) return null;
  const suggestions = suggested.data?.cooperationSuggestions ?? [];
  const emphasis = (n: (typeof data.cooperation)[number]) => (n.landkreisAndCity || n.acrossKreis ? 0 : 1);
  const neighbours = [...data.cooperation].sort((a, b) => emphasis(a) - emphasis(b) || Number(a.gap) - Number(b.gap));
  return (
    <section aria-labelledby="cooperation-title">
      <Title order={3} size="h4" id="cooperation-title" mb="xs">
        {t('insights.title', { name })}
      </Title>
      <Text size="sm" c="gray.7" mb="xs">
        {t('insights.intro')}
      </Text>
      <List spacing="xs" listStyleType="none" ml={0} pl={0} aria-labelledby="cooperation-title">
        {neighbours.map((n) => (
          <List.Item key={n.municipality.id}>
            <Stack gap={2}>
              <Group gap={6}>
                <Anchor component={Link} to={`/kommunen/${n.municipality.ags}`} fw={600}>
                  {n.municipality.name}
                </Anchor>
                {n.landkreisAndCity && (
                  <Badge size="sm" variant="light" color="grape">
                    {t('insights.landkreisAndCity')}
                  </Badge>
                )}
                {n.acrossKreis && (
                  <Badge size="sm" variant="light" color="grape">
                    {t('insights.acrossKreis')}
                  </Badge>
                )}
                <Text size="sm" fw={700} c={n.gap ? 'red.9' : 'teal.9'}>
                  {n.gap ? t('insights.gap') : t('insights.cooperating')}
                </Text>
              </Group>
              <Text size="sm">
                {n.kinds.length
                  ? `${n.kinds.map((k) => t(`insights.kinds.${k.kind}`, { count: k.count })).join(', ')}${n.since ? ` · ${t('insights.since', { date: format.berlinDate(n.since) })}` : ''}`
                  : t(n.reasons.includes('SHARES_BORDER') ? 'insights.nothingBordering' : 'insights.nothingSimilar')}
              </Text>
              <NeighbourSuggestions
                suggestions={suggestions.filter((s) => s.neighbour.municipality.id === n.municipality.id)}
                name={name}
                neighbour={n.municipality.name}
              />
            </Stack>
          </List.Item>
        ))}
      </List>
    </section>
  );
}
