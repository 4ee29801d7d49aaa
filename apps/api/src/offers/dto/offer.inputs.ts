import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Topic } from '../../core/catalogue/catalogue.enums.js';
import { OpenTo } from '../../events/models/event.model.js';
import { Urbanisation } from '../../municipalities/models/municipality.model.js';
import { OfferKind } from '../models/offer.model.js';

@InputType({ isAbstract: true })
export abstract class OfferDetailsFields {
  @Field(() => OfferKind)
  kind!: OfferKind;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [Topic])
  topics!: Topic[];

  @Field(() => [ID], { nullable: true, description: 'Other organisations of a shared offer (a shared position: the other Gemeinde).' })
  partnerIds?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Keys of municipalities whose administrations share the offer (e.g. the second Gemeinde of a shared position).',
  })
  partnerAgs?: string[] | null;

  @Field(() => OpenTo)
  openTo!: OpenTo;

  @Field(() => String, { nullable: true, description: "LAND: the two-digit Land code (default: the provider's)." })
  openLandCode?: string | null;

  @Field(() => [String], { nullable: true, description: 'Keys of further municipalities whose residents may use it (a Kreis: all its Gemeinden).' })
  alsoForAgs?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes, and leichte-sprache; default de.' })
  languages?: string[] | null;

  @Field({ description: 'Who to contact: a name or an office.' })
  contact!: string;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  openingHours?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => String, { nullable: true })
  onlineUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'First day, YYYY-MM-DD.' })
  validFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Last day, YYYY-MM-DD.' })
  validUntil?: string | null;
}

@InputType()
export class CreateOfferInput extends OfferDetailsFields {
  @Field(() => ID)
  providerOrganizationId!: string;
}

@InputType()
export class UpdateOfferInput extends OfferDetailsFields {
  @Field(() => ID)
  id!: string;
}

@InputType()
export class OffersFilter {
  @Field(() => Boolean, { nullable: true, description: 'Near me: offered in my municipalities or those bordering them, or open to my residents.' })
  nearMe?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Open to the residents of this municipality (by its key), also offers of neighbours.' })
  municipalityAgs?: string | null;

  @Field(() => [OfferKind], { nullable: true })
  kinds?: OfferKind[] | null;

  @Field(() => [Topic], { nullable: true })
  topics?: Topic[] | null;

  @Field(() => [Urbanisation], {
    nullable: true,
    description: 'Stadt / Land: offered in municipalities of these degrees of urbanisation (by the provider or a partner).',
  })
  urbanisation?: Urbanisation[] | null;

  @Field(() => String, { nullable: true })
  language?: string | null;

  @Field(() => Date, { nullable: true, description: 'Valid on some day from then on (default: today).' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Valid on some day before then.' })
  to?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Also archived offers (default: no).' })
  includeArchived?: boolean | null;
}
