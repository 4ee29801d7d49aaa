import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum PlatformRole {
  USER = 'USER',
  ADMIN = 'ADMIN',
}
registerEnumType(PlatformRole, { name: 'PlatformRole' });

@ObjectType({ description: 'The signed-in person.' })
export class Viewer {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  email!: string;

  @Field()
  emailVerified!: boolean;

  @Field(() => PlatformRole)
  platformRole!: PlatformRole;
}
