import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { useViewer } from '../features/accounts/useViewer';
import { EditRoundForm } from '../features/rounds/components/EditRoundForm';
import { RoundCard } from '../features/rounds/components/RoundCard';
import { RoundSeriesDocument } from '../gql/graphql';

/** A round series: what it is, its next dates and those already held (with the municipalities that took part). */
export function RoundSeriesPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const { viewer, loading: viewerLoading } = useViewer();
  const { data, loading, error, refetch } = useQuery(RoundSeriesDocument, { variables: { id }, skip: !viewer });
  if (viewerLoading || (loading && !data)) return <LoadingState />;
  if (!viewer) return <Navigate to={`/anmelden?weiter=${encodeURIComponent(`/austauschrunden/reihen/${id}`)}`} replace />;
  if (error || !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const { series, upcoming, past } = data.roundSeries;
  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/austauschrunden" size="sm">
        {t('rounds.back')}
      </Anchor>
      <PageHeading>{series.title}</PageHeading>
      <Group gap={6}>
        <Text c="gray.7">
          {t('rounds.host', { name: series.hostName })} · {t(`rounds.audience.${series.audience}`)}
        </Text>
        {series.topics.map((topic) => (
          <Badge key={topic} size="sm" variant="outline" color="gray.7">
            {t(`topics.${topic}`)}
          </Badge>
        ))}
      </Group>
      {series.description && <Text style={{ whiteSpace: 'pre-line' }}>{series.description}</Text>}
      <Group gap="md">
        {series.rrule && <Anchor href={`/calendar/series/${series.id}.ics`}>{t('rounds.icsSeries')}</Anchor>}
        {series.canModerate && !editing && (
          <Button variant="light" size="compact-sm" onClick={() => setEditing(true)}>
            {t('rounds.edit.title')}
          </Button>
        )}
      </Group>
      {editing && <EditRoundForm series={series} onDone={() => setEditing(false)} />}
      <section aria-labelledby="next-dates">
        <Title order={2} size="h3" id="next-dates" mb="sm">
          {t('rounds.nextDates')}
        </Title>
        <Stack>
          {upcoming.length === 0 && <Text c="gray.7">{t('rounds.noNextDates')}</Text>}
          {upcoming.map((round) => (
            <RoundCard key={round.id} round={round} linkSeries={false} />
          ))}
        </Stack>
      </section>
      {past.length > 0 && (
        <section aria-labelledby="past-dates">
          <Title order={2} size="h3" id="past-dates" mb="sm">
            {t('rounds.pastDates')}
          </Title>
          <Stack>
            {past.map((round) => (
              <RoundCard key={round.id} round={round} linkSeries={false} />
            ))}
          </Stack>
        </section>
      )}
    </Stack>
  );
}
