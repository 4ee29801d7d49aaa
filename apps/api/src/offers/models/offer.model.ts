import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Topic } from '../../core/catalogue/catalogue.enums.js';
import { NamedMunicipality, NamedOrganization, OpenTo } from '../../events/models/event.model.js';

export enum OfferKind {
  MIGRATIONSBERATUNG = 'MIGRATIONSBERATUNG',
  SPRACHKURS = 'SPRACHKURS',
  BERATUNGSSTELLE = 'BERATUNGSSTELLE',
  DOLMETSCHERPOOL = 'DOLMETSCHERPOOL',
  SCHULUNGSANGEBOT = 'SCHULUNGSANGEBOT',
  GETEILTE_STELLE = 'GETEILTE_STELLE',
}
registerEnumType(OfferKind, { name: 'OfferKind', description: 'GETEILTE_STELLE: a staff position shared by several organisations.' });

@ObjectType({ description: 'A standing offer: a service without a date, or a shared staff position.' })
export class Offer {
  @Field(() => ID)
  id!: string;

  @Field(() => OfferKind)
  kind!: OfferKind;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => [Topic])
  topics!: Topic[];

  @Field(() => NamedOrganization)
  provider!: NamedOrganization;

  @Field(() => [NamedOrganization], { description: 'The other organisations of a shared offer.' })
  partners!: NamedOrganization[];

  @Field(() => NamedMunicipality)
  home!: NamedMunicipality;

  @Field(() => OpenTo)
  openTo!: OpenTo;

  @Field(() => String, { nullable: true })
  openLandCode!: string | null;

  @Field(() => [NamedMunicipality], { description: 'OWN, NEIGHBOURS, KREIS_AREA: the municipalities (or Kreise) it is open to.' })
  openToMunicipalities!: NamedMunicipality[];

  @Field(() => [NamedMunicipality], { description: 'Residents of these may use it too ("also residents of Landkreis Leipzig").' })
  alsoFor!: NamedMunicipality[];

  @Field(() => [String])
  languages!: string[];

  @Field()
  contact!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field()
  openingHours!: string;

  @Field()
  address!: string;

  @Field(() => Number, { nullable: true })
  latitude!: number | null;

  @Field(() => Number, { nullable: true })
  longitude!: number | null;

  @Field(() => String, { nullable: true })
  onlineUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'First day (YYYY-MM-DD).' })
  validFrom!: string | null;

  @Field(() => String, { nullable: true, description: 'Last day (YYYY-MM-DD).' })
  validUntil!: string | null;

  @Field()
  archived!: boolean;

  @Field({ description: 'Members of the provider and the partners change and archive it.' })
  canEdit!: boolean;
}

@ObjectType()
export class OfferPage {
  @Field(() => [Offer])
  nodes!: Offer[];

  @Field(() => Int)
  totalCount!: number;
}
