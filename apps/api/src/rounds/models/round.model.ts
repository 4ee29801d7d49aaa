import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Topic } from '../../core/catalogue/catalogue.enums.js';

export enum RoundAudience {
  SIGNED_IN = 'SIGNED_IN',
  GROUP = 'GROUP',
  LAND = 'LAND',
  KREIS_AREA = 'KREIS_AREA',
  NEIGHBOURS = 'NEIGHBOURS',
}
export enum RoundStatus {
  SCHEDULED = 'SCHEDULED',
  CANCELLED = 'CANCELLED',
}
export enum RoundRegistrationStatus {
  REGISTERED = 'REGISTERED',
  WAITING = 'WAITING',
}
registerEnumType(RoundAudience, {
  name: 'RoundAudience',
  description:
    'Who may see and register: everyone signed in, a working group, a Land, a Kreis with its bordering Kreise, or the host municipality with its bordering municipalities.',
});
export enum AgendaItemStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
}
registerEnumType(RoundStatus, { name: 'RoundStatus' });
registerEnumType(AgendaItemStatus, { name: 'AgendaItemStatus', description: 'PROPOSED by a participant, ACCEPTED into the agenda by a host.' });
registerEnumType(RoundRegistrationStatus, { name: 'RoundRegistrationStatus' });

@ObjectType({ description: 'An exchange round: one date, or a series of dates by a recurrence rule.' })
export class RoundSeries {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => [Topic])
  topics!: Topic[];

  @Field()
  language!: string;

  @Field(() => String, { description: 'The organisation or working group that hosts it.' })
  hostName!: string;

  @Field(() => RoundAudience)
  audience!: RoundAudience;

  @Field(() => String, { description: 'The video conference of the host’s own tool.' })
  videoUrl!: string;

  @Field(() => Int, { nullable: true })
  capacity!: number | null;

  @Field(() => String, { nullable: true, description: 'RFC 5545 RRULE over local Europe/Berlin times; null for a single date.' })
  rrule!: string | null;

  @Field(() => Boolean, { description: 'The viewer may change it, cancel dates and moderate.' })
  canModerate!: boolean;

  @Field(() => Boolean, { description: 'The viewer is registered for every date.' })
  registeredForSeries!: boolean;

  @Field(() => ID, { nullable: true })
  hostOrganizationId!: string | null;

  @Field(() => ID, { nullable: true })
  hostGroupId!: string | null;

  @Field(() => Int)
  durationMinutes!: number;

  @Field(() => Int, { description: 'Registration closes this many minutes before a date.' })
  deadlineMinutes!: number;
}

@ObjectType({ description: 'A topic for the agenda of one date.' })
export class AgendaItem {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  note!: string;

  @Field(() => AgendaItemStatus)
  status!: AgendaItemStatus;

  @Field(() => Int, { nullable: true, description: 'Order in the agenda, for accepted items.' })
  position!: number | null;

  @Field(() => String, { nullable: true })
  proposedBy!: string | null;

  @Field(() => Int)
  voteCount!: number;

  @Field(() => Boolean)
  votedByMe!: boolean;
}

@ObjectType({ description: 'One date of an exchange round.' })
export class Round {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @Field(() => RoundStatus)
  status!: RoundStatus;

  @Field(() => Boolean, { description: 'Moved away from the time its series gave it.' })
  moved!: boolean;

  @Field(() => RoundSeries)
  series!: RoundSeries;

  @Field(() => Int)
  registeredCount!: number;

  @Field(() => Int)
  waitingCount!: number;

  @Field(() => RoundRegistrationStatus, { nullable: true, description: 'The viewer’s registration, if any.' })
  myRegistration!: RoundRegistrationStatus | null;

  @Field(() => [AgendaItem], { description: 'Accepted items in their order, then proposals by votes.' })
  agenda!: AgendaItem[];

  @Field(() => Date, { description: 'Registration for this date closes then.' })
  registrationClosesAt!: Date;

  @Field(() => [String], { description: 'After the date: the municipalities of participants who agreed to be named, by name.' })
  participatingMunicipalities!: string[];
}

@ObjectType({ description: 'A series with its dates: the next ones and those already held.' })
export class RoundSeriesView {
  @Field(() => RoundSeries)
  series!: RoundSeries;

  @Field(() => [Round], { description: 'The next dates, soonest first (cancelled ones included, marked).' })
  upcoming!: Round[];

  @Field(() => [Round], { description: 'Dates already held, latest first.' })
  past!: Round[];
}

@ObjectType()
export class RoundPage {
  @Field(() => [Round])
  nodes!: Round[];

  @Field(() => Int)
  totalCount!: number;
}
