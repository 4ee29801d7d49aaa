import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Topic } from '../../core/catalogue/catalogue.enums.js';
import { Urbanisation } from '../../municipalities/models/municipality.model.js';
import { RoundAudience } from '../models/round.model.js';

/** What hosts write and may change later (see `roundDetails`). */
@InputType({ isAbstract: true })
abstract class RoundDetailsFields {
  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [Topic])
  topics!: Topic[];

  @Field(() => String, { nullable: true, description: 'Default de.' })
  language?: string | null;

  @Field({ description: 'https link to the video conference.' })
  videoUrl!: string;

  @Field(() => Int, { nullable: true, description: 'More places let the waiting list move up.' })
  capacity?: number | null;

  @Field(() => Int, { nullable: true, description: 'Registration closes this many minutes before a date.' })
  deadlineMinutes?: number | null;
}

@InputType({ description: 'Hosted by an organisation or a working group (exactly one).' })
export class CreateRoundInput extends RoundDetailsFields {
  @Field(() => ID, { nullable: true })
  hostOrganizationId?: string | null;

  @Field(() => ID, { nullable: true })
  hostGroupId?: string | null;

  @Field(() => RoundAudience, { nullable: true, description: 'Default SIGNED_IN (open).' })
  audience?: RoundAudience | null;

  @Field(() => String, { nullable: true, description: 'LAND: the two-digit Land code.' })
  audienceLandCode?: string | null;

  @Field(() => String, { nullable: true, description: 'KREIS_AREA: the Kreis key (5 digits).' })
  audienceKreisAgs?: string | null;

  @Field({ description: 'Local start in Europe/Berlin, "2027-03-10T12:30".' })
  startsAt!: string;

  @Field(() => Int)
  durationMinutes!: number;

  @Field(() => String, { nullable: true, description: 'RRULE for a series, e.g. "FREQ=MONTHLY;BYDAY=1TU;COUNT=10"; it needs COUNT or UNTIL.' })
  rrule?: string | null;
}

@InputType()
export class RoundsFilter {
  @Field(() => [Topic], { nullable: true })
  topics?: Topic[] | null;

  @Field(() => ID, { nullable: true })
  hostGroupId?: string | null;

  @Field(() => ID, { nullable: true })
  hostOrganizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Hosted by an organisation of this municipality (its key).' })
  municipalityAgs?: string | null;

  @Field(() => [Urbanisation], {
    nullable: true,
    description:
      "Stadt / Land: rounds hosted by organisations (or a working group's members' organisations) in municipalities of these degrees of urbanisation.",
  })
  urbanisation?: Urbanisation[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only rounds of my region: hosted in my municipalities or those bordering them, or meant for a region that includes me.',
  })
  nearMe?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'Dates from then on (default: now), e.g. for a month in the calendar.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Dates that start before then.' })
  to?: Date | null;
}

@InputType({ description: 'A host changes what the series says; times change per date (moveRoundDate).' })
export class UpdateRoundInput extends RoundDetailsFields {
  @Field(() => ID)
  seriesId!: string;
}

@InputType()
export class RegisterForRoundInput {
  @Field(() => ID)
  roundId!: string;

  @Field(() => Boolean, { nullable: true, description: 'Every date of the series, also later ones.' })
  wholeSeries?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'My municipality may be named among the participants afterwards (default: no).' })
  shareMunicipality?: boolean | null;
}

@InputType()
export class CancelRoundDateInput {
  @Field(() => ID)
  roundId!: string;
}

@InputType({ description: 'One date to another time (German time); its series keeps the others.' })
export class MoveRoundDateInput {
  @Field(() => ID)
  roundId!: string;

  @Field({ description: 'Local start in Europe/Berlin, "2027-03-10T14:00".' })
  startsAt!: string;

  @Field(() => Int, { nullable: true, description: 'Default: the series’ duration.' })
  durationMinutes?: number | null;
}

@InputType()
export class ProposeAgendaItemInput {
  @Field(() => ID)
  roundId!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType({ description: 'A host takes a proposal into the agenda at a position (0 first).' })
export class AcceptAgendaItemInput {
  @Field(() => ID)
  itemId!: string;

  @Field(() => Int)
  position!: number;
}
