import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Person } from './group.model.js';

@ObjectType()
export class Post {
  @Field(() => ID)
  id!: string;

  @Field(() => Person)
  author!: Person;

  @Field({ description: 'Markdown, as written.' })
  markdown!: string;

  @Field({ description: 'Sanitised HTML (allow-list); safe to insert into a page.' })
  html!: string;

  @Field()
  createdAt!: Date;
}

@ObjectType({ description: 'A discussion thread in a working group; its first post opens it.' })
export class Thread {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  groupId!: string;

  @Field()
  title!: string;

  @Field(() => Person)
  author!: Person;

  @Field()
  createdAt!: Date;

  @Field()
  lastPostAt!: Date;

  @Field(() => Int)
  postCount!: number;
}

@ObjectType({ description: "A page of a group's threads, the most recently active first." })
export class ThreadPage {
  @Field(() => [Thread])
  nodes!: Thread[];

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType()
export class ThreadDetail extends Thread {
  @Field(() => [Post])
  posts!: Post[];
}
