import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { useViewer } from '../features/accounts/useViewer';
import { CalendarFeed } from '../features/rounds/components/CalendarFeed';
import { CreateRoundForm } from '../features/rounds/components/CreateRoundForm';
import { RoundCard } from '../features/rounds/components/RoundCard';
import { RoundsDocument } from '../gql/graphql';

/** The next dates of the exchange rounds the person may join; "near me" keeps those for their region. */
export function RoundsPage() {
  const { t } = useTranslation();
  const { viewer, loading } = useViewer();
  const [params, setParams] = useSearchParams();
  const nearMe = params.get('nah') === '1';
  const creating = params.get('neu') === '1';
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const { data, previousData } = useQuery(RoundsDocument, { variables: { filter: { nearMe }, first: 50, offset: 0 }, skip: !viewer });
  const rounds = (data ?? previousData)?.rounds;
  if (loading) return <LoadingState />;
  return (
    <Stack maw={900}>
      <PageHeading>{t('nav.rounds')}</PageHeading>
      <Text c="gray.7">{t('sections.rounds')}</Text>
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
          {rounds && <Text c="gray.7">{t('rounds.count', { count: rounds.totalCount })}</Text>}
          {rounds?.nodes.map((round) => (
            <RoundCard key={round.id} round={round} />
          ))}
          <CalendarFeed />
        </>
      )}
    </Stack>
  );
}
