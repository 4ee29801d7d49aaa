import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { MATERIAL_KINDS, MATERIAL_LANGUAGES, MATERIAL_LICENCES } from '@verbund/shared';
import { useTranslation } from 'react-i18next';
import { useUrlParams } from '../components/useUrlParams';
import { Link } from 'react-router';
import { appendPage } from '../components/appendPage';
import { LoadMore } from '../components/LoadMore';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { ResultsHeading } from '../components/ResultsHeading';
import { TopicSelect } from '../components/TopicSelect';
import { UrbanisationSelect, urbanisationParam } from '../components/UrbanisationSelect';
import { useViewer } from '../features/accounts/useViewer';
import { MaterialCard } from '../features/materials/components/MaterialCard';
import { MaterialScopeFilters } from '../features/materials/components/MaterialScopeFilters';
import { LaenderDocument, type MaterialKind, type MaterialLicence, MaterialsDocument, type Topic } from '../gql/graphql';

const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);

/** Search and filters live in the URL, so a search can be shared. */
export function MaterialsPage() {
  const { t } = useTranslation();
  const { viewer, loading } = useViewer();
  const [params, set] = useUrlParams();
  const search = params.get('q') ?? '';
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const laender = useQuery(LaenderDocument);
  const filter = {
    topics: list(params.get('themen')) as Topic[],
    kinds: list(params.get('art')) as MaterialKind[],
    languages: list(params.get('sprache')),
    licences: list(params.get('lizenz')) as MaterialLicence[],
    landCode: params.get('land'),
    municipalityAgs: params.get('kommune'),
    groupId: params.get('gruppe'),
    urbanisation: urbanisationParam(params.get('siedlung')),
  };
  const { data, previousData, fetchMore } = useQuery(MaterialsDocument, {
    variables: { search: debounced || null, filter, first: 50, offset: 0 },
    skip: !viewer,
  });
  const result = (data ?? previousData)?.materials;

  // The heading and introduction show at once; only what depends on who is signed in waits.
  return (
    <Stack maw={1100} gap="lg">
      <div>
        <PageHeading>{t('materials.title')}</PageHeading>
        <Text size="lg">{t('materials.intro')}</Text>
      </div>
      {loading ? (
        <LoadingState />
      ) : !viewer ? (
        <Text>
          {t('materials.signIn')}{' '}
          <Anchor component={Link} to="/anmelden?weiter=%2Fmaterialien">
            {t('account.login')}
          </Anchor>
        </Text>
      ) : (
        <>
          <Group>
            <Button component={Link} to="/materialien/neu">
              {t('materials.publish')}
            </Button>
          </Group>
          <TextInput label={t('materials.search')} type="search" value={search} onChange={(e) => set('q', e.currentTarget.value)} />
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
            <TopicSelect label={t('materials.topicsLabel')} value={filter.topics} onChange={(v) => set('themen', v)} />
            <MultiSelect
              label={t('materials.kindLabel')}
              data={MATERIAL_KINDS.map((k) => ({ value: k, label: t(`materials.kind.${k}`) }))}
              value={filter.kinds}
              onChange={(v) => set('art', v)}
            />
            <MultiSelect
              label={t('materials.languages')}
              data={MATERIAL_LANGUAGES.map((l) => ({ value: l, label: t(`materials.language.${l}`) }))}
              value={filter.languages}
              onChange={(v) => set('sprache', v)}
              searchable
            />
            <MultiSelect
              label={t('materials.licenceLabel')}
              data={MATERIAL_LICENCES.map((l) => ({ value: l, label: t(`materials.licence.${l}`) }))}
              value={filter.licences}
              onChange={(v) => set('lizenz', v)}
            />
            <Select
              label={t('materials.land')}
              data={(laender.data?.laender ?? []).map((l) => ({ value: l.landCode, label: l.name }))}
              value={filter.landCode}
              onChange={(v) => set('land', v)}
              clearable
            />
            <UrbanisationSelect value={filter.urbanisation} onChange={(v) => set('siedlung', v)} />
          </SimpleGrid>
          <MaterialScopeFilters ags={filter.municipalityAgs} groupId={filter.groupId} onClear={(param) => set(param, null)} />
          <ResultsHeading />
          {result && (
            <Text c="gray.7" role="status">
              {result.totalCount ? t('materials.count', { count: result.totalCount }) : t('materials.none')}
            </Text>
          )}
          <Stack>
            {result?.nodes.map((hit) => (
              <MaterialCard key={hit.material.id} material={hit.material} snippet={hit.snippet} />
            ))}
          </Stack>
          {result && (
            <LoadMore
              shown={result.nodes.length}
              total={result.totalCount}
              onMore={() => fetchMore({ variables: { offset: result.nodes.length }, updateQuery: appendPage('materials') })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
