import { intlFormatter } from './intlFormatters';

/** The German day of an instant: a date at 00:30 in Berlin belongs to that day wherever the reader is. */
export const dayOf = (iso: string) =>
  intlFormatter('berlinDay', () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' })).format(
    new Date(iso),
  );
