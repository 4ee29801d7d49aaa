import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, NumberInput, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { TopicSelect } from '../../../components/TopicSelect';
import { DeadlineSelect } from './DeadlineSelect';
import { CreateRoundDocument, GroupsDocument, MyMembershipsDocument, type RoundAudience, RoundsDocument, type Topic } from '../../../gql/graphql';

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** The RRULE for the usual rhythms of a round, from its first date (local time) and the number of dates. */
export function ruleFor(repeat: string, startsAt: string, count: number): string | null {
  if (repeat === 'none' || !startsAt) return null;
  const day = new Date(`${startsAt}:00Z`);
  const weekday = WEEKDAYS[(day.getUTCDay() + 6) % 7];
  const nth = Math.ceil(day.getUTCDate() / 7);
  if (repeat === 'weekly') return `FREQ=WEEKLY;COUNT=${count}`;
  if (repeat === 'biweekly') return `FREQ=WEEKLY;INTERVAL=2;COUNT=${count}`;
  return `FREQ=MONTHLY;BYDAY=${nth > 4 ? -1 : nth}${weekday};COUNT=${count}`;
}

/** A new round: one date or a series, hosted by the person's organisation or working group. */
export function CreateRoundForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const groups = useQuery(GroupsDocument, { variables: { filter: { mine: true }, first: 100, offset: 0 } });
  const memberships = useQuery(MyMembershipsDocument);
  const [create, { loading, error }] = useMutation(CreateRoundDocument, { refetchQueries: [RoundsDocument] });
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [topics, setTopics] = useState<Topic[]>([]);
  const [host, setHost] = useState<string | null>(null);
  const [audience, setAudience] = useState<string>('SIGNED_IN');
  const [landCode, setLandCode] = useState('');
  const [kreis, setKreis] = useState('');
  const [videoUrl, setVideoUrl] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [duration, setDuration] = useState<number | string>(60);
  const [capacity, setCapacity] = useState<number | string>('');
  const [repeat, setRepeat] = useState('none');
  const [count, setCount] = useState<number | string>(6);
  const [deadline, setDeadline] = useState('0');
  const hosts = [
    ...(memberships.data?.myMemberships ?? [])
      .filter((m) => m.status === 'CONFIRMED')
      .map((m) => ({ value: `organization:${m.organization.id}`, label: m.organization.name })),
    ...(groups.data?.groups.nodes ?? [])
      .filter((g) => g.viewerStatus === 'ACTIVE')
      .map((g) => ({ value: `group:${g.id}`, label: `${t('concepts.ownerGroup')}: ${g.name}` })),
  ];
  const audiences = ['SIGNED_IN', 'GROUP', 'LAND', 'KREIS_AREA', 'NEIGHBOURS'].map((a) => ({ value: a, label: t(`rounds.audience.${a}`) }));
  return (
    <Stack
      component="form"
      aria-labelledby="new-round"
      maw={640}
      onSubmit={(e) => {
        e.preventDefault();
        const [kind, id] = (host ?? ':').split(':');
        void create({
          variables: {
            input: {
              title,
              description,
              topics,
              videoUrl,
              startsAt,
              durationMinutes: Number(duration),
              capacity: capacity === '' ? null : Number(capacity),
              deadlineMinutes: Number(deadline),
              audience: audience as RoundAudience,
              audienceLandCode: audience === 'LAND' ? landCode : null,
              audienceKreisAgs: audience === 'KREIS_AREA' ? kreis : null,
              rrule: ruleFor(repeat, startsAt, Number(count)),
              ...(kind === 'group' ? { hostGroupId: id } : {}),
              ...(kind === 'organization' ? { hostOrganizationId: id } : {}),
            },
          },
        })
          .then(() => onDone())
          .catch(() => undefined);
      }}
    >
      <Title order={2} size="h3" id="new-round">
        {t('rounds.new')}
      </Title>
      <TextInput label={t('rounds.form.title')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      <Textarea label={t('rounds.form.description')} autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
      <TopicSelect label={t('rounds.form.topics')} required value={topics} onChange={setTopics} />
      <Select label={t('rounds.form.host')} required data={hosts} value={host} onChange={setHost} />
      <Select
        label={t('rounds.form.audience')}
        required
        data={audiences}
        value={audience}
        onChange={(v) => setAudience(v ?? 'SIGNED_IN')}
        allowDeselect={false}
      />
      {audience === 'LAND' && <TextInput label={t('rounds.form.landCode')} required value={landCode} onChange={(e) => setLandCode(e.currentTarget.value)} />}
      {audience === 'KREIS_AREA' && <TextInput label={t('rounds.form.kreis')} required value={kreis} onChange={(e) => setKreis(e.currentTarget.value)} />}
      <TextInput
        label={t('rounds.form.videoUrl')}
        description={t('rounds.form.videoHint')}
        required
        type="url"
        value={videoUrl}
        onChange={(e) => setVideoUrl(e.currentTarget.value)}
      />
      <Group grow align="flex-start">
        <TextInput
          label={t('rounds.form.startsAt')}
          description={t('rounds.form.berlin')}
          required
          type="datetime-local"
          value={startsAt}
          onChange={(e) => setStartsAt(e.currentTarget.value)}
        />
        <NumberInput label={t('rounds.form.duration')} required min={15} max={600} step={15} value={duration} onChange={setDuration} />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('rounds.form.repeat')}
          data={['none', 'weekly', 'biweekly', 'monthly'].map((r) => ({ value: r, label: t(`rounds.form.repeats.${r}`) }))}
          value={repeat}
          onChange={(v) => setRepeat(v ?? 'none')}
          allowDeselect={false}
        />
        {repeat !== 'none' && <NumberInput label={t('rounds.form.count')} min={2} max={500} value={count} onChange={setCount} />}
        <NumberInput label={t('rounds.form.capacity')} description={t('rounds.form.capacityHint')} min={1} value={capacity} onChange={setCapacity} />
        <DeadlineSelect value={deadline} onChange={setDeadline} />
      </Group>
      <FormAlert error={error} />
      <Button type="submit" loading={loading} w="fit-content">
        {t('rounds.form.submit')}
      </Button>
    </Stack>
  );
}
