import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, MultiSelect, NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { TopicSelect } from '../../../components/TopicSelect';
import {
  CreateEventDocument,
  type EventAttendee,
  type EventFieldsFragment,
  type EventKind,
  type EventRegistrationMode,
  EventsDocument,
  GroupsDocument,
  MyMembershipsDocument,
  type OpenTo,
  type Topic,
  UpdateEventDocument,
} from '../../../gql/graphql';
import { ruleFor } from '../../rounds/components/CreateRoundForm';
import { berlinLocal, EVENT_KINDS, LANGUAGES, OPEN_TO } from '../choices';

const ATTENDEES: EventAttendee[] = ['FACHKRAEFTE', 'EHRENAMTLICHE', 'ZUGEWANDERTE'];

/** A new event, or changes to one (`event`): organiser, time, place, for whom, registration. */
export function EventForm({ event, onDone }: { event?: EventFieldsFragment; onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const groups = useQuery(GroupsDocument, { variables: { filter: { mine: true }, first: 100, offset: 0 }, skip: Boolean(event) });
  const memberships = useQuery(MyMembershipsDocument);
  const [create, created] = useMutation(CreateEventDocument, { refetchQueries: [EventsDocument] });
  const [update, updated] = useMutation(UpdateEventDocument, { refetchQueries: [EventsDocument] });
  const [kind, setKind] = useState<string>(event?.kind ?? 'FACHTAG');
  const [title, setTitle] = useState(event?.title ?? '');
  const [description, setDescription] = useState(event?.description ?? '');
  const [topics, setTopics] = useState<Topic[]>(event?.topics ?? []);
  const [organizer, setOrganizer] = useState<string | null>(null);
  const [coOrganizers, setCoOrganizers] = useState<string[]>(event?.coOrganizers.map((c) => c.id) ?? []);
  // A series is changed from its first date, which its rule repeats: the next date would move the whole series.
  const [startsAt, setStartsAt] = useState(event ? berlinLocal(event.firstStartsAt) : '');
  const [endsAt, setEndsAt] = useState(event ? berlinLocal(event.firstEndsAt) : '');
  const [repeat, setRepeat] = useState('none');
  const [count, setCount] = useState<number | string>(10);
  const [address, setAddress] = useState(event?.address ?? '');
  const [position, setPosition] = useState(event?.latitude != null ? `${event.latitude}, ${event.longitude}` : '');
  const [onlineUrl, setOnlineUrl] = useState(event?.onlineUrl ?? '');
  const [openTo, setOpenTo] = useState<string>(event?.openTo ?? 'NEIGHBOURS');
  const [landCode, setLandCode] = useState(event?.openLandCode ?? '');
  const [audiences, setAudiences] = useState<string[]>(event?.audiences ?? ['FACHKRAEFTE']);
  const [languages, setLanguages] = useState<string[]>(event?.languages ?? ['de']);
  const [accessibility, setAccessibility] = useState(event?.accessibility ?? '');
  const [cost, setCost] = useState(event?.cost ?? '');
  const [mode, setMode] = useState<string>(event?.registrationMode ?? 'NONE');
  const [capacity, setCapacity] = useState<number | string>(event?.capacity ?? '');
  const [deadline, setDeadline] = useState(event?.registrationDeadline ? berlinLocal(event.registrationDeadline) : '');
  const [registrationUrl, setRegistrationUrl] = useState(event?.registrationUrl ?? '');
  const confirmed = (memberships.data?.myMemberships ?? []).filter((m) => m.status === 'CONFIRMED');
  const organizers = [
    ...confirmed.map((m) => ({ value: `organization:${m.organization.id}`, label: m.organization.name })),
    ...(groups.data?.groups.nodes ?? [])
      .filter((g) => g.viewerStatus === 'ACTIVE')
      .map((g) => ({ value: `group:${g.id}`, label: `${t('concepts.ownerGroup')}: ${g.name}` })),
  ];
  const [lat, lon] = position
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map(Number);
  const details = {
    kind: kind as EventKind,
    title,
    description,
    topics,
    startsAt,
    endsAt,
    rrule: event ? event.rrule : ruleFor(repeat, startsAt, Number(count)),
    address,
    latitude: position.trim() ? (lat ?? null) : null,
    longitude: position.trim() ? (lon ?? null) : null,
    onlineUrl: onlineUrl.trim() || null,
    coOrganizerIds: coOrganizers,
    openTo: openTo as OpenTo,
    openLandCode: openTo === 'LAND' ? landCode : null,
    audiences: audiences as EventAttendee[],
    languages,
    accessibility,
    cost,
    registrationMode: mode as EventRegistrationMode,
    capacity: mode === 'VERBUND' && capacity !== '' ? Number(capacity) : null,
    registrationDeadline: mode === 'VERBUND' && deadline ? deadline : null,
    registrationUrl: mode === 'EXTERNAL' ? registrationUrl : null,
  };
  const headingId = event ? 'edit-event' : 'new-event';
  return (
    <Stack
      component="form"
      aria-labelledby={headingId}
      maw={680}
      onSubmit={(e) => {
        e.preventDefault();
        const [organizerKind, organizerId] = (organizer ?? ':').split(':');
        const done = event
          ? update({ variables: { input: { ...details, id: event.id } } }).then((r) => r.data?.updateEvent.id)
          : create({
              variables: {
                input: {
                  ...details,
                  ...(organizerKind === 'group' ? { organizerGroupId: organizerId } : { organizerOrganizationId: organizerId }),
                },
              },
            }).then((r) => r.data?.createEvent.id);
        void done.then((id) => id && onDone(id)).catch(() => undefined);
      }}
    >
      <Title order={2} size="h3" id={headingId}>
        {event ? t('events.form.editTitle') : t('events.new')}
      </Title>
      {!event && <Select label={t('events.form.organizer')} required data={organizers} value={organizer} onChange={setOrganizer} />}
      <Select
        label={t('events.form.kind')}
        required
        allowDeselect={false}
        data={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))}
        value={kind}
        onChange={(v) => setKind(v ?? 'FACHTAG')}
      />
      <TextInput label={t('events.form.title')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      <Textarea label={t('events.form.description')} autosize minRows={3} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
      <TopicSelect label={t('events.form.topics')} required value={topics} onChange={setTopics} />
      <Group grow align="flex-start">
        <TextInput
          label={t('events.form.startsAt')}
          description={t('rounds.form.berlin')}
          required
          type="datetime-local"
          value={startsAt}
          onChange={(e) => setStartsAt(e.currentTarget.value)}
        />
        <TextInput
          label={t('events.form.endsAt')}
          description={t('events.form.endsHint')}
          required
          type="datetime-local"
          value={endsAt}
          onChange={(e) => setEndsAt(e.currentTarget.value)}
        />
      </Group>
      {event?.rrule && <Text size="sm">{t('events.form.seriesHint')}</Text>}
      {!event && (
        <Group grow align="flex-start">
          <Select
            label={t('rounds.form.repeat')}
            data={['none', 'weekly', 'biweekly', 'monthly'].map((r) => ({ value: r, label: t(`rounds.form.repeats.${r}`) }))}
            value={repeat}
            onChange={(v) => setRepeat(v ?? 'none')}
            allowDeselect={false}
          />
          {repeat !== 'none' && <NumberInput label={t('rounds.form.count')} min={2} max={500} value={count} onChange={setCount} />}
        </Group>
      )}
      <TextInput
        label={t('events.form.address')}
        description={t('events.form.addressHint')}
        value={address}
        onChange={(e) => setAddress(e.currentTarget.value)}
      />
      <TextInput
        label={t('events.form.position')}
        description={t('events.form.positionHint')}
        value={position}
        onChange={(e) => setPosition(e.currentTarget.value)}
      />
      <TextInput label={t('events.form.onlineUrl')} type="url" value={onlineUrl} onChange={(e) => setOnlineUrl(e.currentTarget.value)} />
      <MultiSelect
        label={t('events.form.coOrganizers')}
        description={t('events.form.coOrganizersHint')}
        data={confirmed.map((m) => ({ value: m.organization.id, label: m.organization.name }))}
        value={coOrganizers}
        onChange={setCoOrganizers}
      />
      <Select
        label={t('events.form.openTo')}
        required
        allowDeselect={false}
        data={OPEN_TO.map((o) => ({ value: o, label: t(`events.openTo.choice.${o}`) }))}
        value={openTo}
        onChange={(v) => setOpenTo(v ?? 'NEIGHBOURS')}
      />
      {openTo === 'LAND' && <TextInput label={t('rounds.form.landCode')} value={landCode} onChange={(e) => setLandCode(e.currentTarget.value)} />}
      <Group grow align="flex-start">
        <MultiSelect
          label={t('events.form.audiences')}
          required
          data={ATTENDEES.map((a) => ({ value: a, label: t(`events.audiences.${a}`) }))}
          value={audiences}
          onChange={setAudiences}
        />
        <MultiSelect
          label={t('events.form.languages')}
          data={LANGUAGES.map((l) => ({ value: l, label: t(`langs.${l}`) }))}
          value={languages}
          onChange={setLanguages}
          searchable
        />
      </Group>
      <Textarea label={t('events.form.accessibility')} autosize minRows={2} value={accessibility} onChange={(e) => setAccessibility(e.currentTarget.value)} />
      <TextInput label={t('events.form.cost')} value={cost} onChange={(e) => setCost(e.currentTarget.value)} />
      <Select
        label={t('events.form.registration')}
        allowDeselect={false}
        data={['NONE', 'VERBUND', 'EXTERNAL'].map((m) => ({ value: m, label: t(`events.registrationModes.${m}`) }))}
        value={mode}
        onChange={(v) => setMode(v ?? 'NONE')}
      />
      {event?.registrationMode === 'VERBUND' && mode !== 'VERBUND' && event.registeredCount + event.waitingCount > 0 && (
        <Text size="sm" c="red.9">
          {t('events.form.registrationsEnd', { count: event.registeredCount + event.waitingCount })}
        </Text>
      )}
      {mode === 'VERBUND' && (
        <Group grow align="flex-start">
          <NumberInput label={t('events.form.capacity')} description={t('rounds.form.capacityHint')} min={1} value={capacity} onChange={setCapacity} />
          <TextInput label={t('events.form.deadline')} type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.currentTarget.value)} />
        </Group>
      )}
      {mode === 'EXTERNAL' && (
        <TextInput
          label={t('events.form.registrationUrl')}
          required
          type="url"
          value={registrationUrl}
          onChange={(e) => setRegistrationUrl(e.currentTarget.value)}
        />
      )}
      <FormAlert error={created.error ?? updated.error} />
      <Button type="submit" loading={created.loading || updated.loading} w="fit-content">
        {event ? t('events.form.save') : t('events.form.submit')}
      </Button>
    </Stack>
  );
}
