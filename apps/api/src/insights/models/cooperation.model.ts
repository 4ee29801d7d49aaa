import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Municipality } from '../../municipalities/models/municipality.model.js';
import { NeighbourReason } from '../../municipalities/models/neighbour.model.js';

export enum CooperationKind {
  GROUP = 'GROUP',
  ROUND = 'ROUND',
  CONCEPT = 'CONCEPT',
  EVENT = 'EVENT',
  OFFER = 'OFFER',
  MATERIAL = 'MATERIAL',
}
registerEnumType(CooperationKind, {
  name: 'CooperationKind',
  description:
    "GROUP: members in the same working group; ROUND: took part in the same date of a round; CONCEPT: one adapted the other's concept; EVENT: organised or attended the same event; OFFER: an offer of one open to the other's residents or shared; MATERIAL: one uses the other's material.",
});

@ObjectType()
export class CooperationCount {
  @Field(() => CooperationKind)
  kind!: CooperationKind;

  @Field(() => Int, { description: 'How many such things (groups, dates, adaptations …), never people.' })
  count!: number;
}

@ObjectType({ description: 'A bordering or similar municipality and what the two do together.' })
export class CooperationNeighbour {
  @Field(() => Municipality)
  municipality!: Municipality;

  @Field(() => [NeighbourReason])
  reasons!: NeighbourReason[];

  @Field(() => Float)
  distanceKm!: number;

  @Field(() => [CooperationCount])
  kinds!: CooperationCount[];

  @Field(() => Date, { nullable: true })
  since!: Date | null;

  @Field(() => Date, { nullable: true })
  lastActivityAt!: Date | null;

  @Field({ description: 'Nothing together in the last twelve months.' })
  gap!: boolean;

  @Field({ description: 'A Landkreis and the kreisfreie Stadt beside it (or the other way round).' })
  landkreisAndCity!: boolean;

  @Field({ description: 'Two Gemeinden across a Kreis border.' })
  acrossKreis!: boolean;
}
