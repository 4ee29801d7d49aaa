import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { appendPage } from '../components/appendPage';
import { LoadMore } from '../components/LoadMore';
import { PageHeading } from '../components/PageHeading';
import { ResultsHeading } from '../components/ResultsHeading';
import { useUrlParams } from '../components/useUrlParams';
import { useViewer } from '../features/accounts/useViewer';
import { ConceptCard } from '../features/concepts/components/ConceptCard';
import { MaterialCard } from '../features/materials/components/MaterialCard';
import { SearchDocument } from '../gql/graphql';

/** One search box for materials and published concepts; the words live in the URL, so a search can be shared. */
export function SearchPage() {
  const { t } = useTranslation();
  const { viewer, loading } = useViewer();
  const [params, set] = useUrlParams();
  const search = params.get('q') ?? '';
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const { data, previousData, fetchMore } = useQuery(SearchDocument, { variables: { search: debounced, first: 30, offset: 0 }, skip: !viewer || !debounced });
  const result = (data ?? previousData)?.search;
  return (
    <Stack maw={900}>
      <PageHeading>{t('search.title')}</PageHeading>
      <Text c="gray.7">{t('search.intro')}</Text>
      {!loading && !viewer ? (
        <Text>
          <Anchor component={Link} to="/anmelden?weiter=%2Fsuche">
            {t('search.signIn')}
          </Anchor>
        </Text>
      ) : (
        <>
          <TextInput type="search" label={t('search.label')} value={search} onChange={(e) => set('q', e.currentTarget.value)} />
          {debounced && <ResultsHeading />}
          {debounced && result && (
            <Text role="status" c="gray.7">
              {t('search.count', { count: result.totalCount })}
            </Text>
          )}
          {debounced &&
            result?.nodes.map((hit) => (
              <Stack key={hit.material?.id ?? hit.concept?.id} gap={4}>
                <Group gap={6}>
                  <Badge variant="outline" color={hit.kind === 'CONCEPT' ? 'grape' : 'verbund'}>
                    {t(`search.kind.${hit.kind}`)}
                  </Badge>
                </Group>
                {hit.material && <MaterialCard material={hit.material} snippet={hit.snippet} />}
                {hit.concept && <ConceptCard concept={hit.concept} snippet={hit.snippet} />}
              </Stack>
            ))}
          {debounced && result && (
            <LoadMore
              shown={result.nodes.length}
              total={result.totalCount}
              onMore={() => fetchMore({ variables: { offset: result.nodes.length }, updateQuery: appendPage('search') })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
