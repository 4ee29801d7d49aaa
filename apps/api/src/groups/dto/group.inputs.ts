import { Field, ID, InputType } from '@nestjs/graphql';
import { Urbanisation } from '../../municipalities/models/municipality.model.js';
import { Topic } from '../../core/catalogue/catalogue.enums.js';
import { GroupAccess, GroupRegionKind, GroupRole } from '../models/group.model.js';

@InputType()
export class GroupRegionInput {
  @Field(() => GroupRegionKind)
  kind!: GroupRegionKind;

  @Field(() => String, { nullable: true, description: 'KREIS: key of the Landkreis or kreisfreie Stadt.' })
  kreisAgs?: string | null;

  @Field(() => [String], { nullable: true, description: 'LAND: one, LAENDER: two or more two-digit Land codes.' })
  landCodes?: string[] | null;
}

@InputType()
export class CreateGroupInput {
  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => [Topic])
  topics!: Topic[];

  @Field(() => GroupAccess)
  access!: GroupAccess;

  @Field(() => GroupRegionInput)
  region!: GroupRegionInput;
}

@InputType()
export class GroupsFilter {
  @Field(() => String, { nullable: true })
  search?: string | null;

  @Field(() => Topic, { nullable: true })
  topic?: Topic | null;

  @Field(() => Boolean, { nullable: true, description: 'Only groups I belong to, asked to join or am invited to.' })
  mine?: boolean | null;

  @Field(() => [Urbanisation], {
    nullable: true,
    description: 'Stadt / Land: groups with active members from organisations in municipalities of these degrees of urbanisation.',
  })
  urbanisation?: Urbanisation[] | null;
}

@InputType()
export class DecideGroupJoinInput {
  @Field(() => ID)
  groupId!: string;

  @Field(() => ID)
  personId!: string;

  @Field()
  approve!: boolean;
}

@InputType({ description: 'Invite one person (personId or email) or every confirmed member of a municipality (municipalityAgs).' })
export class InviteToGroupInput {
  @Field(() => ID)
  groupId!: string;

  @Field(() => ID, { nullable: true })
  personId?: string | null;

  @Field(() => String, { nullable: true, description: 'An email address; someone without an account is invited to register.' })
  email?: string | null;

  @Field(() => String, { nullable: true })
  municipalityAgs?: string | null;
}

@InputType()
export class GroupMemberInput {
  @Field(() => ID)
  groupId!: string;

  @Field(() => ID)
  personId!: string;
}

@InputType()
export class SetGroupRoleInput {
  @Field(() => ID)
  groupId!: string;

  @Field(() => ID)
  personId!: string;

  @Field(() => GroupRole)
  role!: GroupRole;
}

@InputType()
export class StartThreadInput {
  @Field(() => ID)
  groupId!: string;

  @Field()
  title!: string;

  @Field({ description: 'Markdown; `@Name` mentions a group member.' })
  body!: string;
}

@InputType()
export class ReplyInput {
  @Field(() => ID)
  threadId!: string;

  @Field()
  body!: string;
}
