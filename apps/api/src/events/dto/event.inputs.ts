import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Topic } from '../../core/catalogue/catalogue.enums.js';
import { Urbanisation } from '../../municipalities/models/municipality.model.js';
import { EventAttendee, EventKind, EventRegistrationMode, OpenTo } from '../models/event.model.js';

/** What organisers write and may change later (see `eventDetails`). */
@InputType({ isAbstract: true })
export abstract class EventDetailsFields {
  @Field(() => EventKind)
  kind!: EventKind;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [Topic])
  topics!: Topic[];

  @Field({ description: 'Local start in Europe/Berlin, "2027-03-10T09:00".' })
  startsAt!: string;

  @Field({ description: 'Local end of the (first) date; a later day for a multi-day event.' })
  endsAt!: string;

  @Field(() => String, { nullable: true, description: 'RRULE for a recurring event, e.g. "FREQ=WEEKLY;COUNT=10"; it needs COUNT or UNTIL.' })
  rrule?: string | null;

  @Field(() => String, { nullable: true, description: 'Street, postcode and town; an event has an address or an online link (or both).' })
  address?: string | null;

  @Field(() => Float, { nullable: true, description: 'Where the place is on the map (WGS 84), in Germany.' })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => String, { nullable: true, description: 'https link for online participation.' })
  onlineUrl?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Organisations from other municipalities organising together with the organiser.' })
  coOrganizerIds?: string[] | null;

  @Field(() => OpenTo)
  openTo!: OpenTo;

  @Field(() => String, { nullable: true, description: "LAND: the two-digit Land code (default: the home municipality's)." })
  openLandCode?: string | null;

  @Field(() => [EventAttendee])
  audiences!: EventAttendee[];

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes, and leichte-sprache; default de.' })
  languages?: string[] | null;

  @Field(() => String, { nullable: true })
  accessibility?: string | null;

  @Field(() => String, { nullable: true, description: 'E.g. "kostenfrei" or "25 € inkl. Verpflegung".' })
  cost?: string | null;

  @Field(() => EventRegistrationMode, { nullable: true, description: 'Default NONE.' })
  registrationMode?: EventRegistrationMode | null;

  @Field(() => Int, { nullable: true, description: 'VERBUND: places (none: unlimited); more places let the waiting list move up.' })
  capacity?: number | null;

  @Field(() => String, { nullable: true, description: 'VERBUND: local time registration closes (default: the start).' })
  registrationDeadline?: string | null;

  @Field(() => String, { nullable: true, description: 'EXTERNAL: https link to register.' })
  registrationUrl?: string | null;
}

@InputType({ description: 'Organised by an organisation or a working group (exactly one).' })
export class CreateEventInput extends EventDetailsFields {
  @Field(() => ID, { nullable: true })
  organizerOrganizationId?: string | null;

  @Field(() => ID, { nullable: true })
  organizerGroupId?: string | null;
}

@InputType({ description: 'Organisers change an event; the registered hear of a new time or place.' })
export class UpdateEventInput extends EventDetailsFields {
  @Field(() => ID)
  id!: string;
}

@InputType()
export class EventsFilter {
  @Field(() => Boolean, {
    nullable: true,
    description: 'Near me: held in my municipalities or those bordering them, or open to my municipality as a neighbour, my Kreis area or my Land.',
  })
  nearMe?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Organised in this municipality (by its key), also as co-organiser.' })
  municipalityAgs?: string | null;

  @Field(() => [Urbanisation], {
    nullable: true,
    description:
      "Stadt / Land: organised in municipalities of these degrees of urbanisation (by the organisation, a co-organiser or a working group's members).",
  })
  urbanisation?: Urbanisation[] | null;

  @Field(() => ID, { nullable: true, description: 'Organised by this working group.' })
  groupId?: string | null;

  @Field(() => [EventKind], { nullable: true })
  kinds?: EventKind[] | null;

  @Field(() => [Topic], { nullable: true })
  topics?: Topic[] | null;

  @Field(() => [EventAttendee], { nullable: true })
  audiences?: EventAttendee[] | null;

  @Field(() => String, { nullable: true, description: 'A language code, or leichte-sprache.' })
  language?: string | null;

  @Field(() => Date, { nullable: true, description: 'Dates from then on (default: now).' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Dates that start before then (at most 400 days after from).' })
  to?: Date | null;
}
