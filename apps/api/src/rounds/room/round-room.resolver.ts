import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SessionsService } from '../../accounts/sessions.service.js';
import { Access } from '../../core/access/access.decorator.js';
import { Http, type RequestContext } from '../../core/access/viewer.decorator.js';
import { AddActionItemInput, CreateRoundPollInput, HideRoundMessageInput, VoteRoundPollInput } from './dto/round-room.inputs.js';
import { RoomMessage, RoomPoll, RoundRoom } from './models/round-room.model.js';
import { RoundChat } from './round-chat.js';
import { RoundPolls } from './round-polls.js';
import { RoundRoomAccess } from './round-room-access.js';
import { RoundRoomService } from './round-room.service.js';

@Resolver()
export class RoundRoomResolver {
  constructor(
    private readonly rooms: RoundRoomService,
    private readonly access: RoundRoomAccess,
    private readonly chat: RoundChat,
    private readonly polls: RoundPolls,
    private readonly sessions: SessionsService,
  ) {}

  @Query(() => RoundRoom, { description: 'The live room of a date: its state, and for participants (or, once closed, everyone with access) its content.' })
  @Access('AUTHENTICATED')
  async roundRoom(@Http() { req }: RequestContext, @Args('roundId', { type: () => ID }) roundId: string): Promise<RoundRoom> {
    return this.rooms.room(await this.sessions.requireUser(req), roundId);
  }

  @Mutation(() => RoundRoom, { description: 'Moderators open the room before its time.' })
  @Access('AUTHENTICATED')
  async openRoundRoom(@Http() { req }: RequestContext, @Args('roundId', { type: () => ID }) roundId: string): Promise<RoundRoom> {
    return this.rooms.open(await this.sessions.requireUser(req), roundId);
  }

  @Mutation(() => RoundRoom, { description: 'Moderators close the room; its protocol is published as a material.' })
  @Access('AUTHENTICATED')
  async closeRoundRoom(@Http() { req }: RequestContext, @Args('roundId', { type: () => ID }) roundId: string): Promise<RoundRoom> {
    return this.rooms.close(await this.sessions.requireUser(req), roundId);
  }

  @Mutation(() => RoomMessage, { description: 'Moderators hide a chat message for everyone; the reason is kept in the audit log.' })
  @Access('AUTHENTICATED')
  async hideRoundMessage(@Http() { req }: RequestContext, @Args('input') input: HideRoundMessageInput): Promise<RoomMessage> {
    const user = await this.sessions.requireUser(req);
    await this.access.moderator(user, input.roundId);
    return this.chat.hide(user, input.roundId, input.messageId, input.reason, req.ip ?? null);
  }

  @Mutation(() => RoomPoll, { description: 'Moderators ask the room.' })
  @Access('AUTHENTICATED')
  async createRoundPoll(@Http() { req }: RequestContext, @Args('input') input: CreateRoundPollInput): Promise<RoomPoll> {
    const user = await this.sessions.requireUser(req);
    await this.access.moderating(user, input.roundId);
    return { ...(await this.polls.create(user.id, input.roundId, input)), myChoices: [] };
  }

  @Mutation(() => RoomPoll, { description: 'One vote per person, changeable until the poll closes.' })
  @Access('AUTHENTICATED')
  async voteRoundPoll(@Http() { req }: RequestContext, @Args('input') input: VoteRoundPollInput): Promise<RoomPoll> {
    const user = await this.sessions.requireUser(req);
    await this.access.participant(user, await this.polls.roundOf(input.pollId));
    const poll = await this.polls.vote(user.id, input.pollId, input.choices);
    return { ...poll, myChoices: [...new Set(input.choices)] };
  }

  @Mutation(() => RoomPoll)
  @Access('AUTHENTICATED')
  async closeRoundPoll(@Http() { req }: RequestContext, @Args('pollId', { type: () => ID }) pollId: string): Promise<RoomPoll> {
    const user = await this.sessions.requireUser(req);
    await this.access.moderating(user, await this.polls.roundOf(pollId));
    return { ...(await this.polls.close(pollId)), myChoices: [] };
  }

  @Mutation(() => RoundRoom, { description: 'Anyone taking part notes who does what until when.' })
  @Access('AUTHENTICATED')
  async addRoundActionItem(@Http() { req }: RequestContext, @Args('input') input: AddActionItemInput): Promise<RoundRoom> {
    return this.rooms.addAction(await this.sessions.requireUser(req), input);
  }

  @Mutation(() => RoundRoom, { description: 'Moderators put an action item on the agenda of the series’ next date.' })
  @Access('AUTHENTICATED')
  async carryRoundActionItem(@Http() { req }: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<RoundRoom> {
    return this.rooms.carryAction(await this.sessions.requireUser(req), id);
  }
}
