import { Field, ID, InputType } from '@nestjs/graphql';
import { Urbanisation } from '../../municipalities/models/municipality.model.js';
import { MaterialKind, MaterialLicence, Topic } from '../../core/catalogue/catalogue.enums.js';
import { MaterialVisibility } from '../models/material.model.js';

@InputType({ description: 'Either an uploaded file (uploadId from POST /uploads) or a Markdown document.' })
export class CreateMaterialInput {
  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field(() => [Topic])
  topics!: Topic[];

  @Field(() => MaterialKind)
  kind!: MaterialKind;

  @Field(() => [String])
  languages!: string[];

  @Field(() => MaterialLicence)
  licence!: MaterialLicence;

  @Field(() => MaterialVisibility)
  visibility!: MaterialVisibility;

  @Field(() => ID, { description: 'The publishing organisation; the person must be a confirmed member.' })
  organizationId!: string;

  @Field(() => ID, { nullable: true, description: 'Required for GROUP visibility.' })
  groupId?: string | null;

  @Field(() => ID, { nullable: true })
  uploadId?: string | null;

  @Field(() => String, { nullable: true })
  markdown?: string | null;
}

@InputType()
export class AddMaterialVersionInput {
  @Field(() => ID)
  materialId!: string;

  @Field(() => ID, { nullable: true })
  uploadId?: string | null;

  @Field(() => String, { nullable: true })
  markdown?: string | null;

  @Field(() => String, { nullable: true, description: 'What changed.' })
  note?: string | null;
}

@InputType()
export class MaterialsFilter {
  @Field(() => [Topic], { nullable: true })
  topics?: Topic[] | null;

  @Field(() => [MaterialKind], { nullable: true })
  kinds?: MaterialKind[] | null;

  @Field(() => String, { nullable: true, description: 'Key of the publishing municipality.' })
  municipalityAgs?: string | null;

  @Field(() => String, { nullable: true, description: 'Two-digit Land code.' })
  landCode?: string | null;

  @Field(() => ID, { nullable: true })
  groupId?: string | null;

  @Field(() => [String], { nullable: true })
  languages?: string[] | null;

  @Field(() => [MaterialLicence], { nullable: true })
  licences?: MaterialLicence[] | null;

  @Field(() => [Urbanisation], { nullable: true, description: 'Stadt / Land: the degree of urbanisation of the publishing municipality.' })
  urbanisation?: Urbanisation[] | null;
}
