import { Badge, Button, Checkbox, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { RoundPerson, RoundRoomClient } from '@verbund/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  people: RoundPerson[];
  queue: string[];
  speaker: string | null;
  viewerId: string;
  canModerate: boolean;
  client: RoundRoomClient;
}

/** Who is here, grouped by municipality, and the speaking list the server keeps in one order for everyone. */
export function RoomPeople({ people, queue, speaker, viewerId, canModerate, client }: Props) {
  const { t } = useTranslation();
  const [preferNew, setPreferNew] = useState(false);
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? t('room.someone');
  const groups = new Map<string, RoundPerson[]>();
  for (const person of people) {
    const where = person.organizations[0]?.municipality ?? t('room.noMunicipality');
    groups.set(where, [...(groups.get(where) ?? []), person]);
  }
  const raised = queue.includes(viewerId);
  return (
    <Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="room-people">
        <Title order={2} size="h4" id="room-people" mb="xs">
          {t('room.present', { count: people.length })}
        </Title>
        {[...groups].map(([where, list]) => (
          <div key={where}>
            <Text size="sm" fw={600}>
              {where}
            </Text>
            <List size="sm" mb="xs">
              {list.map((p) => (
                <List.Item key={p.id}>
                  {p.name}
                  {p.organizations[0] ? ` (${p.organizations.map((o) => o.name).join(', ')})` : ''}
                </List.Item>
              ))}
            </List>
          </div>
        ))}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="room-queue">
        <Title order={2} size="h4" id="room-queue" mb="xs">
          {t('room.queue')}
        </Title>
        <Text size="sm" mb="xs">
          {speaker ? t('room.speaking', { name: name(speaker) }) : t('room.nobodySpeaking')}
        </Text>
        {queue.length === 0 ? (
          <Text size="sm" c="gray.7">
            {t('room.noHands')}
          </Text>
        ) : (
          <List type="ordered" size="sm" aria-label={t('room.queue')}>
            {queue.map((id) => (
              <List.Item key={id}>
                <Group gap={6}>
                  {name(id)}
                  {id === viewerId && <Badge size="xs">{t('room.you')}</Badge>}
                  {canModerate && id !== viewerId && (
                    <Button size="compact-xs" variant="subtle" onClick={() => client.lowerHand(id)}>
                      {t('room.skip', { name: name(id) })}
                    </Button>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        <Group mt="sm" gap="xs">
          {raised ? (
            <Button variant="light" onClick={() => client.lowerHand()}>
              {t('room.lowerHand')}
            </Button>
          ) : (
            <Button onClick={() => client.raiseHand()}>{t('room.raiseHand')}</Button>
          )}
          {canModerate && (
            <>
              <Button variant="default" onClick={() => client.nextSpeaker(preferNew)}>
                {t('room.next')}
              </Button>
              <Button variant="subtle" onClick={() => client.clearQueue()}>
                {t('room.clear')}
              </Button>
            </>
          )}
        </Group>
        {canModerate && <Checkbox mt="xs" size="sm" label={t('room.preferNew')} checked={preferNew} onChange={(e) => setPreferNew(e.currentTarget.checked)} />}
      </Paper>
    </Stack>
  );
}
