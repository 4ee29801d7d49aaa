import { DateTime } from 'luxon';
import rrule from 'rrule';
import { badUserInput } from '../errors/app-error.js';

const { RRule } = rrule;

export const BERLIN = 'Europe/Berlin';
export const MAX_DATES = 500;
const FREQUENCIES = new Set([RRule.DAILY, RRule.WEEKLY, RRule.MONTHLY, RRule.YEARLY]);
const MAX_RULE_LENGTH = 300;
/** A series ends within this many years: the dates are sought up to there and no further (a sparse rule could seek for centuries). */
const MAX_YEARS = 10;
/**
 * The parts of one RRULE line; anything else (DTSTART, TZID, a second line such as EXRULE) would reach calendars as
 * written. No BYSECOND: dates are kept to the minute.
 */
const RULE_PART = /^(FREQ|INTERVAL|COUNT|UNTIL|WKST|BYDAY|BYMONTHDAY|BYMONTH|BYYEARDAY|BYWEEKNO|BYSETPOS|BYHOUR|BYMINUTE)=[A-Z0-9,+-]+$/;
const notARule = () => badUserInput('Die Wiederholungsregel ist keine gültige RRULE.', { field: 'rrule' });

/** A local wall-clock time ("2027-03-10T12:30") in the zone as an instant; refuses what is not one. */
export function localToInstant(local: string, zone = BERLIN, field = 'startsAt'): Date {
  const time = DateTime.fromISO(local, { zone });
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) || !time.isValid) {
    throw badUserInput('Bitte Datum und Uhrzeit als JJJJ-MM-TTTHH:MM angeben (deutsche Zeit).', { field });
  }
  return time.toJSDate();
}

/**
 * A rule as it is stored and written into calendar files: one RRULE line of known parts, without the `RRULE:`
 * prefix; null for none. Refuses anything else, as `occurrences` does.
 */
export function ruleText(rule: string | null | undefined): string | null {
  const text = rule
    ?.trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
  if (!text) return null;
  if (text.length > MAX_RULE_LENGTH || !text.split(';').every((part) => RULE_PART.test(part))) throw notARule();
  return text;
}

/**
 * The starts of a series as instants: `first`, then what `rule` (an RRULE without DTSTART) gives in local
 * time. rrule computes on floating times (the local wall clock written as if it were UTC); each is then placed
 * in the zone, so a 12:30 round stays at 12:30 across the March and October clock changes. A rule whose first
 * date is not `first` (a BYDAY that does not match its weekday) is refused: calendar programs would show `first`
 * beside the rule's dates, and the series would mean two different things.
 */
export function occurrences(first: Date, rule: string | null | undefined, zone = BERLIN): Date[] {
  const dates = expand(first, rule, zone);
  if (dates[0]!.getTime() !== first.getTime()) {
    throw badUserInput('Der erste Termin der Regel ist nicht der Beginn: Wochentag oder Tag im Monat passen nicht zum Beginn.', { field: 'rrule' });
  }
  return dates;
}

/**
 * The starts of a series stored before its rule was checked as `occurrences` checks it now: what calendar
 * programs show for it (RFC 5545: the start, counted as the first of COUNT, then the rule's later dates), or the
 * start alone if the rule is not one.
 */
export function storedOccurrences(first: Date, rule: string | null, zone = BERLIN): Date[] {
  let dates: Date[];
  try {
    dates = expand(first, rule, zone, false);
  } catch {
    return [first];
  }
  if (dates[0]!.getTime() === first.getTime()) return dates;
  const withStart = [first, ...dates.filter((d) => d > first)];
  return ruleText(rule)!.includes('COUNT=') ? withStart.slice(0, dates.length) : withStart;
}

/** `bounded`: a rule that runs past the horizon is refused (new rules); a stored one keeps its dates up to there. */
function expand(first: Date, rule: string | null | undefined, zone: string, bounded = true): Date[] {
  const text = ruleText(rule);
  if (!text) return [first];
  const local = DateTime.fromJSDate(first, { zone });
  const floating = new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute));
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(text);
  } catch {
    throw notARule();
  }
  if (options.freq === undefined || !FREQUENCIES.has(options.freq)) {
    throw badUserInput('Eine Reihe wiederholt sich täglich, wöchentlich, monatlich oder jährlich.', { field: 'rrule' });
  }
  if (!options.count && !options.until) throw badUserInput('Eine Reihe braucht ein Ende (Anzahl der Termine oder letztes Datum).', { field: 'rrule' });
  const horizon = new Date(Date.UTC(local.year + MAX_YEARS, local.month - 1, local.day, local.hour, local.minute));
  const tooLong = () => badUserInput(`Eine Reihe endet spätestens ${MAX_YEARS} Jahre nach ihrem Beginn.`, { field: 'rrule', limit: MAX_YEARS });
  if (bounded && options.until && options.until > horizon) throw tooLong();
  let dates: Date[];
  try {
    dates = new RRule({ ...options, dtstart: floating }).between(floating, horizon, true, (_, i) => i <= MAX_DATES);
  } catch {
    throw notARule();
  }
  if (dates.length === 0) throw badUserInput('Diese Regel ergibt keinen Termin.', { field: 'rrule' });
  if (dates.length > MAX_DATES) throw badUserInput(`Höchstens ${MAX_DATES} Termine je Reihe.`, { field: 'rrule', limit: MAX_DATES });
  if (bounded && options.count && dates.length < options.count) throw tooLong();
  return dates.map((d) =>
    DateTime.fromObject(
      { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() },
      { zone },
    ).toJSDate(),
  );
}
