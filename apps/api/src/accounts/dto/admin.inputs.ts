import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';

@ArgsType()
export class AuditLogArgs {
  @Field(() => Int, { nullable: true, description: 'At most 200; default 50.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Only events of this type.' })
  type?: string | null;
}

@InputType()
export class SetPlatformRoleInput {
  @Field(() => ID)
  userId!: string;

  @Field()
  admin!: boolean;
}

export enum ContributionChoice {
  DELETE = 'DELETE',
  ANONYMISE = 'ANONYMISE',
}
registerEnumType(ContributionChoice, {
  name: 'ContributionChoice',
  description:
    "What happens to the person's discussion posts when the account is deleted. Materials belong to their organisation and always stay, without the name.",
});

@InputType()
export class DeleteMyAccountInput {
  @Field({ description: 'The current password, to confirm.' })
  password!: string;

  @Field(() => ContributionChoice)
  contributions!: ContributionChoice;
}
