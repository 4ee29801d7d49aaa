import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CooperationNeighbour } from './cooperation.model.js';

export enum CooperationSuggestionKind {
  GROUP = 'GROUP',
  ROUND = 'ROUND',
  EVENT = 'EVENT',
  CONCEPT = 'CONCEPT',
  OFFER = 'OFFER',
}
registerEnumType(CooperationSuggestionKind, {
  name: 'CooperationSuggestionKind',
  description:
    'Why it is suggested. GROUP: the neighbour is active in this working group (open or on request), the municipality not; ROUND: the neighbour hosts this exchange round and it is open to the municipality; EVENT: an event in the neighbour open to the municipality; CONCEPT: a concept the neighbour adapted; OFFER: an offer of the neighbour open to the municipality’s residents.',
});

@ObjectType({ description: 'Something to do with a bordering or similar municipality the municipality does not yet work with.' })
export class CooperationSuggestion {
  @Field(() => CooperationSuggestionKind)
  kind!: CooperationSuggestionKind;

  @Field(() => CooperationNeighbour, { description: 'The neighbour, with the gap that makes this a suggestion.' })
  neighbour!: CooperationNeighbour;

  @Field(() => ID, { description: 'The group, round date, event, concept or offer.' })
  subjectId!: string;

  @Field(() => ID, { nullable: true, description: 'ROUND: the series of the date.' })
  seriesId!: string | null;

  @Field()
  title!: string;

  @Field(() => Date, { nullable: true, description: 'ROUND and EVENT: the next date.' })
  startsAt!: Date | null;
}
