import { useMutation } from '@apollo/client/react';
import { Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { useFormat } from '../../../components/useFormat';
import { AddRoundActionItemDocument, CarryRoundActionItemDocument, type RoundRoomFieldsFragment } from '../../../gql/graphql';

/** Who does what until when; moderators carry an item into the next date's agenda. */
export function RoomActions({ room }: { room: RoundRoomFieldsFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [who, setWho] = useState('');
  const [what, setWhat] = useState('');
  const [due, setDue] = useState('');
  const [add, adding] = useMutation(AddRoundActionItemDocument);
  const [carry, carrying] = useMutation(CarryRoundActionItemDocument);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="room-actions">
      <Title order={2} size="h4" id="room-actions" mb="xs">
        {t('room.actions')}
      </Title>
      {room.actionItems.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('room.noActions')}
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {room.actionItems.map((a) => (
            <List.Item key={a.id}>
              <Group gap={6}>
                <span>
                  <strong>{a.who}</strong>: {a.what}
                  {a.due ? ` (${t('room.until', { date: format.date(a.due) })})` : ''}
                </span>
                {a.carried && <Text size="xs">{t('room.carried')}</Text>}
                {room.canModerate && !a.carried && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-label={t('room.carryItem', { what: a.what })}
                    onClick={() => void carry({ variables: { id: a.id } }).catch(() => undefined)}
                  >
                    {t('room.carry')}
                  </Button>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {room.canTakePart && (
        <Stack
          component="form"
          gap="xs"
          mt="sm"
          aria-label={t('room.newAction')}
          onSubmit={(e) => {
            e.preventDefault();
            void add({ variables: { input: { roundId: room.roundId, who, what, due: due || null } } })
              .then(() => {
                setWho('');
                setWhat('');
                setDue('');
              })
              .catch(() => undefined);
          }}
        >
          <Group grow align="flex-start">
            <TextInput label={t('room.who')} required value={who} onChange={(e) => setWho(e.currentTarget.value)} />
            <TextInput label={t('room.due')} type="date" value={due} onChange={(e) => setDue(e.currentTarget.value)} />
          </Group>
          <TextInput label={t('room.what')} required value={what} onChange={(e) => setWhat(e.currentTarget.value)} />
          <FormAlert error={adding.error ?? carrying.error} />
          <Button type="submit" size="compact-sm" w="fit-content" loading={adding.loading}>
            {t('room.addAction')}
          </Button>
        </Stack>
      )}
    </Paper>
  );
}
