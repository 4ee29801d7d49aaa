import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { SessionsService } from '../accounts/sessions.service.js';
import { Access } from '../core/access/access.decorator.js';
import { Http, type RequestContext } from '../core/access/viewer.decorator.js';
import { DiscussionsService } from './discussions.service.js';
import { ReplyInput, StartThreadInput } from './dto/group.inputs.js';
import { Thread, ThreadDetail } from './models/discussion.model.js';
import { WorkingGroup } from './models/group.model.js';

@Resolver(() => WorkingGroup)
export class DiscussionsResolver {
  constructor(
    private readonly discussions: DiscussionsService,
    private readonly sessions: SessionsService,
  ) {}

  @ResolveField(() => [Thread], { nullable: true, description: 'For active members; null for everyone else.' })
  async threads(@Parent() group: WorkingGroup, @Http() { req }: RequestContext): Promise<Thread[] | null> {
    if (group.viewerStatus !== 'ACTIVE') return null;
    return this.discussions.threads(await this.sessions.requireUser(req), group.id);
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
