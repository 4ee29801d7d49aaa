import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SessionsService } from '../accounts/sessions.service.js';
import { Access } from '../core/access/access.decorator.js';
import { CalendarFeeds } from '../core/calendar/calendar-feeds.js';
import { Http, type RequestContext } from '../core/access/viewer.decorator.js';
import {
  AcceptAgendaItemInput,
  CancelRoundDateInput,
  CreateRoundInput,
  MoveRoundDateInput,
  ProposeAgendaItemInput,
  RegisterForRoundInput,
  RoundsFilter,
  UpdateRoundInput,
} from './dto/round.inputs.js';
import { RoundAgendaService } from './round-agenda.service.js';
import { Round, RoundPage, RoundSeriesView } from './models/round.model.js';
import { RoundsService } from './rounds.service.js';

@Resolver()
export class RoundsResolver {
  constructor(
    private readonly service: RoundsService,
    private readonly agenda: RoundAgendaService,
    private readonly sessions: SessionsService,
    private readonly feeds: CalendarFeeds,
  ) {}

  @Query(() => RoundPage, { description: 'Upcoming dates of the exchange rounds the person may join, soonest first.' })
  @Access('AUTHENTICATED')
  async rounds(
    @Http() { req }: RequestContext,
    @Args('filter', { type: () => RoundsFilter, nullable: true }) filter?: RoundsFilter | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset = 0,
  ): Promise<RoundPage> {
    return this.service.list(await this.sessions.requireUser(req), filter, first, offset);
  }

  @Query(() => Round)
  @Access('AUTHENTICATED')
  async round(@Http() { req }: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Round> {
    return this.service.get(await this.sessions.requireUser(req), id);
  }

  @Query(() => RoundSeriesView, { description: 'A series with its next dates and those already held.' })
  @Access('AUTHENTICATED')
  async roundSeries(@Http() { req }: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<RoundSeriesView> {
    return this.service.series(await this.sessions.requireUser(req), id);
  }

  @Mutation(() => RoundSeriesView, { description: 'Hosts change title, description, topics, link, places and deadline of a series.' })
  @Access('AUTHENTICATED')
  async updateRound(@Http() { req }: RequestContext, @Args('input') input: UpdateRoundInput): Promise<RoundSeriesView> {
    return this.service.update(await this.sessions.requireUser(req), input);
  }

  @Query(() => String, { description: 'A secret address of every date the person is registered for, for Outlook, Thunderbird or Google Calendar.' })
  @Access('AUTHENTICATED')
  async myCalendarFeedUrl(@Http() { req }: RequestContext): Promise<string> {
    return this.feeds.url(await this.sessions.requireUser(req), 'mine');
  }

  @Mutation(() => String, { description: 'A new secret address; the old one stops working.' })
  @Access('AUTHENTICATED')
  async renewCalendarFeedToken(@Http() { req }: RequestContext): Promise<string> {
    return this.feeds.renewToken(await this.sessions.requireUser(req));
  }

  @Mutation(() => Round, { description: 'A single date, or a series by its recurrence rule; returns its first date.' })
  @Access('AUTHENTICATED')
  async createRound(@Http() { req }: RequestContext, @Args('input') input: CreateRoundInput): Promise<Round> {
    return this.service.create(await this.sessions.requireUser(req), input);
  }

  @Mutation(() => Round, { description: 'Registered while places are free, otherwise on the waiting list.' })
  @Access('AUTHENTICATED')
  async registerForRound(@Http() { req }: RequestContext, @Args('input') input: RegisterForRoundInput): Promise<Round> {
    return this.service.register(await this.sessions.requireUser(req), input);
  }

  @Mutation(() => Round, { description: 'The first on the waiting list moves up.' })
  @Access('AUTHENTICATED')
  async cancelRoundRegistration(@Http() { req }: RequestContext, @Args('roundId', { type: () => ID }) roundId: string): Promise<Round> {
    return this.service.cancelRegistration(await this.sessions.requireUser(req), roundId);
  }

  @Mutation(() => Round, { description: 'A topic for the agenda of a date, by someone registered or a host.' })
  @Access('AUTHENTICATED')
  async proposeAgendaItem(@Http() { req }: RequestContext, @Args('input') input: ProposeAgendaItemInput): Promise<Round> {
    return this.agenda.propose(await this.sessions.requireUser(req), input);
  }

  @Mutation(() => Round, { description: 'Votes for an agenda item, or takes the vote back.' })
  @Access('AUTHENTICATED')
  async voteAgendaItem(@Http() { req }: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Round> {
    return this.agenda.vote(await this.sessions.requireUser(req), id);
  }

  @Mutation(() => Round, { description: 'Hosts accept a proposal into the agenda at a position.' })
  @Access('AUTHENTICATED')
  async acceptAgendaItem(@Http() { req }: RequestContext, @Args('input') input: AcceptAgendaItemInput): Promise<Round> {
    return this.agenda.accept(await this.sessions.requireUser(req), input);
  }

  @Mutation(() => Round, { description: 'Hosts move one date; everyone registered hears of it.' })
  @Access('AUTHENTICATED')
  async moveRoundDate(@Http() { req }: RequestContext, @Args('input') input: MoveRoundDateInput): Promise<Round> {
    return this.service.moveDate(await this.sessions.requireUser(req), input);
  }

  @Mutation(() => Round, { description: 'Hosts cancel one date; it stays in the series as cancelled.' })
  @Access('AUTHENTICATED')
  async cancelRoundDate(@Http() { req }: RequestContext, @Args('input') input: CancelRoundDateInput): Promise<Round> {
    return this.service.cancelDate(await this.sessions.requireUser(req), input.roundId);
  }
}
