import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { dayOf } from '../../../components/berlinDay';
import { DatesCalendar } from '../../../components/DatesCalendar';
import { type EventFieldsFragment, EventsDocument, type EventsFilter } from '../../../gql/graphql';
import { EventList } from './EventList';

/** The events of a month or a week; a recurring or multi-day event shows on each of its days. */
export function EventsCalendar({ view, filter }: { view: 'month' | 'week'; filter: EventsFilter }) {
  const { t } = useTranslation();
  const useEvents = (from: Date, to: Date): EventFieldsFragment[] => {
    const { data, previousData } = useQuery(EventsDocument, {
      variables: { filter: { ...filter, from: from.toISOString(), to: to.toISOString() }, first: 50, offset: 0 },
    });
    return (data ?? previousData)?.events.nodes ?? [];
  };
  return (
    <DatesCalendar
      view={view}
      useItems={useEvents}
      startsOf={(e) => e.dates.flatMap((d) => daysBetween(d.startsAt, d.endsAt))}
      renderList={(events) => <EventList events={events} empty={t('events.none')} />}
    />
  );
}

/** Every German day a date touches, as an ISO instant at noon of that day. */
function daysBetween(startsAt: string, endsAt: string): string[] {
  const days: string[] = [];
  for (let day = dayOf(startsAt); day <= dayOf(endsAt) && days.length < 15;) {
    days.push(`${day}T12:00:00Z`);
    const next = new Date(`${day}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    day = next.toISOString().slice(0, 10);
  }
  return days;
}
