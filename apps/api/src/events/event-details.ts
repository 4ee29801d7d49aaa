import type { EventAttendee, EventKind, EventRegistrationMode } from '../generated/prisma/client.js';
import type { Topic } from '../core/catalogue/catalogue.enums.js';
import { localToInstant, occurrences, ruleText, storedOccurrences } from '../core/calendar/recurrence.js';
import { badUserInput } from '../core/errors/app-error.js';
import { httpsUrl, languageList, plainText, position } from '../core/validation/text.js';
import type { EventDetailsFields } from './dto/event.inputs.js';

const MAX_DAYS = 14;

/** An event's details as stored, checked the same way on create and update. */
export interface EventDetails {
  kind: EventKind;
  title: string;
  description: string;
  topics: Topic[];
  startsAt: Date;
  endsAt: Date;
  rrule: string | null;
  lastEndsAt: Date;
  address: string;
  latitude: number | null;
  longitude: number | null;
  onlineUrl: string | null;
  audiences: EventAttendee[];
  languages: string[];
  accessibility: string;
  cost: string;
  registrationMode: EventRegistrationMode;
  capacity: number | null;
  registrationDeadline: Date | null;
  registrationUrl: string | null;
}

/** Everything but the place's position (`inGermany` checks that against the directory). */
export function eventDetails(input: EventDetailsFields): EventDetails {
  const title = plainText(input.title, 'title', 3, 200);
  const description = plainText(input.description, 'description', 0, 5000);
  const topics = [...new Set(input.topics)];
  if (!topics.length) throw badUserInput('Bitte wählen Sie mindestens ein Thema.', { field: 'topics' });
  const startsAt = localToInstant(input.startsAt);
  const endsAt = localToInstant(input.endsAt, undefined, 'endsAt');
  if (endsAt <= startsAt) throw badUserInput('Das Ende liegt nach dem Beginn.', { field: 'endsAt' });
  if (endsAt.getTime() - startsAt.getTime() > MAX_DAYS * 86_400_000)
    throw badUserInput(`Eine Veranstaltung dauert höchstens ${MAX_DAYS} Tage.`, { field: 'endsAt' });
  const rrule = ruleText(input.rrule);
  const starts = occurrences(startsAt, rrule);
  const lastEndsAt = new Date(starts.at(-1)!.getTime() + (endsAt.getTime() - startsAt.getTime()));
  const address = plainText(input.address, 'address', 0, 300);
  const onlineUrl = input.onlineUrl?.trim() ? httpsUrl(input.onlineUrl, 'onlineUrl', 'Der Link zur Online-Teilnahme muss mit https:// beginnen.') : null;
  if (!address && !onlineUrl) throw badUserInput('Bitte einen Ort (Adresse) oder einen Link zur Online-Teilnahme angeben.', { field: 'address' });
  const { latitude, longitude } = position(input.latitude, input.longitude);
  const audiences = [...new Set(input.audiences)];
  if (!audiences.length) throw badUserInput('Bitte angeben, für wen die Veranstaltung ist.', { field: 'audiences' });
  const languages = languageList(input.languages);
  const registrationMode = input.registrationMode ?? 'NONE';
  const capacity = registrationMode === 'VERBUND' ? (input.capacity ?? null) : null;
  if (capacity !== null && (!Number.isInteger(capacity) || capacity < 1 || capacity > 100_000)) {
    throw badUserInput('Die Zahl der Plätze ist mindestens 1 (leer lassen für unbegrenzt).', { field: 'capacity' });
  }
  const registrationDeadline =
    registrationMode === 'VERBUND' && input.registrationDeadline ? localToInstant(input.registrationDeadline, undefined, 'registrationDeadline') : null;
  if (registrationDeadline && registrationDeadline > startsAt) {
    throw badUserInput('Der Anmeldeschluss liegt vor dem Beginn.', { field: 'registrationDeadline' });
  }
  const registrationUrl =
    registrationMode === 'EXTERNAL' ? httpsUrl(input.registrationUrl ?? '', 'registrationUrl', 'Der Link zur Anmeldung muss mit https:// beginnen.') : null;
  return {
    kind: input.kind,
    title,
    description,
    topics,
    startsAt,
    endsAt,
    rrule,
    lastEndsAt,
    address,
    latitude,
    longitude,
    onlineUrl,
    audiences,
    languages,
    accessibility: plainText(input.accessibility, 'accessibility', 0, 1000),
    cost: plainText(input.cost, 'cost', 0, 200),
    registrationMode,
    capacity,
    registrationDeadline,
    registrationUrl,
  };
}

/**
 * The dates of a stored event (each as long as the first) that end after `from` and start before `to`. Reading never
 * fails on a rule that was once let in (`storedOccurrences`).
 */
export function eventDates(e: { startsAt: Date; endsAt: Date; rrule: string | null }, from: Date, to: Date | null, limit = 500) {
  const length = e.endsAt.getTime() - e.startsAt.getTime();
  return storedOccurrences(e.startsAt, e.rrule)
    .map((start) => ({ startsAt: start, endsAt: new Date(start.getTime() + length) }))
    .filter((d) => d.endsAt >= from && (!to || d.startsAt < to))
    .slice(0, limit);
}
