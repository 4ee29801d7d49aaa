import { DateTime } from 'luxon';
import rrule from 'rrule';
import { badUserInput } from '../errors/app-error.js';

const { RRule } = rrule;

export const BERLIN = 'Europe/Berlin';
export const MAX_DATES = 500;
const FREQUENCIES = new Set([RRule.DAILY, RRule.WEEKLY, RRule.MONTHLY, RRule.YEARLY]);

/** A local wall-clock time ("2027-03-10T12:30") in the zone as an instant; refuses what is not one. */
export function localToInstant(local: string, zone = BERLIN, field = 'startsAt'): Date {
  const time = DateTime.fromISO(local, { zone });
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) || !time.isValid) {
    throw badUserInput('Bitte Datum und Uhrzeit als JJJJ-MM-TTTHH:MM angeben (deutsche Zeit).', { field });
  }
  return time.toJSDate();
}

/**
 * The starts of a series as instants: `first`, then what `rule` (an RRULE without DTSTART) gives in local
 * time. rrule computes on floating times (the local wall clock written as if it were UTC); each is then placed
 * in the zone, so a 12:30 round stays at 12:30 across the March and October clock changes.
 */
export function occurrences(first: Date, rule: string | null | undefined, zone = BERLIN): Date[] {
  if (!rule) return [first];
  const local = DateTime.fromJSDate(first, { zone });
  const floating = new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute));
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(rule.replace(/^RRULE:/i, ''));
  } catch {
    throw badUserInput('Die Wiederholungsregel ist keine gültige RRULE.', { field: 'rrule' });
  }
  if (options.freq === undefined || !FREQUENCIES.has(options.freq)) {
    throw badUserInput('Eine Reihe wiederholt sich täglich, wöchentlich, monatlich oder jährlich.', { field: 'rrule' });
  }
  if (!options.count && !options.until) throw badUserInput('Eine Reihe braucht ein Ende (Anzahl der Termine oder letztes Datum).', { field: 'rrule' });
  const dates = new RRule({ ...options, dtstart: floating }).all((_, i) => i <= MAX_DATES);
  if (dates.length === 0) throw badUserInput('Diese Regel ergibt keinen Termin.', { field: 'rrule' });
  if (dates.length > MAX_DATES) throw badUserInput(`Höchstens ${MAX_DATES} Termine je Reihe.`, { field: 'rrule', limit: MAX_DATES });
  return dates.map((d) =>
    DateTime.fromObject(
      { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() },
      { zone },
    ).toJSDate(),
  );
}
