import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { BERLIN } from './recurrence.js';

/** One VEVENT: a single date, or a repeating one (`rrule`) with its moved and cancelled dates. */
export interface IcsEntry {
  /** Unique within Verbund; `@verbund` is appended. */
  uid: string;
  summary: string;
  description: string;
  location: string;
  url: string;
  start: Date;
  end: Date;
  /** RFC 5545 RRULE over local times in Europe/Berlin, without DTSTART. */
  rrule?: string | null;
  cancelled?: boolean;
  /** Dates of a repeating entry that differ from its rule, each an override with RECURRENCE-ID. */
  exceptions?: { originalStart: Date; start: Date; end: Date; cancelled: boolean }[];
}

/**
 * RFC 5545 with a VTIMEZONE for Europe/Berlin, for every calendar Verbund publishes (rounds, events, the feeds).
 * Times are luxon DateTimes in the zone: with plain Dates ical-generator would write the server's wall clock under
 * TZID (PLATFORM.md).
 */
export function icsCalendar(name: string, product: string, entries: IcsEntry[]): string {
  const calendar = ical({
    name,
    prodId: { company: 'Verbund', product, language: 'DE' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: BERLIN, generator: (tz: string) => tzlib_get_ical_block(tz)[0] as string },
  });
  const zoned = (d: Date) => DateTime.fromJSDate(d, { zone: BERLIN });
  for (const entry of entries) {
    const base = { summary: entry.summary, description: entry.description, location: entry.location, url: entry.url, timezone: BERLIN };
    const id = `${entry.uid}@verbund`;
    calendar.createEvent({
      ...base,
      id,
      start: zoned(entry.start),
      end: zoned(entry.end),
      ...(entry.rrule ? { repeating: `RRULE:${entry.rrule}` } : {}),
      ...(entry.cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
    });
    for (const exception of entry.rrule ? (entry.exceptions ?? []) : []) {
      calendar.createEvent({
        ...base,
        id,
        recurrenceId: zoned(exception.originalStart),
        start: zoned(exception.start),
        end: zoned(exception.end),
        ...(exception.cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
      });
    }
  }
  return calendar.toString();
}
