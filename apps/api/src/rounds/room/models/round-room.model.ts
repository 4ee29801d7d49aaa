import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum RoomStateEnum {
  NOT_YET = 'NOT_YET',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(RoomStateEnum, {
  name: 'RoomState',
  description: 'NOT_YET until 15 minutes before the start (unless a moderator opened it), OPEN, then CLOSED (read-only).',
});

@ObjectType({ description: 'A chat message; hidden ones keep their place without their text.' })
export class RoomMessage {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  authorId!: string | null;

  @Field()
  authorName!: string;

  @Field({ description: 'Sanitised HTML rendered from Markdown.' })
  html!: string;

  @Field()
  createdAt!: string;

  @Field()
  hidden!: boolean;
}

@ObjectType()
export class RoomPoll {
  @Field(() => ID)
  id!: string;

  @Field()
  question!: string;

  @Field(() => [String])
  options!: string[];

  @Field()
  multiple!: boolean;

  @Field()
  anonymous!: boolean;

  @Field()
  open!: boolean;

  @Field(() => [Int], { description: 'Votes per option.' })
  counts!: number[];

  @Field(() => [[String]], { description: 'Named polls: who chose each option.' })
  voters!: string[][];

  @Field(() => [Int], { description: 'The viewer’s choices.' })
  myChoices!: number[];
}

@ObjectType({ description: 'Who does what until when.' })
export class RoomActionItem {
  @Field(() => ID)
  id!: string;

  @Field()
  who!: string;

  @Field()
  what!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  due!: string | null;

  @Field({ description: 'Already on the agenda of a later date.' })
  carried!: boolean;
}

@ObjectType({ description: 'The live room of one date of an exchange round.' })
export class RoundRoom {
  @Field(() => ID)
  roundId!: string;

  @Field(() => ID)
  seriesId!: string;

  @Field()
  title!: string;

  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @Field()
  videoUrl!: string;

  @Field(() => RoomStateEnum)
  state!: string;

  @Field()
  opensAt!: Date;

  @Field()
  canModerate!: boolean;

  @Field({ description: 'The room is open and the viewer registered or moderating.' })
  canTakePart!: boolean;

  @Field(() => ID, { nullable: true, description: 'The material with the protocol, once the room closed.' })
  protocolId!: string | null;

  @Field(() => [RoomMessage], { description: 'The last 200 messages, oldest first (for participants, or for everyone with access once closed).' })
  messages!: RoomMessage[];

  @Field(() => [RoomPoll])
  polls!: RoomPoll[];

  @Field(() => [RoomActionItem])
  actionItems!: RoomActionItem[];
}
