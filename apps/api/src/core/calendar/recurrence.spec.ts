import { DateTime } from 'luxon';
import { localToInstant, occurrences, ruleText, storedOccurrences } from './recurrence.js';

const berlin = (d: Date) => DateTime.fromJSDate(d, { zone: 'Europe/Berlin' }).toFormat("yyyy-MM-dd'T'HH:mm");

describe('recurrence of exchange rounds in Europe/Berlin', () => {
  it('keeps the local time across the March and October clock changes', () => {
    const dates = occurrences(localToInstant('2027-03-10T12:30'), 'FREQ=WEEKLY;INTERVAL=2;COUNT=4');
    expect(dates.map(berlin)).toEqual(['2027-03-10T12:30', '2027-03-24T12:30', '2027-04-07T12:30', '2027-04-21T12:30']);
    // 12:30 in winter is 11:30 UTC, in summer 10:30 UTC (the clocks went forward on 28 March 2027).
    expect(dates.map((d) => d.toISOString().slice(11, 16))).toEqual(['11:30', '11:30', '10:30', '10:30']);
    const autumn = occurrences(localToInstant('2027-10-05T09:00'), 'FREQ=MONTHLY;BYDAY=1TU;COUNT=2');
    expect(autumn.map(berlin)).toEqual(['2027-10-05T09:00', '2027-11-02T09:00']);
    expect(autumn.map((d) => d.toISOString().slice(11, 16))).toEqual(['07:00', '08:00']);
  });

  it('a single date is itself; bad rules are refused with the field', () => {
    const first = localToInstant('2027-01-20T10:00');
    expect(occurrences(first, null)).toEqual([first]);
    expect(ruleText(' rrule:freq=weekly;count=2 ')).toBe('FREQ=WEEKLY;COUNT=2');
    expect(ruleText('  ')).toBeNull();
    const refused = [
      ...['FREQ=WEEKLY', 'FREQ=MINUTELY;COUNT=3', 'unsinn', 'FREQ=DAILY;COUNT=501', 'FREQ=WEEKLY;UNTIL=20260101T000000Z'],
      // Only one RRULE line of known parts: nothing else reaches the calendar files as written.
      ...['FREQ=WEEKLY;COUNT=2\nEXRULE:FREQ=WEEKLY;COUNT=2', 'FREQ=WEEKLY;COUNT=2;DTSTART=20200101T000000Z', 'FREQ=WEEKLY;COUNT=2;TZID=Europe/Paris'],
      ...['FREQ=WEEKLY;COUNT=2;X-NAME=1', `FREQ=WEEKLY;COUNT=2;BYDAY=${'MO,'.repeat(100)}TU`, 'FREQ=WEEKLY;COUNT=2;;'],
      // Seconds would fold into one minute; a series ends within ten years, however sparse its rule.
      ...['FREQ=DAILY;BYSECOND=0,30;COUNT=4', 'FREQ=YEARLY;COUNT=12', 'FREQ=MONTHLY;UNTIL=20400101T000000Z'],
    ];
    for (const rule of refused) {
      expect(() => occurrences(first, rule)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ field: 'rrule' }) }));
    }
    expect(() => localToInstant('20.01.2027 10:00')).toThrow(expect.objectContaining({ details: { field: 'startsAt' } }));
    expect(occurrences(first, 'FREQ=YEARLY;COUNT=10')).toHaveLength(10);
  });

  it('a sparse rule is refused after ten years of dates sought, not after centuries', () => {
    // 29 February on a Monday: 2044, then 2072 … about 285 dates up to the year 9999, which rrule would seek day by day.
    const leapMonday = localToInstant('2044-02-29T10:00');
    expect(() => occurrences(leapMonday, 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;COUNT=500')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ field: 'rrule', limit: 10 }) }),
    );
    expect(storedOccurrences(leapMonday, 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;COUNT=500')).toEqual([leapMonday]);
    // A series stored before the bound keeps its dates up to ten years, not just its first.
    const monthly = localToInstant('2027-01-20T10:00');
    expect(storedOccurrences(monthly, 'FREQ=MONTHLY;UNTIL=20400101T000000Z')).toHaveLength(121);
  });

  it('a rule that does not begin at the start is refused; one stored before reads as calendar programs show it', () => {
    // 20 January 2027 is a Wednesday; the rule's dates are Mondays.
    const wednesday = localToInstant('2027-01-20T10:00');
    expect(() => occurrences(wednesday, 'FREQ=WEEKLY;BYDAY=MO;COUNT=3')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ field: 'rrule' }) }),
    );
    expect(occurrences(wednesday, 'FREQ=WEEKLY;BYDAY=WE;COUNT=2').map(berlin)).toEqual(['2027-01-20T10:00', '2027-01-27T10:00']);
    // The start counts as the first of COUNT (RFC 5545); without COUNT the rule's dates up to UNTIL follow it.
    expect(storedOccurrences(wednesday, 'FREQ=WEEKLY;BYDAY=MO;COUNT=3').map(berlin)).toEqual(['2027-01-20T10:00', '2027-01-25T10:00', '2027-02-01T10:00']);
    expect(storedOccurrences(wednesday, 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20270202T000000Z').map(berlin)).toEqual([
      '2027-01-20T10:00',
      '2027-01-25T10:00',
      '2027-02-01T10:00',
    ]);
    expect(storedOccurrences(wednesday, 'FREQ=WEEKLY;COUNT=2;DTSTART=20200101T000000Z')).toEqual([wednesday]);
  });
});
