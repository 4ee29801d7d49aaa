import { useQuery } from '@apollo/client/react';
import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConceptLineageDocument } from '../../../gql/graphql';
import { KreisMap } from '../../municipalities/components/KreisMap';

/** Where the concept came from, and who adapted it: organisation, municipality, the version it follows. */
export function Lineage({ conceptId, latestVersion }: { conceptId: string; latestVersion: number }) {
  const { t } = useTranslation();
  const { data } = useQuery(ConceptLineageDocument, { variables: { conceptId } });
  const lineage = data?.conceptLineage;
  if (!lineage || (lineage.ancestors.length === 0 && lineage.adaptations.length === 0)) return null;
  // Where the adaptations are: the Kreis of each adapting municipality (the list above is the text alternative).
  const kreise = [...new Set(lineage.adaptations.flatMap((a) => (a.organization?.municipality ? [a.organization.municipality.ags.slice(0, 5)] : [])))];
  return (
    <Stack component="section" aria-labelledby="lineage" gap="xs">
      <Title order={2} size="h4" id="lineage">
        {t('concepts.lineage')}
      </Title>
      {lineage.ancestors.length > 0 && (
        <>
          <Text fw={600}>{t('concepts.comesFrom')}</Text>
          <List>
            {lineage.ancestors.map((a) => (
              <List.Item key={a.concept.id}>
                <Anchor component={Link} to={`/konzepte/${a.concept.id}`}>
                  {a.concept.title}
                </Anchor>{' '}
                ({a.group?.name ?? a.organization?.name})
              </List.Item>
            ))}
          </List>
        </>
      )}
      {lineage.adaptations.length > 0 && (
        <>
          <Text fw={600}>{t('concepts.adaptations', { count: lineage.adaptations.length })}</Text>
          <List>
            {lineage.adaptations.map((a) => (
              <List.Item key={a.concept.id}>
                <Anchor component={Link} to={`/konzepte/${a.concept.id}`}>
                  {a.organization?.name ?? a.concept.title}
                </Anchor>
                {' · '}
                {t('concepts.follows', { version: a.adaptedFromVersion })}
                {a.adaptedFromVersion !== null && a.adaptedFromVersion < latestVersion
                  ? ` · ${t('concepts.behind', { count: latestVersion - a.adaptedFromVersion })}`
                  : ''}
              </List.Item>
            ))}
          </List>
          {kreise.length > 0 && (
            <KreisMap name={t('concepts.lineageMap')} highlighted={kreise} neighbours={[]} overview={{ legend: t('concepts.lineageMapLegend'), fit: true }} />
          )}
        </>
      )}
    </Stack>
  );
}
