import { useQuery } from '@apollo/client/react';
import { Accordion, Anchor, Checkbox, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadingState } from '../components/LoadingState';
import { appendPage } from '../components/appendPage';
import { LoadMore } from '../components/LoadMore';
import { PageHeading } from '../components/PageHeading';
import { useViewer } from '../features/accounts/useViewer';
import { CreateGroupForm } from '../features/groups/components/CreateGroupForm';
import { GroupCard } from '../features/groups/components/GroupCard';
import { GroupSuggestions } from '../features/groups/components/GroupSuggestions';
import { UrbanisationSelect, urbanisationParam } from '../components/UrbanisationSelect';
import { GroupsDocument, type Urbanisation } from '../gql/graphql';

export function GroupsPage() {
  const { t } = useTranslation();
  const { viewer, loading } = useViewer();
  const [search, setSearch] = useState('');
  const [mine, setMine] = useState(false);
  const [urbanisation, setUrbanisation] = useState<Urbanisation[]>([]);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const { data, previousData, fetchMore } = useQuery(GroupsDocument, {
    variables: { filter: { search: debounced || null, mine, urbanisation }, first: 50, offset: 0 },
    skip: !viewer,
  });
  const result = (data ?? previousData)?.groups;
  const mineQuery = useQuery(GroupsDocument, { variables: { filter: { mine: true }, first: 100, offset: 0 }, skip: !viewer });
  const invitations = (mineQuery.data?.groups.nodes ?? []).filter((g) => g.viewerStatus === 'INVITED');

  if (loading) return <LoadingState />;
  return (
    <Stack maw={1100} gap="xl">
      <div>
        <PageHeading>{t('groups.title')}</PageHeading>
        <Text size="lg">{t('groups.intro')}</Text>
      </div>
      {!viewer ? (
        <Text>
          {t('groups.signIn')}{' '}
          <Anchor component={Link} to="/anmelden?weiter=%2Farbeitsgruppen">
            {t('account.login')}
          </Anchor>
        </Text>
      ) : (
        <>
          {invitations.length > 0 && (
            <section aria-labelledby="invitations-title">
              <Title order={2} size="h3" id="invitations-title" mb="sm">
                {t('groups.invitations')}
              </Title>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                {invitations.map((g) => (
                  <GroupCard key={g.id} group={g} />
                ))}
              </SimpleGrid>
            </section>
          )}
          <GroupSuggestions title={t('groups.suggestions')} />
          <Accordion variant="contained">
            <Accordion.Item value="create">
              <Accordion.Control>{t('groups.create')}</Accordion.Control>
              <Accordion.Panel>
                <CreateGroupForm />
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
          <section aria-labelledby="all-groups-title">
            <Title order={2} size="h3" id="all-groups-title" mb="sm">
              {t('groups.all')}
            </Title>
            <Group align="end" mb="md">
              <TextInput label={t('groups.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} type="search" />
              <UrbanisationSelect value={urbanisation} onChange={(v) => setUrbanisation(urbanisationParam(v.join(',')))} />
              <Checkbox label={t('groups.mine')} checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} mb={8} />
            </Group>
            {result && (
              <Text c="gray.7" mb="sm" role="status">
                {t('groups.count', { count: result.totalCount })}
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {result?.nodes.map((g) => (
                <GroupCard key={g.id} group={g} />
              ))}
            </SimpleGrid>
            {result && (
              <LoadMore
                shown={result.nodes.length}
                total={result.totalCount}
                onMore={() => fetchMore({ variables: { offset: result.nodes.length }, updateQuery: appendPage('groups') })}
              />
            )}
          </section>
        </>
      )}
    </Stack>
  );
}
