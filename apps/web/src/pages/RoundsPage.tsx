import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { appendPage } from '../components/appendPage';
import { LoadMore } from '../components/LoadMore';
import { urbanisationParam } from '../components/UrbanisationSelect';
import { useUrlParams } from '../components/useUrlParams';
import { Link } from 'react-router';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { ResultsHeading } from '../components/ResultsHeading';
import { useViewer } from '../features/accounts/useViewer';
import { CalendarFeed } from '../features/rounds/components/CalendarFeed';
import { CreateRoundForm } from '../features/rounds/components/CreateRoundForm';
import { RoundCard } from '../features/rounds/components/RoundCard';
import { RoundFilters, type RoundsView } from '../features/rounds/components/RoundFilters';
import { RoundDatesDocument, RoundsDocument, type RoundsFilter, type Topic } from '../gql/graphql';

// The calendar (with @mantine/dates) loads only when someone switches to it.
const RoundsCalendar = lazy(() => import('../features/rounds/components/RoundsCalendar').then((m) => ({ default: m.RoundsCalendar })));

/** The next dates of the exchange rounds the person may join: as a list, a week or a month, by topic and host. */
export function RoundsPage() {
  const { t } = useTranslation();
  const { viewer, loading } = useViewer();
  const [params, set] = useUrlParams();
  const nearMe = params.get('nah') === '1';
  const creating = params.get('neu') === '1';
  const view = (['week', 'month'].includes(params.get('ansicht') ?? '') ? params.get('ansicht') : 'list') as RoundsView;
  const topic = params.get('thema');
  const host = params.get('gastgeberin');
  const [hostKind, hostId] = (host ?? ':').split(':');
  const urbanisation = urbanisationParam(params.get('siedlung'));
  const filter: RoundsFilter = {
    nearMe,
    ...(urbanisation.length ? { urbanisation } : {}),
    ...(topic ? { topics: [topic as Topic] } : {}),
    ...(hostKind === 'group' ? { hostGroupId: hostId } : {}),
    ...(hostKind === 'organization' ? { hostOrganizationId: hostId } : {}),
  };
  const { data, previousData, fetchMore } = useQuery(RoundsDocument, { variables: { filter, first: 50, offset: 0 }, skip: !viewer || view !== 'list' });
  const all = useQuery(RoundDatesDocument, { variables: { filter: { nearMe }, first: 100 }, skip: !viewer });
  const hosts = new Map<string, string>();
  for (const r of all.data?.rounds.nodes ?? []) {
    const s = r.series;
    hosts.set(s.hostGroupId ? `group:${s.hostGroupId}` : `organization:${s.hostOrganizationId}`, s.hostName);
  }
  const rounds = (data ?? previousData)?.rounds;
  if (loading) return <LoadingState />;
  return (
    <Stack maw={900}>
      <PageHeading>{t('nav.rounds')}</PageHeading>
      <Text c="gray.7">{t('rounds.intro')}</Text>
      {!viewer ? (
        <Anchor component={Link} to="/anmelden?weiter=%2Faustauschrunden">
          {t('rounds.signIn')}
        </Anchor>
      ) : creating ? (
        <CreateRoundForm onDone={() => set('neu', null)} />
      ) : (
        <>
          <Group justify="space-between">
            <Checkbox label={t('rounds.nearMe')} checked={nearMe} onChange={(e) => set('nah', e.currentTarget.checked ? '1' : null)} />
            <Button onClick={() => set('neu', '1')}>{t('rounds.new')}</Button>
          </Group>
          <RoundFilters
            view={view}
            topic={topic}
            host={host}
            hosts={[...hosts].map(([value, label]) => ({ value, label }))}
            urbanisation={urbanisation}
            onChange={set}
          />
          {view === 'list' ? (
            <>
              <ResultsHeading />
              {rounds && <Text c="gray.7">{t('rounds.count', { count: rounds.totalCount })}</Text>}
              {rounds?.nodes.map((round) => (
                <RoundCard key={round.id} round={round} />
              ))}
              {rounds && (
                <LoadMore
                  shown={rounds.nodes.length}
                  total={rounds.totalCount}
                  onMore={() => fetchMore({ variables: { offset: rounds.nodes.length }, updateQuery: appendPage('rounds') })}
                />
              )}
            </>
          ) : (
            <Suspense fallback={<LoadingState />}>
              <RoundsCalendar view={view} filter={filter} />
            </Suspense>
          )}
          <CalendarFeed />
        </>
      )}
    </Stack>
  );
}
