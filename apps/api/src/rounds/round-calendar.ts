import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { ROUND_ZONE } from './recurrence.js';

export interface CalendarSeries {
  id: string;
  title: string;
  description: string;
  videoUrl: string;
  hostName: string;
  rrule: string | null;
  firstStartsAt: Date;
  durationMinutes: number;
  url: string;
}

export interface CalendarDate {
  id: string;
  originalStartsAt: Date;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
}

/**
 * RFC 5545 for rounds, with a VTIMEZONE for Europe/Berlin. Times are luxon DateTimes in the zone: with plain
 * Dates ical-generator would write the server's wall clock under TZID (PLATFORM.md). A series is one VEVENT with
 * its RRULE; a cancelled or moved date is an override with RECURRENCE-ID (cancelled: STATUS:CANCELLED).
 */
export function roundCalendar(name: string, entries: { series: CalendarSeries; dates: CalendarDate[]; whole: boolean }[]): string {
  const calendar = ical({
    name,
    prodId: { company: 'Verbund', product: 'Austauschrunden', language: 'DE' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: ROUND_ZONE, generator: (tz: string) => tzlib_get_ical_block(tz)[0] as string },
  });
  const zoned = (d: Date) => DateTime.fromJSDate(d, { zone: ROUND_ZONE });
  for (const { series, dates, whole } of entries) {
    const base = {
      summary: series.title,
      description: `${series.description}\n\nGastgeberin: ${series.hostName}\nVideokonferenz: ${series.videoUrl}\n${series.url}`.trim(),
      location: series.videoUrl,
      url: series.url,
      timezone: ROUND_ZONE,
    };
    const uid = (id: string) => `${id}@verbund`;
    if (whole && series.rrule) {
      calendar.createEvent({
        ...base,
        id: uid(series.id),
        start: zoned(series.firstStartsAt),
        end: zoned(new Date(series.firstStartsAt.getTime() + series.durationMinutes * 60_000)),
        repeating: `RRULE:${series.rrule}`,
      });
      for (const date of dates.filter((d) => d.cancelled || d.startsAt.getTime() !== d.originalStartsAt.getTime())) {
        calendar.createEvent({
          ...base,
          id: uid(series.id),
          recurrenceId: zoned(date.originalStartsAt),
          start: zoned(date.startsAt),
          end: zoned(date.endsAt),
          ...(date.cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
        });
      }
    } else {
      for (const date of dates) {
        calendar.createEvent({
          ...base,
          id: uid(date.id),
          start: zoned(date.startsAt),
          end: zoned(date.endsAt),
          ...(date.cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
        });
      }
    }
  }
  return calendar.toString();
}
