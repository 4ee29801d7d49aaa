import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'What the client needs to know about the running server.' })
export class AppInfo {
  @Field()
  name!: string;

  @Field()
  version!: string;

  @Field({ description: 'development, test or production' })
  environment!: string;

  @Field(() => String, { nullable: true, description: 'Label of the single sign-on button; null when not configured.' })
  ssoLabel!: string | null;

  @Field(() => Int, { description: 'Largest file accepted for a material, in bytes.' })
  uploadLimitBytes!: number;
}
