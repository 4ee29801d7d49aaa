import { Button, Group, Indicator, Stack, Title } from '@mantine/core';
import { Calendar, DatesProvider } from '@mantine/dates';
import '@mantine/dates/styles.layer.css';
import dayjs from 'dayjs';
import 'dayjs/locale/de';
import 'dayjs/locale/en-gb';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayOf } from './berlinDay';
import { intlFormatter } from './intlFormatters';

const monday = (day: string) => dayjs(day).subtract((dayjs(day).day() + 6) % 7, 'day');

interface Props<T> {
  view: 'month' | 'week';
  /** Loads what falls into the shown span (a hook: it is called on every render). */
  useItems: (from: Date, to: Date) => T[];
  /** The dates of an item in the span (ISO starts); an item on several days shows on each. */
  startsOf: (item: T) => string[];
  renderList: (items: T[]) => ReactNode;
}

/**
 * A month (days with dates marked; choosing a day lists its dates) or a week (day by day), for rounds and events
 * alike. Days are German days.
 */
export function DatesCalendar<T>({ view, useItems, startsOf, renderList }: Props<T>) {
  const { t, i18n } = useTranslation();
  const [selected, setSelected] = useState(() => dayOf(new Date().toISOString()));
  const [month, setMonth] = useState(() => dayjs(selected).startOf('month').format('YYYY-MM-DD'));
  const start = view === 'month' ? dayjs(month).startOf('month') : monday(selected);
  const end = view === 'month' ? start.add(1, 'month') : start.add(7, 'day');
  const items = useItems(start.toDate(), end.toDate());
  const byDay = new Map<string, T[]>();
  for (const item of items) for (const day of new Set(startsOf(item).map(dayOf))) byDay.set(day, [...(byDay.get(day) ?? []), item]);
  const locale = i18n.language === 'en' ? 'en-GB' : 'de-DE';
  const heading = (day: string) =>
    intlFormatter(`${locale} dayHeading`, () => new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' })).format(
      new Date(`${day}T00:00:00Z`),
    );

  if (view === 'week') {
    const days = Array.from({ length: 7 }, (_, i) => start.add(i, 'day').format('YYYY-MM-DD'));
    return (
      <Stack gap="sm" aria-label={t('calendar.weekOf', { day: heading(days[0]!) })} role="region">
        {days.map((day) => (
          <section key={day} aria-labelledby={`day-${day}`}>
            <Title order={3} size="h6" id={`day-${day}`}>
              {heading(day)}
            </Title>
            {renderList(byDay.get(day) ?? [])}
          </section>
        ))}
        <Group>
          <Button variant="default" onClick={() => setSelected(start.subtract(7, 'day').format('YYYY-MM-DD'))}>
            {t('calendar.previousWeek')}
          </Button>
          <Button variant="default" onClick={() => setSelected(start.add(7, 'day').format('YYYY-MM-DD'))}>
            {t('calendar.nextWeek')}
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
          ariaLabels={{ previousMonth: t('calendar.previousMonth'), nextMonth: t('calendar.nextMonth') }}
          weekendDays={[]}
          hideOutsideDates
          styles={{ weekday: { color: 'var(--mantine-color-gray-7)' } }}
          getDayProps={(day) => {
            const count = byDay.get(day)?.length ?? 0;
            return {
              selected: day === selected,
              onClick: () => setSelected(day),
              ...(count ? { 'aria-label': `${heading(day)}: ${t('calendar.dates', { count })}` } : {}),
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
          {renderList(byDay.get(selected) ?? [])}
        </section>
      </Stack>
    </DatesProvider>
  );
}
