import { Field, Float, Int, InterfaceType, ObjectType } from '@nestjs/graphql';
import { Urbanisation } from '../../municipalities/models/municipality.model.js';

@ObjectType({ description: 'Two Kreise that cooperate across their border (or further apart), weighted.' })
export class KreisLink {
  @Field()
  a!: string;

  @Field()
  b!: string;

  @Field(() => Int, { nullable: true, description: 'Things done together; null when fewer than the threshold (shown as "few").' })
  weight!: number | null;

  @Field()
  bordering!: boolean;

  @Field({ description: 'A Landkreis and a kreisfreie Stadt.' })
  landkreisAndCity!: boolean;
}

@ObjectType({ description: 'One Kreis (or kreisfreie Stadt) and how much it works across its borders.' })
export class KreisCooperation {
  @Field()
  ags!: string;

  @Field(() => Int, { description: 'Kreise it shares a border with.' })
  borderingKreise!: number;

  @Field(() => Int, { description: 'Of those, the ones it cooperates with.' })
  borderingCooperating!: number;

  @Field(() => Int, { description: 'Other Kreise it cooperates with, bordering or not.' })
  partners!: number;
}

@ObjectType({ description: 'The shares of one month, at its last refresh.' })
export class CooperationMonth {
  @Field({ description: 'YYYY-MM' })
  month!: string;

  @Field(() => Float, { nullable: true })
  borderingKreisShare!: number | null;

  @Field(() => Float, { nullable: true })
  landkreisCityShare!: number | null;

  @Field(() => Float, { nullable: true })
  gemeindenBeyondKreisShare!: number | null;
}

@InterfaceType({
  description: 'The three shares the study reported: bordering Kreise that cooperate, Landkreis and kreisfreie Stadt beside it, Gemeinden beyond their Kreis.',
})
export abstract class CooperationShares {
  @Field(() => Int)
  borderingKreisPairs!: number;

  @Field(() => Int)
  borderingKreisPairsCooperating!: number;

  @Field(() => Float, { nullable: true })
  borderingKreisShare!: number | null;

  @Field(() => Int)
  landkreisCityPairs!: number;

  @Field(() => Int)
  landkreisCityPairsCooperating!: number;

  @Field(() => Float, { nullable: true })
  landkreisCityShare!: number | null;

  @Field(() => Int, { description: 'Kreisangehörige Gemeinden with an organisation on Verbund.' })
  gemeindenActive!: number;

  @Field(() => Int, { description: 'Of those, the ones cooperating with a municipality in another Kreis.' })
  gemeindenBeyondKreis!: number;

  @Field(() => Float, { nullable: true })
  gemeindenBeyondKreisShare!: number | null;
}

@ObjectType({
  implements: () => [CooperationShares],
  description:
    'The shares for one degree of urbanisation (Stadt und Land, as the study compares them). A Kreis has the class most of its people live in; a bordering pair counts for the class of each Kreis, a Landkreis–Stadt pair for the Landkreis, a Gemeinde for its own.',
})
export class CooperationByUrbanisation extends CooperationShares {
  @Field(() => Urbanisation)
  urbanisation!: Urbanisation;
}

@ObjectType({
  implements: () => [CooperationShares],
  description: 'The figures the study reported, computed from what happens on Verbund (organisation level, aggregated).',
})
export class CooperationOverview extends CooperationShares {
  @Field(() => String, { nullable: true, description: 'The Land (two digits), or null for Germany.' })
  land!: string | null;

  @Field(() => [CooperationByUrbanisation], { description: 'The same figures split by town and country (dicht, mittel, gering besiedelt).' })
  byUrbanisation!: CooperationByUrbanisation[];

  @Field(() => [KreisLink], {
    description: 'For the map: every bordering pair of Kreise that cooperates, and the strongest of the others (see linkCount), strongest first.',
  })
  links!: KreisLink[];

  @Field(() => Int, { description: 'All pairs of Kreise that cooperate, bordering or not.' })
  linkCount!: number;

  @Field(() => [KreisCooperation], { description: 'For the map: each Kreis with its cooperation across its borders.' })
  kreise!: KreisCooperation[];

  @Field(() => [CooperationMonth], { description: 'Month by month, oldest first.' })
  series!: CooperationMonth[];

  @Field(() => Date, { nullable: true, description: 'When the figures were last computed.' })
  refreshedAt!: Date | null;
}
