import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Municipality } from './municipality.model.js';

@ObjectType()
export class PageInfo {
  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}

@ObjectType()
export class MunicipalityConnection {
  @Field(() => [Municipality])
  nodes!: Municipality[];

  @Field(() => Int)
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
