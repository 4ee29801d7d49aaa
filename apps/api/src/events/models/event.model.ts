import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Topic } from '../../core/catalogue/catalogue.enums.js';

export enum EventKind {
  FACHTAG = 'FACHTAG',
  SCHULUNG = 'SCHULUNG',
  NETZWERKTREFFEN = 'NETZWERKTREFFEN',
  INFO_ZUGEWANDERTE = 'INFO_ZUGEWANDERTE',
  SPRACHCAFE = 'SPRACHCAFE',
  SONSTIGES = 'SONSTIGES',
}
export enum EventAttendee {
  FACHKRAEFTE = 'FACHKRAEFTE',
  EHRENAMTLICHE = 'EHRENAMTLICHE',
  ZUGEWANDERTE = 'ZUGEWANDERTE',
}
export enum OpenTo {
  OWN = 'OWN',
  NEIGHBOURS = 'NEIGHBOURS',
  KREIS_AREA = 'KREIS_AREA',
  LAND = 'LAND',
  EVERYONE = 'EVERYONE',
}
export enum EventRegistrationMode {
  NONE = 'NONE',
  VERBUND = 'VERBUND',
  EXTERNAL = 'EXTERNAL',
}
export enum EventStatus {
  SCHEDULED = 'SCHEDULED',
  CANCELLED = 'CANCELLED',
}
export enum EventRegistrationStatus {
  REGISTERED = 'REGISTERED',
  WAITING = 'WAITING',
}
registerEnumType(EventKind, { name: 'EventKind' });
registerEnumType(EventAttendee, { name: 'EventAttendee', description: 'Who an event is for: Fachkräfte, Ehrenamtliche, Zugewanderte.' });
registerEnumType(OpenTo, {
  name: 'OpenTo',
  description:
    'Measured from the home municipality with real borders: OWN (itself, its Gemeinden, its Kreis administration), NEIGHBOURS (every bordering municipality, across Kreis and Land borders), KREIS_AREA (its Kreis and the bordering Kreise), LAND (one Land), EVERYONE. Decides who sees it, finds it near them and is told.',
});
registerEnumType(EventRegistrationMode, {
  name: 'EventRegistrationMode',
  description: 'NONE: just come; VERBUND: register here (places, deadline, waiting list); EXTERNAL: by a link.',
});
registerEnumType(EventStatus, { name: 'EventStatus' });
registerEnumType(EventRegistrationStatus, { name: 'EventRegistrationStatus' });

@ObjectType({ description: 'A municipality by key and name.' })
export class NamedMunicipality {
  @Field()
  ags!: string;

  @Field()
  name!: string;
}

@ObjectType({ description: 'An organisation with the municipality it is located in.' })
export class NamedOrganization {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  municipality!: string;
}

@ObjectType()
export class EventDate {
  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;
}

@ObjectType({ description: 'A Veranstaltung: single, over several days, or recurring.' })
export class Event {
  @Field(() => ID)
  id!: string;

  @Field(() => EventKind)
  kind!: EventKind;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => [Topic])
  topics!: Topic[];

  @Field({ description: 'The first date in the requested span (a list), or the next one (the event itself).' })
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @Field({ description: 'The first date of the series as stored (of a single event, its date): what a change of the event sets.' })
  firstStartsAt!: Date;

  @Field()
  firstEndsAt!: Date;

  @Field(() => String, { nullable: true, description: 'RRULE of a recurring event (local times, Europe/Berlin), from its first date.' })
  rrule!: string | null;

  @Field(() => [EventDate], { description: 'Its dates in the requested span (a list), or the next twelve (the event itself).' })
  dates!: EventDate[];

  @Field()
  address!: string;

  @Field(() => Number, { nullable: true })
  latitude!: number | null;

  @Field(() => Number, { nullable: true })
  longitude!: number | null;

  @Field(() => String, { nullable: true })
  onlineUrl!: string | null;

  @Field()
  organizerName!: string;

  @Field(() => ID, { nullable: true })
  organizerOrganizationId!: string | null;

  @Field(() => ID, { nullable: true })
  organizerGroupId!: string | null;

  @Field(() => [NamedOrganization])
  coOrganizers!: NamedOrganization[];

  @Field(() => NamedMunicipality, { nullable: true, description: 'Where "open to" is measured from.' })
  home!: NamedMunicipality | null;

  @Field(() => OpenTo)
  openTo!: OpenTo;

  @Field(() => String, { nullable: true })
  openLandCode!: string | null;

  @Field(() => [NamedMunicipality], { description: 'OWN, NEIGHBOURS, KREIS_AREA: the municipalities (or Kreise) it is open to.' })
  openToMunicipalities!: NamedMunicipality[];

  @Field(() => [EventAttendee])
  audiences!: EventAttendee[];

  @Field(() => [String], { description: 'ISO 639-1 codes, and leichte-sprache.' })
  languages!: string[];

  @Field()
  accessibility!: string;

  @Field()
  cost!: string;

  @Field(() => EventRegistrationMode)
  registrationMode!: EventRegistrationMode;

  @Field(() => Int, { nullable: true })
  capacity!: number | null;

  @Field(() => Date, { nullable: true })
  registrationDeadline!: Date | null;

  @Field(() => String, { nullable: true })
  registrationUrl!: string | null;

  @Field(() => EventStatus)
  status!: EventStatus;

  @Field(() => Int)
  registeredCount!: number;

  @Field(() => Int)
  waitingCount!: number;

  @Field(() => EventRegistrationStatus, { nullable: true })
  myRegistration!: EventRegistrationStatus | null;

  @Field({ description: 'Members of the organiser and the co-organisers change and cancel it.' })
  canEdit!: boolean;
}

@ObjectType()
export class EventPage {
  @Field(() => [Event])
  nodes!: Event[];

  @Field(() => Int)
  totalCount!: number;
}
