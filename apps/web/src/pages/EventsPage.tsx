import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Checkbox, Group, SegmentedControl, Select, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { TOPICS } from '@verbund/shared';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { appendPage } from '../components/appendPage';
import { LoadMore } from '../components/LoadMore';
import { UrbanisationSelect, urbanisationParam } from '../components/UrbanisationSelect';
import { useUrlParams } from '../components/useUrlParams';
import { Link, useNavigate } from 'react-router';
import { FormAlert } from '../components/FormAlert';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { ResultsHeading } from '../components/ResultsHeading';
import { useViewer } from '../features/accounts/useViewer';
import { EVENT_KINDS, LANGUAGES, OFFER_KINDS } from '../features/events/choices';
import { EventCard } from '../features/events/components/EventCard';
import { EventFeed } from '../features/events/components/EventFeed';
import { EventForm } from '../features/events/components/EventForm';
import { OfferCard } from '../features/events/components/OfferCard';
import { OfferForm } from '../features/events/components/OfferForm';
import type { PlacesMapProps } from '../features/events/components/PlacesMap';
import { type EventAttendee, type EventKind, EventsDocument, type EventsFilter, type OfferKind, OffersDocument, type Topic } from '../gql/graphql';

// The calendar (with @mantine/dates) and the map (with its data) load only when someone switches to them.
const EventsCalendar = lazy(() => import('../features/events/components/EventsCalendar').then((m) => ({ default: m.EventsCalendar })));
const PlacesMap = lazy(() => import('../features/events/components/PlacesMap').then((m) => ({ default: m.PlacesMap })));

type View = 'list' | 'week' | 'month' | 'map';

/** Events and standing offers open to the person: near them, by kind, topic, audience and language; as list, calendar or map. */
export function EventsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { viewer, loading } = useViewer();
  const [params, set] = useUrlParams();
  const tab = params.get('art') === 'angebote' ? 'offers' : 'events';
  const nearMe = params.get('nah') === '1';
  const creating = params.get('neu');
  const view = (['week', 'month', 'map'].includes(params.get('ansicht') ?? '') ? params.get('ansicht') : 'list') as View;
  const kind = params.get('art2');
  const topic = params.get('thema');
  const audience = params.get('fuer');
  const language = params.get('sprache');
  const since = /^\d{4}-\d{2}-\d{2}$/.test(params.get('ab') ?? '') ? params.get('ab') : null;
  const urbanisation = urbanisationParam(params.get('siedlung'));
  const filter: EventsFilter = {
    nearMe,
    ...(urbanisation.length ? { urbanisation } : {}),
    ...(kind && tab === 'events' ? { kinds: [kind as EventKind] } : {}),
    ...(topic ? { topics: [topic as Topic] } : {}),
    ...(audience ? { audiences: [audience as EventAttendee] } : {}),
    ...(language ? { language } : {}),
    ...(since ? { from: new Date(`${since}T00:00:00`).toISOString() } : {}),
  };
  const events = useQuery(EventsDocument, {
    variables: { filter, first: 50, offset: 0 },
    skip: !viewer || tab !== 'events' || view === 'week' || view === 'month',
  });
  const offers = useQuery(OffersDocument, {
    variables: {
      filter: {
        nearMe,
        ...(kind && tab === 'offers' ? { kinds: [kind as OfferKind] } : {}),
        ...(urbanisation.length ? { urbanisation } : {}),
        ...(topic ? { topics: [topic as Topic] } : {}),
        ...(language ? { language } : {}),
      },
      first: 50,
      offset: 0,
    },
    skip: !viewer || tab !== 'offers',
  });
  if (loading) return <LoadingState />;
  const eventNodes = (events.data ?? events.previousData)?.events;
  const offerNodes = (offers.data ?? offers.previousData)?.offers;
  const places: PlacesMapProps['places'] =
    tab === 'events'
      ? (eventNodes?.nodes ?? []).flatMap((e) =>
          e.latitude != null && e.longitude != null
            ? [{ id: e.id, label: e.title, to: `/veranstaltungen/${e.id}`, latitude: e.latitude, longitude: e.longitude }]
            : [],
        )
      : (offerNodes?.nodes ?? []).flatMap((o) =>
          o.latitude != null && o.longitude != null
            ? [{ id: o.id, label: o.title, to: `/angebote/${o.id}`, latitude: o.latitude, longitude: o.longitude }]
            : [],
        );
  return (
    <Stack maw={960}>
      <PageHeading>{t('nav.events')}</PageHeading>
      <Text c="gray.7">{t('events.intro')}</Text>
      {!viewer ? (
        <Anchor component={Link} to="/anmelden?weiter=%2Fveranstaltungen">
          {t('events.signIn')}
        </Anchor>
      ) : creating === 'veranstaltung' ? (
        <EventForm onDone={(id) => void navigate(`/veranstaltungen/${id}`)} />
      ) : creating === 'angebot' ? (
        <OfferForm onDone={(id) => void navigate(`/angebote/${id}`)} />
      ) : (
        <Tabs value={tab} onChange={(v) => set('art', v === 'offers' ? 'angebote' : null)} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="events">{t('events.tab')}</Tabs.Tab>
            <Tabs.Tab value="offers">{t('offers.tab')}</Tabs.Tab>
          </Tabs.List>
          <Stack mt="md">
            <Group justify="space-between">
              <Checkbox label={t('events.nearMe')} checked={nearMe} onChange={(e) => set('nah', e.currentTarget.checked ? '1' : null)} />
              <Button onClick={() => set('neu', tab === 'events' ? 'veranstaltung' : 'angebot')}>{tab === 'events' ? t('events.new') : t('offers.new')}</Button>
            </Group>
            <Group align="flex-end" gap="md">
              <SegmentedControl
                aria-label={t('rounds.view.label')}
                value={view}
                onChange={(v) => set('ansicht', v === 'list' ? null : v)}
                data={(tab === 'events' ? (['list', 'week', 'month', 'map'] as const) : (['list', 'map'] as const)).map((v) => ({
                  value: v,
                  label: t(`events.view.${v}`),
                }))}
              />
              <Select
                label={t('events.filter.kind')}
                placeholder={t('rounds.filter.all')}
                clearable
                data={(tab === 'events' ? EVENT_KINDS : OFFER_KINDS).map((k) => ({ value: k, label: t(`${tab}.kinds.${k}`) }))}
                value={kind}
                onChange={(v) => set('art2', v)}
              />
              <Select
                label={t('rounds.filter.topic')}
                placeholder={t('rounds.filter.all')}
                clearable
                data={TOPICS.map((k) => ({ value: k, label: t(`topics.${k}`) }))}
                value={topic}
                onChange={(v) => set('thema', v)}
              />
              {tab === 'events' && (
                <Select
                  label={t('events.filter.audience')}
                  placeholder={t('rounds.filter.all')}
                  clearable
                  data={['FACHKRAEFTE', 'EHRENAMTLICHE', 'ZUGEWANDERTE'].map((a) => ({ value: a, label: t(`events.audiences.${a}`) }))}
                  value={audience}
                  onChange={(v) => set('fuer', v)}
                />
              )}
              <Select
                label={t('events.filter.language')}
                placeholder={t('rounds.filter.all')}
                clearable
                searchable
                data={LANGUAGES.map((l) => ({ value: l, label: t(`langs.${l}`) }))}
                value={language}
                onChange={(v) => set('sprache', v)}
              />
              <UrbanisationSelect value={urbanisation} onChange={(v) => set('siedlung', v.join(',') || null)} />
              {view === 'list' && tab === 'events' && (
                <TextInput label={t('events.filter.from')} type="date" value={since ?? ''} onChange={(e) => set('ab', e.currentTarget.value || null)} />
              )}
            </Group>
            <FormAlert error={events.error ?? offers.error} />
            {view === 'week' || view === 'month' ? (
              <Suspense fallback={<LoadingState />}>
                <EventsCalendar view={view} filter={filter} />
              </Suspense>
            ) : (
              <>
                {view === 'map' && (
                  <Suspense fallback={<LoadingState />}>
                    <PlacesMap places={places} label={t(tab === 'events' ? 'events.map.label' : 'offers.map.label')} />
                  </Suspense>
                )}
                {tab === 'events' ? (
                  <>
                    <ResultsHeading />
                    {eventNodes && <Text c="gray.7">{t('events.count', { count: eventNodes.totalCount })}</Text>}
                    {eventNodes?.nodes.map((e) => (
                      <EventCard key={e.id} event={e} />
                    ))}
                    {eventNodes && (
                      <LoadMore
                        shown={eventNodes.nodes.length}
                        total={eventNodes.totalCount}
                        onMore={() => events.fetchMore({ variables: { offset: eventNodes.nodes.length }, updateQuery: appendPage('events') })}
                      />
                    )}
                  </>
                ) : (
                  <>
                    <ResultsHeading />
                    {offerNodes && <Text c="gray.7">{t('offers.count', { count: offerNodes.totalCount })}</Text>}
                    {offerNodes?.nodes.map((o) => (
                      <OfferCard key={o.id} offer={o} />
                    ))}
                    {offerNodes && (
                      <LoadMore
                        shown={offerNodes.nodes.length}
                        total={offerNodes.totalCount}
                        onMore={() => offers.fetchMore({ variables: { offset: offerNodes.nodes.length }, updateQuery: appendPage('offers') })}
                      />
                    )}
                  </>
                )}
              </>
            )}
            {tab === 'events' && <EventFeed />}
          </Stack>
        </Tabs>
      )}
    </Stack>
  );
}
