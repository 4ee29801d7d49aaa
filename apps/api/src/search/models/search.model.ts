import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Concept } from '../../concepts/models/concept.model.js';
import { SnippetPart } from '../../core/search/snippet.js';
import { Material } from '../../materials/models/material.model.js';

export enum SearchKind {
  MATERIAL = 'MATERIAL',
  CONCEPT = 'CONCEPT',
}
registerEnumType(SearchKind, { name: 'SearchKind' });

@ObjectType({ description: 'One result of the search over materials and published concepts: exactly one of material and concept is set.' })
export class SearchHit {
  @Field(() => SearchKind)
  kind!: SearchKind;

  @Field(() => Material, { nullable: true })
  material!: Material | null;

  @Field(() => Concept, { nullable: true })
  concept!: Concept | null;

  @Field(() => [SnippetPart], { description: 'Where the search words occur.' })
  snippet!: SnippetPart[];
}

@ObjectType()
export class SearchResult {
  @Field(() => [SearchHit])
  nodes!: SearchHit[];

  @Field(() => Int)
  totalCount!: number;
}
