import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class HideRoundMessageInput {
  @Field(() => ID)
  roundId!: string;

  @Field(() => ID)
  messageId!: string;

  @Field({ description: 'Kept in the audit log.' })
  reason!: string;
}

@InputType()
export class CreateRoundPollInput {
  @Field(() => ID)
  roundId!: string;

  @Field()
  question!: string;

  @Field(() => [String], { description: '2 to 10 answers.' })
  options!: string[];

  @Field(() => Boolean, { nullable: true, description: 'Several answers per person (default: one).' })
  multiple?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Default: anonymous.' })
  anonymous?: boolean | null;
}

@InputType()
export class VoteRoundPollInput {
  @Field(() => ID)
  pollId!: string;

  @Field(() => [Int], { description: 'Indexes of the chosen answers.' })
  choices!: number[];
}

@InputType()
export class AddActionItemInput {
  @Field(() => ID)
  roundId!: string;

  @Field()
  who!: string;

  @Field()
  what!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  due?: string | null;
}
