import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SessionsService } from '../accounts/sessions.service.js';
import { Access } from '../core/access/access.decorator.js';
import { Http, type RequestContext } from '../core/access/viewer.decorator.js';
import { CancelRoundDateInput, CreateRoundInput, RegisterForRoundInput, RoundsFilter } from './dto/round.inputs.js';
import { Round, RoundPage } from './models/round.model.js';
import { RoundsService } from './rounds.service.js';

@Resolver()
export class RoundsResolver {
  constructor(
    private readonly service: RoundsService,
    private readonly sessions: SessionsService,
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

  @Mutation(() => Round, { description: 'Hosts cancel one date; it stays in the series as cancelled.' })
  @Access('AUTHENTICATED')
  async cancelRoundDate(@Http() { req }: RequestContext, @Args('input') input: CancelRoundDateInput): Promise<Round> {
    return this.service.cancelDate(await this.sessions.requireUser(req), input.roundId);
  }
}
