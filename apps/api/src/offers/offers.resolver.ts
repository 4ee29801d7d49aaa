import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SessionsService } from '../accounts/sessions.service.js';
import { Access } from '../core/access/access.decorator.js';
import { Http, type RequestContext } from '../core/access/viewer.decorator.js';
import { CreateOfferInput, OffersFilter, UpdateOfferInput } from './dto/offer.inputs.js';
import { Offer, OfferPage } from './models/offer.model.js';
import { OffersService } from './offers.service.js';

@Resolver()
export class OffersResolver {
  constructor(
    private readonly service: OffersService,
    private readonly sessions: SessionsService,
  ) {}

  @Query(() => OfferPage, { description: 'Standing offers open to the person, by title.' })
  @Access('AUTHENTICATED')
  async offers(
    @Http() { req }: RequestContext,
    @Args('filter', { type: () => OffersFilter, nullable: true }) filter?: OffersFilter | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset = 0,
  ): Promise<OfferPage> {
    return this.service.list(await this.sessions.requireUser(req), filter, first, offset);
  }

  @Query(() => Offer)
  @Access('AUTHENTICATED')
  async offer(@Http() { req }: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Offer> {
    return this.service.get(await this.sessions.requireUser(req), id);
  }

  @Mutation(() => Offer)
  @Access('AUTHENTICATED')
  async createOffer(@Http() { req }: RequestContext, @Args('input') input: CreateOfferInput): Promise<Offer> {
    return this.service.create(await this.sessions.requireUser(req), input);
  }

  @Mutation(() => Offer)
  @Access('AUTHENTICATED')
  async updateOffer(@Http() { req }: RequestContext, @Args('input') input: UpdateOfferInput): Promise<Offer> {
    return this.service.update(await this.sessions.requireUser(req), input);
  }

  @Mutation(() => Offer, { description: 'The offer no longer runs: it leaves the lists.' })
  @Access('AUTHENTICATED')
  async archiveOffer(@Http() { req }: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Offer> {
    return this.service.archive(await this.sessions.requireUser(req), id);
  }
}
