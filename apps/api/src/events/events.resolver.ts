import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SessionsService } from '../accounts/sessions.service.js';
import { Access } from '../core/access/access.decorator.js';
import { Http, type RequestContext } from '../core/access/viewer.decorator.js';
import { CalendarFeeds } from '../core/calendar/calendar-feeds.js';
import { badUserInput } from '../core/errors/app-error.js';
import { isUuid } from '../core/validation/ids.js';
import { CreateEventInput, EventsFilter, UpdateEventInput } from './dto/event.inputs.js';
import { EventsService } from './events.service.js';
import { Event, EventPage } from './models/event.model.js';

@Resolver()
export class EventsResolver {
  constructor(
    private readonly service: EventsService,
    private readonly sessions: SessionsService,
    private readonly feeds: CalendarFeeds,
  ) {}

  @Query(() => EventPage, { description: 'Events open to the person, by their first date in the span (default: from now), soonest first.' })
  @Access('AUTHENTICATED')
  async events(
    @Http() { req }: RequestContext,
    @Args('filter', { type: () => EventsFilter, nullable: true }) filter?: EventsFilter | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset = 0,
  ): Promise<EventPage> {
    return this.service.list(await this.sessions.requireUser(req), filter, first, offset);
  }

  @Query(() => Event)
  @Access('AUTHENTICATED')
  async event(@Http() { req }: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Event> {
    return this.service.get(await this.sessions.requireUser(req), id);
  }

  @Mutation(() => Event, { description: 'A single, multi-day or recurring event of an organisation or a working group.' })
  @Access('AUTHENTICATED')
  async createEvent(@Http() { req }: RequestContext, @Args('input') input: CreateEventInput): Promise<Event> {
    return this.service.create(await this.sessions.requireUser(req), input);
  }

  @Mutation(() => Event)
  @Access('AUTHENTICATED')
  async updateEvent(@Http() { req }: RequestContext, @Args('input') input: UpdateEventInput): Promise<Event> {
    return this.service.update(await this.sessions.requireUser(req), input);
  }

  @Mutation(() => Event, { description: 'Organisers cancel the event; the registered are told.' })
  @Access('AUTHENTICATED')
  async cancelEvent(@Http() { req }: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Event> {
    return this.service.cancel(await this.sessions.requireUser(req), id);
  }

  @Mutation(() => Event, { description: 'Registers in Verbund; when the places are taken, on the waiting list.' })
  @Access('AUTHENTICATED')
  async registerForEvent(@Http() { req }: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Event> {
    return this.service.register(await this.sessions.requireUser(req), id);
  }

  @Mutation(() => Event, { description: 'Gives up the place (or the waiting-list place); the next person moves up.' })
  @Access('AUTHENTICATED')
  async cancelEventRegistration(@Http() { req }: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Event> {
    return this.service.cancelRegistration(await this.sessions.requireUser(req), id);
  }

  @Query(() => String, { description: "A secret calendar address: NEAR_ME (events near me), GROUP (a working group's dates, with groupId)." })
  @Access('AUTHENTICATED')
  async eventFeedUrl(
    @Http() { req }: RequestContext,
    @Args('nearMe', { type: () => Boolean, defaultValue: true }) nearMe: boolean,
    @Args('groupId', { type: () => ID, nullable: true }) groupId?: string | null,
  ): Promise<string> {
    const user = await this.sessions.requireUser(req);
    if (groupId) {
      if (!isUuid(groupId)) throw badUserInput('Unbekannte Arbeitsgruppe.', { field: 'groupId' });
      return this.feeds.url(user, 'group', groupId);
    }
    return this.feeds.url(user, nearMe ? 'near' : 'mine');
  }
}
