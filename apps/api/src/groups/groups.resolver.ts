import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { SessionsService } from '../accounts/sessions.service.js';
import { Access } from '../core/access/access.decorator.js';
import { Http, type RequestContext } from '../core/access/viewer.decorator.js';
import { CreateGroupInput, DecideGroupJoinInput, GroupMemberInput, GroupsFilter, InviteToGroupInput, SetGroupRoleInput } from './dto/group.inputs.js';
import { GroupMembershipService } from './group-membership.service.js';
import { GroupSuggestionsService } from './group-suggestions.service.js';
import { GroupsService } from './groups.service.js';
import { GroupMember, GroupPage, GroupSuggestion, InviteResult, WorkingGroup } from './models/group.model.js';

@Resolver(() => WorkingGroup)
export class GroupsResolver {
  constructor(
    private readonly directory: GroupsService,
    private readonly membership: GroupMembershipService,
    private readonly suggestions: GroupSuggestionsService,
    private readonly sessions: SessionsService,
  ) {}

  @Query(() => GroupPage, { description: 'Working groups the signed-in person may see (closed ones only from the inside).' })
  @Access('AUTHENTICATED')
  async groups(
    @Http() { req }: RequestContext,
    @Args('filter', { type: () => GroupsFilter, nullable: true }) filter?: GroupsFilter | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset = 0,
  ): Promise<GroupPage> {
    return this.directory.list(await this.sessions.requireUser(req), filter, first, offset);
  }

  @Query(() => WorkingGroup)
  @Access('AUTHENTICATED')
  async group(@Args('id', { type: () => ID }) id: string, @Http() { req }: RequestContext): Promise<WorkingGroup> {
    return this.directory.get(await this.sessions.requireUser(req), id);
  }

  @Query(() => [GroupSuggestion], { description: 'Groups to join: for me (no argument) or for a municipality page.' })
  @Access('AUTHENTICATED')
  async groupSuggestions(
    @Http() { req }: RequestContext,
    @Args('municipalityAgs', { type: () => String, nullable: true }) municipalityAgs?: string | null,
  ): Promise<GroupSuggestion[]> {
    return this.suggestions.suggest(await this.sessions.requireUser(req), municipalityAgs);
  }

  @ResolveField(() => [GroupMember], { description: 'Active members; moderators also see requests and invitations.' })
  async members(@Parent() group: WorkingGroup, @Http() { req }: RequestContext): Promise<GroupMember[]> {
    return this.membership.members(await this.sessions.requireUser(req), group.id, true);
  }

  @ResolveField(() => Int, {
    nullable: true,
    description: 'For moderators: open invitations of people invited by email or municipality, who stay unnamed until they accept.',
  })
  async pendingInvitations(@Parent() group: WorkingGroup, @Http() { req }: RequestContext): Promise<number | null> {
    return this.membership.pendingInvitations(await this.sessions.requireUser(req), group.id);
  }

  @Mutation(() => WorkingGroup, { description: 'For confirmed members; the founder becomes its moderator.' })
  @Access('AUTHENTICATED')
  async createGroup(@Args('input') input: CreateGroupInput, @Http() { req }: RequestContext): Promise<WorkingGroup> {
    return this.directory.create(await this.sessions.requireUser(req), input);
  }

  @Mutation(() => WorkingGroup, { description: 'Join an open group, ask to join an on-request one, or accept an invitation.' })
  @Access('AUTHENTICATED')
  async joinGroup(@Args('id', { type: () => ID }) id: string, @Http() { req }: RequestContext): Promise<WorkingGroup> {
    return this.membership.join(await this.sessions.requireUser(req), id);
  }

  @Mutation(() => [GroupMember], { description: 'For moderators.' })
  @Access('AUTHENTICATED')
  async decideGroupJoin(@Args('input') input: DecideGroupJoinInput, @Http() { req }: RequestContext): Promise<GroupMember[]> {
    return this.membership.decide(await this.sessions.requireUser(req), input);
  }

  @Mutation(() => InviteResult, { description: 'For moderators: a person, or every confirmed member of a municipality.' })
  @Access('AUTHENTICATED')
  async inviteToGroup(@Args('input') input: InviteToGroupInput, @Http() { req }: RequestContext): Promise<InviteResult> {
    return this.membership.invite(await this.sessions.requireUser(req), input, req.ip);
  }

  @Mutation(() => Boolean, { description: 'Leave, withdraw a request or decline an invitation; the last moderator hands over first.' })
  @Access('AUTHENTICATED')
  async leaveGroup(@Args('id', { type: () => ID }) id: string, @Http() { req }: RequestContext): Promise<boolean> {
    return this.membership.leave(await this.sessions.requireUser(req), id);
  }

  @Mutation(() => [GroupMember], { description: 'For moderators.' })
  @Access('AUTHENTICATED')
  async removeGroupMember(@Args('input') input: GroupMemberInput, @Http() { req }: RequestContext): Promise<GroupMember[]> {
    return this.membership.remove(await this.sessions.requireUser(req), input);
  }

  @Mutation(() => [GroupMember], { description: 'For moderators: hand over or share the moderation.' })
  @Access('AUTHENTICATED')
  async setGroupRole(@Args('input') input: SetGroupRoleInput, @Http() { req }: RequestContext): Promise<GroupMember[]> {
    return this.membership.setRole(await this.sessions.requireUser(req), input);
  }
}
