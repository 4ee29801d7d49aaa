import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A security event, for platform admins.' })
export class AuditEventEntry {
  @Field(() => ID)
  id!: string;

  @Field()
  type!: string;

  @Field(() => String, { nullable: true })
  actorName!: string | null;

  @Field(() => String, { nullable: true })
  subjectName!: string | null;

  @Field(() => String, { nullable: true })
  ip!: string | null;

  @Field({ description: 'Details as JSON (never passwords or tokens).' })
  details!: string;

  @Field()
  createdAt!: Date;
}

@ObjectType({ description: 'A person, as platform admins see them.' })
export class PersonAccount {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  email!: string;

  @Field()
  platformAdmin!: boolean;

  @Field()
  emailVerified!: boolean;
}
