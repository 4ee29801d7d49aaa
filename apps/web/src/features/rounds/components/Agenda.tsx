import { useMutation } from '@apollo/client/react';
import { Badge, Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { AcceptAgendaItemDocument, ProposeAgendaItemDocument, type RoundFieldsFragment, VoteAgendaItemDocument } from '../../../gql/graphql';

/** The agenda of a date: accepted items in order, then proposals by votes; participants propose and vote. */
export function Agenda({ round }: { round: RoundFieldsFragment }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [propose, proposing] = useMutation(ProposeAgendaItemDocument);
  const [vote, voting] = useMutation(VoteAgendaItemDocument);
  const [accept, accepting] = useMutation(AcceptAgendaItemDocument);
  const takesPart = Boolean(round.myRegistration) || round.series.canModerate;
  const accepted = round.agenda.filter((i) => i.status === 'ACCEPTED').length;
  if (!open) {
    return (
      <Button size="compact-sm" variant="subtle" w="fit-content" onClick={() => setOpen(true)}>
        {t('rounds.agenda.open', { count: round.agenda.length })}
      </Button>
    );
  }
  return (
    <Stack gap={6}>
      <Text fw={600} size="sm">
        {t('rounds.agenda.title')}
      </Text>
      {round.agenda.length === 0 && <Text size="sm">{t('rounds.agenda.empty')}</Text>}
      <List size="sm" spacing={4}>
        {round.agenda.map((item) => (
          <List.Item key={item.id}>
            <Group gap={6}>
              {item.status === 'ACCEPTED' && <Badge variant="light">{t('rounds.agenda.accepted')}</Badge>}
              <span>{item.title}</span>
              <Text span size="xs" c="gray.7">
                {t('rounds.agenda.votes', { count: item.voteCount })}
              </Text>
              {takesPart && (
                <Button
                  size="compact-xs"
                  variant={item.votedByMe ? 'filled' : 'default'}
                  aria-pressed={item.votedByMe}
                  loading={voting.loading}
                  onClick={() => void vote({ variables: { id: item.id } }).catch(() => undefined)}
                >
                  {t('rounds.agenda.vote')}
                </Button>
              )}
              {round.series.canModerate && item.status === 'PROPOSED' && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  loading={accepting.loading}
                  onClick={() => void accept({ variables: { input: { itemId: item.id, position: accepted } } }).catch(() => undefined)}
                >
                  {t('rounds.agenda.accept')}
                </Button>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
      {takesPart && (
        <Group
          component="form"
          align="flex-end"
          aria-label={t('rounds.agenda.proposeFor', { title: round.title })}
          onSubmit={(e) => {
            e.preventDefault();
            void propose({ variables: { input: { roundId: round.id, title } } })
              .then(() => setTitle(''))
              .catch(() => undefined);
          }}
        >
          <TextInput size="sm" label={t('rounds.agenda.item')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <Button type="submit" size="compact-md" variant="light" loading={proposing.loading}>
            {t('rounds.agenda.propose')}
          </Button>
        </Group>
      )}
      <FormAlert error={proposing.error ?? voting.error ?? accepting.error} />
    </Stack>
  );
}
