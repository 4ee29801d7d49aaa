import { useMutation } from '@apollo/client/react';
import { Button, Checkbox, Group, Paper, Progress, Radio, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { RoundPoll } from '@verbund/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { CloseRoundPollDocument, CreateRoundPollDocument, RoundRoomDocument, VoteRoundPollDocument } from '../../../gql/graphql';

type Poll = RoundPoll & { myChoices?: number[] };

/** Polls with live results; the person's own choices come from the page's query and their votes. */
export function RoomPolls({ roundId, polls, canVote, canModerate }: { roundId: string; polls: Poll[]; canVote: boolean; canModerate: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="room-polls">
      <Title order={2} size="h4" id="room-polls" mb="xs">
        {t('room.polls')}
      </Title>
      <Stack>
        {polls.length === 0 && (
          <Text size="sm" c="gray.7">
            {t('room.noPolls')}
          </Text>
        )}
        {polls.map((poll) => (
          <PollCard key={poll.id} poll={poll} canVote={canVote && poll.open} canModerate={canModerate && poll.open} />
        ))}
        {canModerate && canVote && <NewPoll roundId={roundId} />}
      </Stack>
    </Paper>
  );
}

function PollCard({ poll, canVote, canModerate }: { poll: Poll; canVote: boolean; canModerate: boolean }) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<string[]>((poll.myChoices ?? []).map(String));
  const [vote, voting] = useMutation(VoteRoundPollDocument);
  const [close] = useMutation(CloseRoundPollDocument);
  const total = poll.counts.reduce((a, b) => a + b, 0);
  return (
    <Stack gap={6}>
      <Text fw={600}>
        {poll.question} {poll.open ? '' : `(${t('room.pollClosed')})`}
      </Text>
      {canVote &&
        (poll.multiple ? (
          <Checkbox.Group label={t('room.yourVote')} value={choices} onChange={setChoices}>
            <Stack gap={4} mt={4}>
              {poll.options.map((o, i) => (
                <Checkbox key={o} value={String(i)} label={o} />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : (
          <Radio.Group label={t('room.yourVote')} value={choices[0] ?? null} onChange={(v) => setChoices([v])}>
            <Stack gap={4} mt={4}>
              {poll.options.map((o, i) => (
                <Radio key={o} value={String(i)} label={o} />
              ))}
            </Stack>
          </Radio.Group>
        ))}
      {canVote && (
        <Button
          size="compact-sm"
          w="fit-content"
          disabled={!choices.length}
          loading={voting.loading}
          onClick={() => void vote({ variables: { input: { pollId: poll.id, choices: choices.map(Number) } } }).catch(() => undefined)}
        >
          {t('room.vote')}
        </Button>
      )}
      <Stack gap={2} aria-label={t('room.results', { question: poll.question })} role="group">
        {poll.options.map((o, i) => (
          <div key={o}>
            <Text size="sm">
              {o}: {poll.counts[i] ?? 0}
              {poll.voters[i]?.length ? ` (${poll.voters[i]!.join(', ')})` : ''}
            </Text>
            <Progress value={total ? ((poll.counts[i] ?? 0) / total) * 100 : 0} aria-hidden size="sm" />
          </div>
        ))}
      </Stack>
      <FormAlert error={voting.error} />
      {canModerate && (
        <Button size="compact-sm" variant="subtle" w="fit-content" onClick={() => void close({ variables: { pollId: poll.id } }).catch(() => undefined)}>
          {t('room.closePoll')}
        </Button>
      )}
    </Stack>
  );
}

function NewPoll({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState('');
  const [multiple, setMultiple] = useState(false);
  const [named, setNamed] = useState(false);
  const [create, { loading, error }] = useMutation(CreateRoundPollDocument, { refetchQueries: [RoundRoomDocument] });
  return (
    <Stack
      component="form"
      gap="xs"
      aria-label={t('room.newPoll')}
      onSubmit={(e) => {
        e.preventDefault();
        const list = options
          .split('\n')
          .map((o) => o.trim())
          .filter(Boolean);
        void create({ variables: { input: { roundId, question, options: list, multiple, anonymous: !named } } })
          .then(() => {
            setQuestion('');
            setOptions('');
          })
          .catch(() => undefined);
      }}
    >
      <TextInput label={t('room.question')} required value={question} onChange={(e) => setQuestion(e.currentTarget.value)} />
      <Textarea
        label={t('room.options')}
        description={t('room.optionsHint')}
        required
        autosize
        minRows={2}
        value={options}
        onChange={(e) => setOptions(e.currentTarget.value)}
      />
      <Group>
        <Switch label={t('room.multiple')} checked={multiple} onChange={(e) => setMultiple(e.currentTarget.checked)} />
        <Switch label={t('room.named')} checked={named} onChange={(e) => setNamed(e.currentTarget.checked)} />
      </Group>
      <FormAlert error={error} />
      <Button type="submit" size="compact-sm" w="fit-content" loading={loading}>
        {t('room.ask')}
      </Button>
    </Stack>
  );
}
