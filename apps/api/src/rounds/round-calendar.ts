import type { IcsEntry } from '../core/calendar/ics.js';

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
 * A round's calendar entries: a whole series is one VEVENT with its RRULE, a cancelled or moved date an override
 * with RECURRENCE-ID (cancelled: STATUS:CANCELLED); otherwise each date is its own VEVENT.
 */
export function roundEntries(series: CalendarSeries, dates: CalendarDate[], whole: boolean): IcsEntry[] {
  const base = {
    summary: series.title,
    description: `${series.description}\n\nGastgeberin: ${series.hostName}\nVideokonferenz: ${series.videoUrl}\n${series.url}`.trim(),
    location: series.videoUrl,
    url: series.url,
  };
  if (whole && series.rrule) {
    return [
      {
        ...base,
        uid: series.id,
        start: series.firstStartsAt,
        end: new Date(series.firstStartsAt.getTime() + series.durationMinutes * 60_000),
        rrule: series.rrule,
        exceptions: dates
          .filter((d) => d.cancelled || d.startsAt.getTime() !== d.originalStartsAt.getTime())
          .map((d) => ({ originalStart: d.originalStartsAt, start: d.startsAt, end: d.endsAt, cancelled: d.cancelled })),
      },
    ];
  }
  return dates.map((d) => ({ ...base, uid: d.id, start: d.startsAt, end: d.endsAt, cancelled: d.cancelled }));
}

/** What a calendar needs of a series row with its host. */
export function calendarSeries(
  series: {
    id: string;
    title: string;
    description: string;
    videoUrl: string;
    rrule: string | null;
    firstStartsAt: Date;
    durationMinutes: number;
    hostOrganization: { name: string } | null;
    hostGroup: { name: string } | null;
  },
  publicUrl: string,
): CalendarSeries {
  return {
    id: series.id,
    title: series.title,
    description: series.description,
    videoUrl: series.videoUrl,
    rrule: series.rrule,
    firstStartsAt: series.firstStartsAt,
    durationMinutes: series.durationMinutes,
    hostName: series.hostOrganization?.name ?? series.hostGroup?.name ?? '',
    url: `${publicUrl}/austauschrunden/reihen/${series.id}`,
  };
}
