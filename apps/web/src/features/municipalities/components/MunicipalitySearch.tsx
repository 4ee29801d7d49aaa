import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useUrlParams } from '../../../components/useUrlParams';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/ErrorState';
import { LoadingState } from '../../../components/LoadingState';
import { useFormat } from '../../../components/useFormat';
import { LaenderDocument, type MunicipalityKind, SearchMunicipalitiesDocument } from '../../../gql/graphql';
import { KindBadge } from './KindBadge';

const KINDS: MunicipalityKind[] = ['KREISFREIE_STADT', 'LANDKREIS', 'GEMEINDE', 'LAND'];
const PAGE = 20;

/** Search as you type; the query and filters live in the URL, so results can be shared and survive reloads. */
export function MunicipalitySearch() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, set] = useUrlParams();
  const search = params.get('q') ?? '';
  const land = params.get('land') ?? '';
  const kind = (params.get('art') ?? '') as MunicipalityKind | '';
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const laender = useQuery(LaenderDocument);
  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(SearchMunicipalitiesDocument, {
    variables: { search: debounced || null, land: land || null, kind: kind || null, first: PAGE },
  });
  const result = (data ?? previousData)?.municipalities;

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="form" role="search" onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('municipalities.searchLabel')}
            placeholder={t('municipalities.searchPlaceholder')}
            value={search}
            onChange={(e) => set('q', e.currentTarget.value)}
            type="search"
            autoComplete="off"
          />
          <NativeSelect
            label={t('municipalities.landLabel')}
            value={land}
            onChange={(e) => set('land', e.currentTarget.value)}
            data={[{ value: '', label: t('municipalities.all') }, ...(laender.data?.laender ?? []).map((l) => ({ value: l.landCode, label: l.name }))]}
          />
          <NativeSelect
            label={t('municipalities.kindLabel')}
            value={kind}
            onChange={(e) => set('art', e.currentTarget.value)}
            data={[{ value: '', label: t('municipalities.all') }, ...KINDS.map((k) => ({ value: k, label: t(`municipalities.kind.${k}`) }))]}
          />
        </SimpleGrid>
      </Paper>

      <Text role="status" aria-live="polite" size="sm" c="gray.7">
        {result ? t('municipalities.results', { count: result.totalCount }) : ''}
      </Text>
      {error && <ErrorState onRetry={() => void refetch()} />}
      {!result && loading && <LoadingState />}
      {result?.totalCount === 0 && <Text>{t('municipalities.noResults')}</Text>}

      {result && result.nodes.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('municipalities.resultsLabel')}>
          {result.nodes.map((m) => (
            <Paper component="li" key={m.id} withBorder p="sm">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <div>
                  <Anchor component={Link} to={`/kommunen/${m.ags}`} fw={600}>
                    {m.name}
                  </Anchor>
                  <Text size="sm" c="gray.7">
                    {[m.land && m.land.name !== m.name ? m.land.name : null, t('municipalities.population', { value: format.number(m.population) })]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </div>
                <KindBadge kind={m.kind} isLand={m.isLand} />
              </Group>
            </Paper>
          ))}
        </Stack>
      )}

      {result?.pageInfo.hasNextPage && (
        <Group>
          <Button
            variant="outline"
            loading={loading}
            onClick={() =>
              void fetchMore({
                variables: { after: result.pageInfo.endCursor },
                updateQuery: (prev, { fetchMoreResult }) => ({
                  municipalities: {
                    ...fetchMoreResult.municipalities,
                    nodes: [...prev.municipalities.nodes, ...fetchMoreResult.municipalities.nodes],
                  },
                }),
              })
            }
          >
            {t('municipalities.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
