import { useMutation } from '@apollo/client/react';
import { Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../../components/FormAlert';
import { Agenda } from './Agenda';
import { HostTools } from './HostTools';
import { useFormat } from '../../../components/useFormat';
import { CancelRoundRegistrationDocument, RegisterForRoundDocument, type RoundFieldsFragment, RoundSeriesDocument, RoundsDocument } from '../../../gql/graphql';

/**
 * One date of a round: when, who hosts, places, the person's registration (with consent to be named among the
 * participating municipalities) and the calendar files; after the date, the municipalities that took part.
 */
export function RoundCard({ round, linkSeries = true }: { round: RoundFieldsFragment; linkSeries?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [share, setShare] = useState(false);
  const refetchQueries = [RoundsDocument, RoundSeriesDocument];
  const past = new Date(round.endsAt).getTime() < Date.now();
  const closed = new Date(round.registrationClosesAt).getTime() <= Date.now();
  const when = (
    <>
      <time dateTime={round.startsAt}>{format.berlinDateTime(round.startsAt)}</time> – <time dateTime={round.endsAt}>{format.berlinTime(round.endsAt)}</time>
    </>
  );
  const [register, registering] = useMutation(RegisterForRoundDocument, { refetchQueries });
  const [cancel, cancelling] = useMutation(CancelRoundRegistrationDocument, { refetchQueries });
  const s = round.series;
  const places = s.capacity
    ? t('rounds.places', { taken: round.registeredCount, capacity: s.capacity })
    : t('rounds.registered', { count: round.registeredCount });
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`round-${round.id}`}>
      <Stack gap={6}>
        {linkSeries ? (
          <>
            <Title order={3} size="h5" id={`round-${round.id}`}>
              <Anchor component={Link} to={`/austauschrunden/reihen/${s.id}`} inherit>
                {round.title}
              </Anchor>
            </Title>
            <Text fw={600}>{when}</Text>
          </>
        ) : (
          <Title order={3} size="h5" id={`round-${round.id}`}>
            {when}
          </Title>
        )}
        <Group gap={6}>
          {s.rrule && linkSeries && <Badge variant="light">{t('rounds.series')}</Badge>}
          {round.status === 'CANCELLED' && (
            <Badge color="gray" variant="light">
              {t('rounds.cancelled')}
            </Badge>
          )}
          {round.moved && (
            <Badge color="gray" variant="light">
              {t('rounds.moved')}
            </Badge>
          )}
          <Text size="sm" c="gray.7">
            {linkSeries ? `${t('rounds.host', { name: s.hostName })} · ${t(`rounds.audience.${s.audience}`)} · ` : ''}
            {places}
            {round.waitingCount > 0 ? ` · ${t('rounds.waiting', { count: round.waitingCount })}` : ''}
          </Text>
        </Group>
        {linkSeries && (
          <>
            <Group gap={4}>
              {s.topics.map((topic) => (
                <Badge key={topic} size="sm" variant="outline" color="gray.7">
                  {t(`topics.${topic}`)}
                </Badge>
              ))}
            </Group>
            {s.description && (
              <Text size="sm" lineClamp={3}>
                {s.description}
              </Text>
            )}
          </>
        )}
        {past ? (
          <Group gap="md">
            <Text size="sm">
              {round.participatingMunicipalities.length
                ? t('rounds.participated', { names: round.participatingMunicipalities.join(', ') })
                : t('rounds.participatedNone')}
            </Text>
            <Anchor component={Link} to={`/austauschrunden/termine/${round.id}`} size="sm">
              {t('rounds.minutes')}
            </Anchor>
          </Group>
        ) : (
          round.status === 'SCHEDULED' && registration()
        )}
        {round.status === 'SCHEDULED' && !past && <Agenda round={round} />}
        {s.canModerate && round.status === 'SCHEDULED' && !past && <HostTools roundId={round.id} title={round.title} />}
        <FormAlert error={registering.error ?? cancelling.error} />
      </Stack>
    </Paper>
  );

  function registration() {
    return (
      <>
        {s.deadlineMinutes > 0 && (
          <Text size="sm" c="gray.7">
            {closed ? t('rounds.closed') : t('rounds.closesAt', { when: format.berlinDateTime(round.registrationClosesAt) })}
          </Text>
        )}
        {!round.myRegistration && !closed && (
          <Checkbox size="sm" label={t('rounds.share')} checked={share} onChange={(e) => setShare(e.currentTarget.checked)} />
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
              disabled={closed}
              onClick={() => void register({ variables: { input: { roundId: round.id, shareMunicipality: share } } }).catch(() => undefined)}
            >
              {t('rounds.register')}
            </Button>
          )}
          {s.rrule && !s.registeredForSeries && (
            <Button
              size="compact-sm"
              variant="light"
              loading={registering.loading}
              onClick={() => void register({ variables: { input: { roundId: round.id, wholeSeries: true, shareMunicipality: share } } }).catch(() => undefined)}
            >
              {t('rounds.registerSeries')}
            </Button>
          )}
          <Anchor component={Link} to={`/austauschrunden/termine/${round.id}`} size="sm">
            {t('rounds.room')}
          </Anchor>
          <Anchor href={`/calendar/rounds/${round.id}.ics`} size="sm">
            {t('rounds.icsDate')}
          </Anchor>
          {s.rrule && linkSeries && (
            <Anchor href={`/calendar/series/${s.id}.ics`} size="sm">
              {t('rounds.icsSeries')}
            </Anchor>
          )}
        </Group>
      </>
    );
  }
}
