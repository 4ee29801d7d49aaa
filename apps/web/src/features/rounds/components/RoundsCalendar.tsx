import { useQuery } from '@apollo/client/react';
import { Button, Group, Indicator, Stack, Title } from '@mantine/core';
import { Calendar, DatesProvider } from '@mantine/dates';
import '@mantine/dates/styles.css';
import dayjs from 'dayjs';
import 'dayjs/locale/de';
import 'dayjs/locale/en-gb';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RoundDatesDocument, type RoundsFilter } from '../../../gql/graphql';
import { type RoundDate, RoundDateList } from './RoundDateList';

const berlinDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });
const dayOf = (iso: string) => berlinDay.format(new Date(iso));
const monday = (day: string) => dayjs(day).subtract((dayjs(day).day() + 6) % 7, 'day');

/**
 * The rounds of a month (days with dates marked; choosing a day lists its dates) or of a week (day by day).
 * Days are German days: a round at 00:30 in Berlin belongs to that day wherever the reader is.
 */
export function RoundsCalendar({ view, filter }: { view: 'month' | 'week'; filter: RoundsFilter }) {
  const { t, i18n } = useTranslation();
  const [selected, setSelected] = useState(() => dayOf(new Date().toISOString()));
  const [month, setMonth] = useState(() => dayjs(selected).startOf('month').format('YYYY-MM-DD'));
  const start = view === 'month' ? dayjs(month).startOf('month') : monday(selected);
  const end = view === 'month' ? start.add(1, 'month') : start.add(7, 'day');
  const { data, previousData } = useQuery(RoundDatesDocument, {
    variables: { filter: { ...filter, from: start.toISOString(), to: end.toISOString() }, first: 100 },
  });
  const rounds = (data ?? previousData)?.rounds.nodes ?? [];
  const byDay = new Map<string, RoundDate[]>();
  for (const r of rounds) byDay.set(dayOf(r.startsAt), [...(byDay.get(dayOf(r.startsAt)) ?? []), r]);
  const heading = (day: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      new Date(`${day}T00:00:00Z`),
    );

  if (view === 'week') {
    const days = Array.from({ length: 7 }, (_, i) => start.add(i, 'day').format('YYYY-MM-DD'));
    return (
      <Stack gap="sm" aria-label={t('rounds.calendar.weekOf', { day: heading(days[0]!) })} role="region">
        {days.map((day) => (
          <section key={day} aria-labelledby={`day-${day}`}>
            <Title order={3} size="h6" id={`day-${day}`}>
              {heading(day)}
            </Title>
            <RoundDateList rounds={byDay.get(day) ?? []} empty={t('rounds.calendar.none')} />
          </section>
        ))}
        <Group>
          <Button variant="default" onClick={() => setSelected(start.subtract(7, 'day').format('YYYY-MM-DD'))}>
            {t('rounds.calendar.previousWeek')}
          </Button>
          <Button variant="default" onClick={() => setSelected(start.add(7, 'day').format('YYYY-MM-DD'))}>
            {t('rounds.calendar.nextWeek')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en-gb' : 'de', firstDayOfWeek: 1 }}>
      <Stack gap="sm">
        <Calendar
          date={month}
          onDateChange={setMonth}
          maxLevel="month"
          ariaLabels={{ previousMonth: t('rounds.calendar.previousMonth'), nextMonth: t('rounds.calendar.nextMonth') }}
          weekendDays={[]}
          hideOutsideDates
          styles={{ weekday: { color: 'var(--mantine-color-gray-7)' } }}
          getDayProps={(day) => {
            const count = byDay.get(day)?.length ?? 0;
            return {
              selected: day === selected,
              onClick: () => setSelected(day),
              ...(count ? { 'aria-label': `${heading(day)}: ${t('rounds.calendar.dates', { count })}` } : {}),
            };
          }}
          renderDay={(day) => (
            <Indicator size={7} color="verbund.8" disabled={!byDay.has(day)} offset={-3}>
              <div>{dayjs(day).date()}</div>
            </Indicator>
          )}
        />
        <section aria-labelledby="selected-day">
          <Title order={3} size="h6" id="selected-day">
            {heading(selected)}
          </Title>
          <RoundDateList rounds={byDay.get(selected) ?? []} empty={t('rounds.calendar.none')} />
        </section>
      </Stack>
    </DatesProvider>
  );
}
