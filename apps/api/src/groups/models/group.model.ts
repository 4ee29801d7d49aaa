import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Topic } from '../../core/catalogue/catalogue.enums.js';
import { Organization } from '../../memberships/models/membership.model.js';
import { Municipality } from '../../municipalities/models/municipality.model.js';

export enum GroupAccess {
  OPEN = 'OPEN',
  ON_REQUEST = 'ON_REQUEST',
  CLOSED = 'CLOSED',
}
export enum GroupRegionKind {
  KREIS = 'KREIS',
  LAND = 'LAND',
  LAENDER = 'LAENDER',
  BUNDESWEIT = 'BUNDESWEIT',
}
export enum GroupRole {
  MODERATOR = 'MODERATOR',
  MEMBER = 'MEMBER',
}
export enum GroupMemberStatus {
  ACTIVE = 'ACTIVE',
  REQUESTED = 'REQUESTED',
  INVITED = 'INVITED',
}
export enum SuggestionReason {
  NEIGHBOURS = 'NEIGHBOURS',
  REGION = 'REGION',
  TOPICS = 'TOPICS',
}
registerEnumType(GroupAccess, {
  name: 'GroupAccess',
  description: 'OPEN: any confirmed member joins; ON_REQUEST: moderators approve; CLOSED: by invitation, not listed to outsiders.',
});
registerEnumType(GroupRegionKind, { name: 'GroupRegionKind', description: 'KREIS: a Kreis and its neighbours.' });
registerEnumType(GroupRole, { name: 'GroupRole' });
registerEnumType(GroupMemberStatus, { name: 'GroupMemberStatus' });
registerEnumType(SuggestionReason, {
  name: 'SuggestionReason',
  description: 'NEIGHBOURS: members from bordering municipalities are in it; REGION: it is for this area; TOPICS: it works on my topics.',
});

@ObjectType({ description: 'Someone as others see them: name only.' })
export class Person {
  @Field(() => ID, { nullable: true, description: 'Null for a deleted account.' })
  id!: string | null;

  @Field()
  name!: string;
}

@ObjectType()
export class GroupRegion {
  @Field(() => GroupRegionKind)
  kind!: GroupRegionKind;

  @Field(() => Municipality, { nullable: true })
  kreis!: Municipality | null;

  @Field(() => [String], { description: 'Two-digit codes of the Länder the region lies in.' })
  landCodes!: string[];

  @Field(() => [Municipality], { description: 'The Länder of a LAND or LAENDER region.' })
  laender!: Municipality[];
}

@ObjectType({ description: 'A working group (Arbeitsgruppe) across municipal borders.' })
export class WorkingGroup {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => [Topic])
  topics!: Topic[];

  @Field(() => GroupAccess)
  access!: GroupAccess;

  @Field(() => GroupRegion)
  region!: GroupRegion;

  @Field(() => Int, { description: 'Active members.' })
  memberCount!: number;

  @Field(() => GroupMemberStatus, { nullable: true, description: "The signed-in person's standing in the group." })
  viewerStatus!: GroupMemberStatus | null;

  @Field(() => GroupRole, { nullable: true })
  viewerRole!: GroupRole | null;

  @Field()
  createdAt!: Date;
}

@ObjectType()
export class GroupMember {
  @Field(() => Person)
  person!: Person;

  @Field(() => GroupRole)
  role!: GroupRole;

  @Field(() => GroupMemberStatus)
  status!: GroupMemberStatus;

  @Field(() => [Organization], { description: 'Where the person works (confirmed memberships).' })
  organizations!: Organization[];

  @Field()
  since!: Date;
}

@ObjectType()
export class GroupPage {
  @Field(() => [WorkingGroup])
  nodes!: WorkingGroup[];

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType()
export class GroupSuggestion {
  @Field(() => WorkingGroup)
  group!: WorkingGroup;

  @Field(() => [SuggestionReason])
  reasons!: SuggestionReason[];

  @Field(() => [Municipality], { description: 'For NEIGHBOURS: the nearby municipalities its members come from.' })
  via!: Municipality[];
}

@ObjectType()
export class InviteResult {
  @Field(() => Int, { description: 'People newly invited.' })
  invited!: number;

  @Field(() => Int, { description: 'People skipped because they already belong, asked or were invited.' })
  skipped!: number;
}
