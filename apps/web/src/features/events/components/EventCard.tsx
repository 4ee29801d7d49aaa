import { useMutation } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../../components/FormAlert';
import { CancelEventRegistrationDocument, type EventFieldsFragment, EventDocument, EventsDocument, RegisterForEventDocument } from '../../../gql/graphql';
import { EventWhen } from './EventWhen';
import { OpenToText } from './OpenToText';

/** One event: when and where, who organises it for whom, and the person's registration. */
export function EventCard({ event, heading = 'h3' }: { event: EventFieldsFragment; heading?: 'h2' | 'h3' }) {
  const { t } = useTranslation();
  const refetchQueries = [EventsDocument, EventDocument];
  const [register, registering] = useMutation(RegisterForEventDocument, { refetchQueries });
  const [cancel, cancelling] = useMutation(CancelEventRegistrationDocument, { refetchQueries });
  const closes = event.registrationDeadline ?? event.startsAt;
  const open = event.status === 'SCHEDULED' && new Date(closes).getTime() > Date.now();
  const places = event.capacity
    ? t('events.places', { taken: event.registeredCount, capacity: event.capacity })
    : t('events.registered', { count: event.registeredCount });
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`event-${event.id}`}>
      <Stack gap={6}>
        <Title order={heading === 'h2' ? 2 : 3} size="h5" id={`event-${event.id}`}>
          <Anchor component={Link} to={`/veranstaltungen/${event.id}`} inherit>
            {event.title}
          </Anchor>
        </Title>
        <Text fw={600}>
          <EventWhen startsAt={event.startsAt} endsAt={event.endsAt} />
        </Text>
        <Group gap={6}>
          <Badge variant="light">{t(`events.kinds.${event.kind}`)}</Badge>
          {event.rrule && <Badge variant="light">{t('events.recurring', { count: event.dates.length })}</Badge>}
          {event.status === 'CANCELLED' && (
            <Badge color="gray" variant="light">
              {t('events.cancelled')}
            </Badge>
          )}
          {event.audiences.map((a) => (
            <Badge key={a} color="gray" variant="outline">
              {t(`events.audiences.${a}`)}
            </Badge>
          ))}
        </Group>
        <Text size="sm">
          {t('events.organizer', { name: event.organizerName })}
          {event.coOrganizers.length > 0 && ` ${t('events.with', { names: event.coOrganizers.map((c) => `${c.name} (${c.municipality})`).join(', ') })}`}
        </Text>
        {event.address && <Text size="sm">{t('events.place', { address: event.address })}</Text>}
        {event.onlineUrl && (
          <Text size="sm">
            {t('events.online')}{' '}
            <Anchor href={event.onlineUrl} target="_blank" rel="noreferrer">
              {event.onlineUrl}
            </Anchor>
          </Text>
        )}
        <OpenToText openTo={event.openTo} openLandCode={event.openLandCode} home={event.home} municipalities={event.openToMunicipalities} />
        <Text size="sm" c="gray.7">
          {t('events.languages', { list: event.languages.map((l) => t(`langs.${l}`, { defaultValue: l })).join(', ') })}
          {event.cost && ` · ${event.cost}`}
        </Text>
        {event.registrationMode === 'EXTERNAL' && event.registrationUrl && (
          <Anchor href={event.registrationUrl} target="_blank" rel="noreferrer" size="sm">
            {t('events.registerExternal')}
          </Anchor>
        )}
        {event.registrationMode === 'VERBUND' && (
          <Group gap="sm">
            <Text size="sm">{places}</Text>
            {event.waitingCount > 0 && <Text size="sm">{t('events.waiting', { count: event.waitingCount })}</Text>}
            {event.myRegistration ? (
              <>
                <Text size="sm" fw={600}>
                  {event.myRegistration === 'REGISTERED' ? t('events.youAreRegistered') : t('events.youAreWaiting')}
                </Text>
                <Button
                  size="xs"
                  variant="default"
                  loading={cancelling.loading}
                  onClick={() => void cancel({ variables: { id: event.id } }).catch(() => undefined)}
                >
                  {t('events.unregister')}
                </Button>
              </>
            ) : (
              open && (
                <Button size="xs" loading={registering.loading} onClick={() => void register({ variables: { id: event.id } }).catch(() => undefined)}>
                  {t('events.register')}
                </Button>
              )
            )}
          </Group>
        )}
        <FormAlert error={registering.error ?? cancelling.error} />
      </Stack>
    </Paper>
  );
}
