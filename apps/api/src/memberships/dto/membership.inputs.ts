import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Topic } from '../../core/catalogue/catalogue.enums.js';
import { JobFunction } from '../models/membership.model.js';

@InputType({ description: 'Either a municipality (its administration) or a civil-society organisation.' })
export class RequestMembershipInput {
  @Field(() => String, { nullable: true, description: 'Key of the Gemeinde, Landkreis or kreisfreie Stadt.' })
  municipalityAgs?: string | null;

  @Field(() => ID, { nullable: true, description: 'A civil-society organisation.' })
  organizationId?: string | null;

  @Field(() => JobFunction)
  function!: JobFunction;

  // Input-field defaults are not applied by graphql-jit to variables: optional here, defaulted in the service.
  @Field(() => [Topic], { nullable: true })
  topics?: Topic[] | null;
}

@InputType()
export class DecideMembershipInput {
  @Field(() => ID)
  membershipId!: string;

  @Field()
  approve!: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Confirm as an admin of the organisation (default: no).' })
  makeAdmin?: boolean | null;
}

@InputType()
export class EndMembershipInput {
  @Field(() => ID)
  membershipId!: string;
}

@InputType({ description: "Make a confirmed member an admin of the organisation, or take an admin's rights back." })
export class SetMembershipRoleInput {
  @Field(() => ID)
  membershipId!: string;

  @Field()
  admin!: boolean;
}

export enum CivilSocietyKind {
  WOHLFAHRTSVERBAND = 'WOHLFAHRTSVERBAND',
  VEREIN = 'VEREIN',
  MIGRANTENORGANISATION = 'MIGRANTENORGANISATION',
  BILDUNGSTRAEGER = 'BILDUNGSTRAEGER',
  OTHER = 'OTHER',
  NETWORK_BODY = 'NETWORK_BODY',
}
registerEnumType(CivilSocietyKind, {
  name: 'CivilSocietyKind',
  description: 'Kinds of organisation people found themselves; NETWORK_BODY is a Land integration office or a kommunaler Spitzenverband.',
});

@InputType()
export class CreateOrganizationInput {
  @Field()
  name!: string;

  @Field(() => CivilSocietyKind)
  kind!: CivilSocietyKind;

  @Field({ description: 'Where it is located: key of a Gemeinde, Landkreis or kreisfreie Stadt.' })
  municipalityAgs!: string;

  @Field(() => JobFunction)
  function!: JobFunction;
}
