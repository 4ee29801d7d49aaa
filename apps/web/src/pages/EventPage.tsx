import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorState } from '../components/ErrorState';
import { FormAlert } from '../components/FormAlert';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { useViewer } from '../features/accounts/useViewer';
import { EventCard } from '../features/events/components/EventCard';
import { EventForm } from '../features/events/components/EventForm';
import { EventWhen } from '../features/events/components/EventWhen';
import { CancelEventDocument, EventDocument, EventsDocument } from '../gql/graphql';

/** One event: everything about it, its next dates, registration; organisers change or cancel it. */
export function EventPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const { viewer, loading: viewerLoading } = useViewer();
  const { data, loading, error, refetch } = useQuery(EventDocument, { variables: { id }, skip: !viewer });
  const [cancel, cancelling] = useMutation(CancelEventDocument, { refetchQueries: [EventsDocument] });
  if (viewerLoading || (loading && !data)) return <LoadingState />;
  if (!viewer) return <Navigate to={`/anmelden?weiter=${encodeURIComponent(`/veranstaltungen/${id}`)}`} replace />;
  if (error || !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const event = data.event;
  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/veranstaltungen" size="sm">
        {t('events.back')}
      </Anchor>
      <PageHeading>{event.title}</PageHeading>
      {editing ? (
        <EventForm
          event={event}
          onDone={() => {
            setEditing(false);
            void refetch();
          }}
        />
      ) : (
        <>
          <EventCard event={event} heading="h2" />
          {event.description && <Text style={{ whiteSpace: 'pre-line' }}>{event.description}</Text>}
          {event.accessibility && (
            <section aria-labelledby="accessibility">
              <Title order={2} size="h5" id="accessibility">
                {t('events.accessibility')}
              </Title>
              <Text>{event.accessibility}</Text>
            </section>
          )}
          {event.dates.length > 1 && (
            <section aria-labelledby="dates">
              <Title order={2} size="h5" id="dates">
                {t('events.nextDates')}
              </Title>
              <List>
                {event.dates.map((d) => (
                  <List.Item key={d.startsAt}>
                    <EventWhen startsAt={d.startsAt} endsAt={d.endsAt} />
                  </List.Item>
                ))}
              </List>
            </section>
          )}
          {event.canEdit && event.status === 'SCHEDULED' && (
            <Group>
              <Button variant="default" onClick={() => setEditing(true)}>
                {t('events.edit')}
              </Button>
              <ConfirmButton
                loading={cancelling.loading}
                question={t('events.cancelConfirm')}
                confirmLabel={t('events.cancelYes')}
                onConfirm={() => void cancel({ variables: { id: event.id } }).catch(() => undefined)}
              >
                {t('events.cancel')}
              </ConfirmButton>
            </Group>
          )}
          <FormAlert error={cancelling.error} />
        </>
      )}
    </Stack>
  );
}
