import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorState } from '../components/ErrorState';
import { FormAlert } from '../components/FormAlert';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { useFormat } from '../components/useFormat';
import { useViewer } from '../features/accounts/useViewer';
import { RoomActions } from '../features/rounds/room/RoomActions';
import { RoomChat } from '../features/rounds/room/RoomChat';
import { RoomNotes } from '../features/rounds/room/RoomNotes';
import { RoomPeople } from '../features/rounds/room/RoomPeople';
import { RoomPolls } from '../features/rounds/room/RoomPolls';
import { useRoundRoom } from '../features/rounds/room/useRoundRoom';
import { CloseRoundRoomDocument, OpenRoundRoomDocument, RoundRoomDocument } from '../gql/graphql';

/**
 * The live room of one date: around the video conference of the host's own tool, what it does not keep (chat,
 * speaking list, polls, action items) and, when a moderator closes it, the protocol.
 */
export function RoundRoomPage() {
  const { roundId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const { viewer, loading: viewerLoading } = useViewer();
  const { data, loading, error, refetch } = useQuery(RoundRoomDocument, { variables: { roundId }, skip: !viewer });
  const room = data?.roundRoom;
  const live = useRoundRoom(roundId, Boolean(room?.canTakePart), () => void refetch());
  const [openRoom, opening] = useMutation(OpenRoundRoomDocument);
  const [closeRoom, closing] = useMutation(CloseRoundRoomDocument);
  if (viewerLoading || (loading && !data)) return <LoadingState />;
  if (!viewer) return <Navigate to={`/anmelden?weiter=${encodeURIComponent(`/austauschrunden/termine/${roundId}`)}`} replace />;
  if (error || !room) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const state = live.state;
  const taking = room.canTakePart && state?.joined && live.client;
  const polls = mergePolls(room.polls, state?.polls ?? []);
  return (
    <Stack>
      <Anchor component={Link} to={`/austauschrunden/reihen/${room.seriesId}`} size="sm">
        {t('room.back')}
      </Anchor>
      <PageHeading>{t('room.title', { title: room.title })}</PageHeading>
      <Group gap="sm">
        <Text fw={600}>
          <time dateTime={room.startsAt}>{format.berlinDateTime(room.startsAt)}</time> – <time dateTime={room.endsAt}>{format.berlinTime(room.endsAt)}</time>
        </Text>
        <Badge variant="light" color={room.state === 'OPEN' ? 'verbund' : 'gray'}>
          {t(`room.state.${room.state}`)}
        </Badge>
        {room.state !== 'CLOSED' && (
          <Button component="a" href={room.videoUrl} target="_blank" rel="noopener noreferrer" variant="light" size="compact-md">
            {t('room.video')}
          </Button>
        )}
        {room.canModerate && room.state === 'NOT_YET' && (
          <Button size="compact-md" loading={opening.loading} onClick={() => void openRoom({ variables: { roundId } }).catch(() => undefined)}>
            {t('room.open')}
          </Button>
        )}
        {room.canModerate && room.state === 'OPEN' && (
          <ConfirmButton
            size="compact-md"
            loading={closing.loading}
            question={t('room.closeConfirm')}
            confirmLabel={t('room.closeYes')}
            onConfirm={() => void closeRoom({ variables: { roundId } }).catch(() => undefined)}
          >
            {t('room.close')}
          </ConfirmButton>
        )}
      </Group>
      <FormAlert error={opening.error ?? closing.error} />
      {room.state === 'NOT_YET' && <Alert color="gray">{t('room.notYet', { when: format.berlinDateTime(room.opensAt) })}</Alert>}
      {room.state === 'OPEN' && !room.canTakePart && <Alert color="gray">{t('room.registerFirst')}</Alert>}
      {state?.refused && <Alert color="red">{t('room.refused')}</Alert>}
      {room.protocolId && (
        <Alert color="verbund" title={t('room.closed')}>
          <Anchor component={Link} to={`/materialien/${room.protocolId}`}>
            {t('room.protocol')}
          </Anchor>
        </Alert>
      )}
      {(room.state === 'CLOSED' || taking) && (
        <Grid>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack>
              <RoomChat
                roundId={roundId}
                messages={taking ? state.messages : room.messages}
                pending={taking ? state.pending : []}
                onSend={taking ? (body) => live.client!.send(body) : undefined}
                canModerate={room.canModerate}
                error={state?.error ? t('room.refusedMessage', { message: state.error.message }) : null}
              />
              {taking && <RoomNotes roundId={roundId} viewer={viewer} />}
              <RoomActions room={room} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack>
              {taking && (
                <RoomPeople
                  people={state.people}
                  queue={state.queue}
                  speaker={state.speaker}
                  viewerId={viewer.id}
                  canModerate={room.canModerate}
                  client={live.client!}
                />
              )}
              <RoomPolls roundId={roundId} polls={polls} canVote={Boolean(taking)} canModerate={room.canModerate} />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

/** The page's polls (with the person's own choices) updated by what the room announced since. */
function mergePolls<P extends { id: string }, L extends { id: string }>(fetched: (P & { myChoices: number[] })[], live: L[]) {
  const merged = fetched.map((p) => ({ ...p, ...(live.find((l) => l.id === p.id) ?? {}) }));
  for (const l of live) if (!fetched.some((p) => p.id === l.id)) merged.push({ ...(l as unknown as P), myChoices: [] });
  return merged;
}
