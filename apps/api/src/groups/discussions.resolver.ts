import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SessionsService } from '../accounts/sessions.service.js';
import { Access } from '../core/access/access.decorator.js';
import { Http, type RequestContext } from '../core/access/viewer.decorator.js';
import { DiscussionsService } from './discussions.service.js';
import { ReplyInput, StartThreadInput } from './dto/group.inputs.js';
import { ThreadDetail, ThreadPage } from './models/discussion.model.js';

@Resolver()
export class DiscussionsResolver {
  constructor(
    private readonly discussions: DiscussionsService,
    private readonly sessions: SessionsService,
  ) {}

  @Query(() => ThreadPage, { description: "A working group's threads, the most recently active first; for its active members." })
  @Access('AUTHENTICATED')
  async groupThreads(
    @Http() { req }: RequestContext,
    @Args('groupId', { type: () => ID }) groupId: string,
    @Args('first', { type: () => Int, defaultValue: 30 }) first = 30,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset = 0,
  ): Promise<ThreadPage> {
    return this.discussions.threads(await this.sessions.requireUser(req), groupId, first, offset);
  }

  @Query(() => ThreadDetail)
  @Access('AUTHENTICATED')
  async thread(@Args('id', { type: () => ID }) id: string, @Http() { req }: RequestContext): Promise<ThreadDetail> {
    return this.discussions.thread(await this.sessions.requireUser(req), id);
  }

  @Mutation(() => ThreadDetail, { description: 'For active members of the group.' })
  @Access('AUTHENTICATED')
  async startThread(@Args('input') input: StartThreadInput, @Http() { req }: RequestContext): Promise<ThreadDetail> {
    return this.discussions.start(await this.sessions.requireUser(req), input);
  }

  @Mutation(() => ThreadDetail, { description: 'For active members of the group.' })
  @Access('AUTHENTICATED')
  async replyToThread(@Args('input') input: ReplyInput, @Http() { req }: RequestContext): Promise<ThreadDetail> {
    return this.discussions.reply(await this.sessions.requireUser(req), input);
  }
}
