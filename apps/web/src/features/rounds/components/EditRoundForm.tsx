import { useMutation } from '@apollo/client/react';
import { Button, Group, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { TopicSelect } from '../../../components/TopicSelect';
import { type RoundSeriesQuery, RoundSeriesDocument, type Topic, UpdateRoundDocument } from '../../../gql/graphql';
import { DeadlineSelect } from './DeadlineSelect';

type Series = RoundSeriesQuery['roundSeries']['series'];

/** Hosts change what a series says; its times change date by date. */
export function EditRoundForm({ series, onDone }: { series: Series; onDone: () => void }) {
  const { t } = useTranslation();
  const [update, { loading, error }] = useMutation(UpdateRoundDocument, { refetchQueries: [RoundSeriesDocument] });
  const [title, setTitle] = useState(series.title);
  const [description, setDescription] = useState(series.description);
  const [topics, setTopics] = useState<Topic[]>(series.topics);
  const [videoUrl, setVideoUrl] = useState(series.videoUrl);
  const [capacity, setCapacity] = useState<number | string>(series.capacity ?? '');
  const [deadline, setDeadline] = useState(String(series.deadlineMinutes));
  return (
    <Stack
      component="form"
      aria-label={t('rounds.edit.title')}
      maw={640}
      onSubmit={(e) => {
        e.preventDefault();
        void update({
          variables: {
            input: {
              seriesId: series.id,
              title,
              description,
              topics,
              language: series.language,
              videoUrl,
              capacity: capacity === '' ? null : Number(capacity),
              deadlineMinutes: Number(deadline),
            },
          },
        })
          .then(() => onDone())
          .catch(() => undefined);
      }}
    >
      <TextInput label={t('rounds.form.title')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      <Textarea label={t('rounds.form.description')} autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
      <TopicSelect label={t('rounds.form.topics')} required value={topics} onChange={setTopics} />
      <TextInput label={t('rounds.form.videoUrl')} required type="url" value={videoUrl} onChange={(e) => setVideoUrl(e.currentTarget.value)} />
      <Group grow align="flex-start">
        <NumberInput label={t('rounds.form.capacity')} description={t('rounds.form.capacityHint')} min={1} value={capacity} onChange={setCapacity} />
        <DeadlineSelect value={deadline} onChange={setDeadline} />
      </Group>
      <FormAlert error={error} />
      <Group>
        <Button type="submit" loading={loading}>
          {t('rounds.edit.save')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('rounds.edit.discard')}
        </Button>
      </Group>
    </Stack>
  );
}
