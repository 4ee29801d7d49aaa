import { useMutation } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { Agenda } from './Agenda';
import { HostTools } from './HostTools';
import { useFormat } from '../../../components/useFormat';
import { CancelRoundRegistrationDocument, RegisterForRoundDocument, type RoundFieldsFragment, RoundsDocument } from '../../../gql/graphql';

/** One date of a round: when, who hosts, places, the person's registration and the calendar files. */
export function RoundCard({ round }: { round: RoundFieldsFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const refetchQueries = [RoundsDocument];
  const [register, registering] = useMutation(RegisterForRoundDocument, { refetchQueries });
  const [cancel, cancelling] = useMutation(CancelRoundRegistrationDocument, { refetchQueries });
  const s = round.series;
  const places = s.capacity
    ? t('rounds.places', { taken: round.registeredCount, capacity: s.capacity })
    : t('rounds.registered', { count: round.registeredCount });
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`round-${round.id}`}>
      <Stack gap={6}>
        <Title order={3} size="h5" id={`round-${round.id}`}>
          {round.title}
        </Title>
        <Text fw={600}>
          <time dateTime={round.startsAt}>{format.berlinDateTime(round.startsAt)}</time> –{' '}
          <time dateTime={round.endsAt}>{format.berlinTime(round.endsAt)}</time>
        </Text>
        <Group gap={6}>
          {s.rrule && <Badge variant="light">{t('rounds.series')}</Badge>}
          {round.moved && (
            <Badge color="gray" variant="light">
              {t('rounds.moved')}
            </Badge>
          )}
          <Text size="sm" c="gray.7">
            {t('rounds.host', { name: s.hostName })} · {t(`rounds.audience.${s.audience}`)} · {places}
            {round.waitingCount > 0 ? ` · ${t('rounds.waiting', { count: round.waitingCount })}` : ''}
          </Text>
        </Group>
        {s.description && (
          <Text size="sm" lineClamp={3}>
            {s.description}
          </Text>
        )}
        <Group gap="xs">
          {round.myRegistration ? (
            <>
              <Badge color={round.myRegistration === 'REGISTERED' ? 'verbund' : 'gray'} variant="light">
                {t(`rounds.my.${round.myRegistration}`)}
              </Badge>
              <Button
                size="compact-sm"
                variant="subtle"
                loading={cancelling.loading}
                onClick={() => void cancel({ variables: { roundId: round.id } }).catch(() => undefined)}
              >
                {t('rounds.cancel')}
              </Button>
              <Anchor href={s.videoUrl} target="_blank" rel="noopener noreferrer" size="sm">
                {t('rounds.video')}
              </Anchor>
            </>
          ) : (
            <Button
              size="compact-sm"
              loading={registering.loading}
              onClick={() => void register({ variables: { input: { roundId: round.id } } }).catch(() => undefined)}
            >
              {t('rounds.register')}
            </Button>
          )}
          {s.rrule && !s.registeredForSeries && (
            <Button
              size="compact-sm"
              variant="light"
              loading={registering.loading}
              onClick={() => void register({ variables: { input: { roundId: round.id, wholeSeries: true } } }).catch(() => undefined)}
            >
              {t('rounds.registerSeries')}
            </Button>
          )}
          <Anchor href={`/calendar/rounds/${round.id}.ics`} size="sm">
            {t('rounds.icsDate')}
          </Anchor>
          {s.rrule && (
            <Anchor href={`/calendar/series/${s.id}.ics`} size="sm">
              {t('rounds.icsSeries')}
            </Anchor>
          )}
        </Group>
        {round.status === 'SCHEDULED' && <Agenda round={round} />}
        {s.canModerate && round.status === 'SCHEDULED' && <HostTools roundId={round.id} title={round.title} />}
        <FormAlert error={registering.error ?? cancelling.error} />
      </Stack>
    </Paper>
  );
}
