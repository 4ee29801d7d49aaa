import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Topic } from '../../core/catalogue/catalogue.enums.js';
import { Municipality } from '../../municipalities/models/municipality.model.js';

export enum JobFunction {
  INTEGRATIONSBEAUFTRAGTE = 'INTEGRATIONSBEAUFTRAGTE',
  INTEGRATIONSKOORDINATION = 'INTEGRATIONSKOORDINATION',
  FLUECHTLINGSSOZIALARBEIT = 'FLUECHTLINGSSOZIALARBEIT',
  EHRENAMTSKOORDINATION = 'EHRENAMTSKOORDINATION',
  VERWALTUNG = 'VERWALTUNG',
  OTHER = 'OTHER',
}
export enum MembershipRole {
  MEMBER = 'MEMBER',
  ADMIN = 'ADMIN',
}
export enum MembershipStatus {
  REQUESTED = 'REQUESTED',
  CONFIRMED = 'CONFIRMED',
  REJECTED = 'REJECTED',
}
registerEnumType(JobFunction, { name: 'JobFunction' });
registerEnumType(MembershipRole, { name: 'MembershipRole' });
registerEnumType(MembershipStatus, { name: 'MembershipStatus' });

@ObjectType({ description: 'A municipal administration or a civil-society organisation.' })
export class Organization {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  kind!: string;

  @Field(() => Municipality, { description: 'The municipality it is, or where it is located.' })
  municipality!: Municipality;
}

@ObjectType()
export class Membership {
  @Field(() => ID)
  id!: string;

  @Field(() => Organization)
  organization!: Organization;

  @Field({ description: 'Name of the person.' })
  personName!: string;

  @Field(() => String, { nullable: true, description: 'Only for confirmed members of the same organisation and deciders.' })
  personEmail!: string | null;

  @Field(() => MembershipRole)
  role!: MembershipRole;

  @Field(() => MembershipStatus)
  status!: MembershipStatus;

  @Field(() => JobFunction)
  function!: JobFunction;

  @Field(() => [Topic])
  topics!: Topic[];

  @Field()
  requestedAt!: Date;

  @Field({ description: 'Whether the signed-in person may end it: their own, or as an admin of the organisation.' })
  canEnd!: boolean;
}
