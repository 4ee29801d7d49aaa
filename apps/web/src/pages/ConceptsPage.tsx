import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useUrlParams } from '../components/useUrlParams';
import { Link } from 'react-router';
import { LoadingState } from '../components/LoadingState';
import { appendPage } from '../components/appendPage';
import { LoadMore } from '../components/LoadMore';
import { PageHeading } from '../components/PageHeading';
import { ResultsHeading } from '../components/ResultsHeading';
import { TopicSelect } from '../components/TopicSelect';
import { UrbanisationSelect, urbanisationParam } from '../components/UrbanisationSelect';
import { useViewer } from '../features/accounts/useViewer';
import { ConceptCard } from '../features/concepts/components/ConceptCard';
import { CreateConceptForm } from '../features/concepts/components/CreateConceptForm';
import { ConceptsDocument, type Topic } from '../gql/graphql';

/** Published concepts of everyone and the person's own drafts; search and filters live in the URL. */
export function ConceptsPage() {
  const { t } = useTranslation();
  const { viewer, loading } = useViewer();
  const [params, set] = useUrlParams();
  const search = params.get('q') ?? '';
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const topics = (params.get('themen') ?? '').split(',').filter(Boolean) as Topic[];
  const mine = params.get('meine') === '1';
  const urbanisation = urbanisationParam(params.get('siedlung'));
  const { data, previousData, fetchMore } = useQuery(ConceptsDocument, {
    variables: { search: debounced || null, filter: { topics, mine, urbanisation }, first: 50, offset: 0 },
    skip: !viewer,
  });
  const result = (data ?? previousData)?.concepts;
  if (loading) return <LoadingState />;
  return (
    <Stack maw={1100} gap="lg">
      <div>
        <PageHeading>{t('concepts.title')}</PageHeading>
        <Text size="lg">{t('concepts.intro')}</Text>
      </div>
      {!viewer ? (
        <Text>
          {t('concepts.signIn')}{' '}
          <Anchor component={Link} to="/anmelden?weiter=%2Fkonzepte">
            {t('account.login')}
          </Anchor>
        </Text>
      ) : params.get('neu') === '1' ? (
        <CreateConceptForm />
      ) : (
        <>
          <Group>
            <Button onClick={() => set('neu', '1')}>{t('concepts.new')}</Button>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <TextInput label={t('concepts.search')} type="search" value={search} onChange={(e) => set('q', e.currentTarget.value)} />
            <TopicSelect label={t('concepts.topics')} value={topics} onChange={(v) => set('themen', v.join(','))} />
            <UrbanisationSelect value={urbanisation} onChange={(v) => set('siedlung', v.join(',') || null)} />
            <Checkbox mt={{ sm: 30 }} label={t('concepts.mine')} checked={mine} onChange={(e) => set('meine', e.currentTarget.checked ? '1' : null)} />
          </SimpleGrid>
          <ResultsHeading />
          <Text role="status" c="gray.7">
            {result ? t('concepts.count', { count: result.totalCount }) : ''}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {result?.nodes.map((c) => (
              <ConceptCard key={c.id} concept={c} />
            ))}
          </SimpleGrid>
          {result && (
            <LoadMore
              shown={result.nodes.length}
              total={result.totalCount}
              onMore={() => fetchMore({ variables: { offset: result.nodes.length }, updateQuery: appendPage('concepts') })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
