import { useTranslation } from 'react-i18next';
import { intlFormatter } from './intlFormatters';

/** Numbers and dates in the reader's language (German separators by default). */
export function useFormat() {
  const { i18n } = useTranslation();
  return formatsFor(i18n.language);
}

export function formatsFor(language: string) {
  const locale = language === 'en' ? 'en-GB' : 'de-DE';
  const number = (key: string, options: Intl.NumberFormatOptions) => intlFormatter(`${locale} ${key}`, () => new Intl.NumberFormat(locale, options));
  const date = (key: string, options: Intl.DateTimeFormatOptions) => intlFormatter(`${locale} ${key}`, () => new Intl.DateTimeFormat(locale, options));
  return {
    number: (value: number, digits = 0) => number(`number ${digits}`, { maximumFractionDigits: digits }).format(value),
    /** A share 0–1 as a whole percentage. */
    percent: (share: number) => number('percent', { style: 'percent', maximumFractionDigits: 0 }).format(share),
    /** A calendar day given as `2026-12-31`. */
    date: (iso: string) => date('date', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso)),
    /** A month given as `2026-12`. */
    month: (yearMonth: string) => date('month', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${yearMonth}-01`)),
    /** The day on which something happened, in German time (a timestamp after 22:00 UTC is the next day there). */
    berlinDate: (iso: string) => date('berlinDate', { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(new Date(iso)),
    /** In the reader's own time zone: when something happened. */
    dateTime: (iso: string) => date('dateTime', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    /** Appointments are set and shown in German time, wherever the reader is. */
    berlinDateTime: (iso: string) =>
      date('berlinDateTime', {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'Europe/Berlin',
      }).format(new Date(iso)),
    berlinTime: (iso: string) => date('berlinTime', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' }).format(new Date(iso)),
  };
}
