import { Field, ID, InputType } from '@nestjs/graphql';
import { JobFunction } from '../models/membership.model.js';

@InputType()
export class RequestMembershipInput {
  @Field({ description: 'Key of the Gemeinde, Landkreis or kreisfreie Stadt.' })
  municipalityAgs!: string;

  @Field(() => JobFunction)
  function!: JobFunction;

  // Input-field defaults are not applied by graphql-jit to variables: optional here, defaulted in the service.
  @Field(() => [String], { nullable: true })
  topics?: string[] | null;
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
