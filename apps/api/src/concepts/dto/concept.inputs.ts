import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Urbanisation } from '../../municipalities/models/municipality.model.js';
import { MaterialLicence, Topic } from '../../core/catalogue/catalogue.enums.js';
import { ConceptOutline, ConceptStatus, MeasureStatus } from '../models/concept.model.js';

@InputType({ description: 'Owned by a working group (drafted jointly) or by one organisation: exactly one of them.' })
export class CreateConceptInput {
  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => [Topic])
  topics!: Topic[];

  @Field(() => MaterialLicence, { nullable: true, description: 'Default CC BY 4.0.' })
  licence?: MaterialLicence | null;

  @Field(() => ID, { nullable: true })
  groupId?: string | null;

  @Field(() => ID, { nullable: true })
  organizationId?: string | null;

  @Field(() => ConceptOutline, { nullable: true, description: 'Default STANDARD.' })
  outline?: ConceptOutline | null;
}

@InputType()
export class UpdateConceptInput {
  @Field(() => ID)
  conceptId!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => [Topic], { nullable: true })
  topics?: Topic[] | null;

  @Field(() => MaterialLicence, { nullable: true })
  licence?: MaterialLicence | null;

  @Field(() => ConceptStatus, { nullable: true, description: 'ARCHIVED to retire it (and back to PUBLISHED).' })
  status?: ConceptStatus | null;
}

@InputType()
export class AddConceptSectionInput {
  @Field(() => ID)
  conceptId!: string;

  @Field()
  title!: string;

  @Field(() => Int, { nullable: true, description: 'Position (0-based); default: at the end.' })
  position?: number | null;
}

@InputType()
export class ConceptSectionInput {
  @Field(() => ID)
  conceptId!: string;

  @Field(() => ID)
  sectionId!: string;
}

@InputType()
export class UpstreamDecisionInput extends ConceptSectionInput {
  @Field(() => Int, { description: 'The upstream version the drafter compared with (conceptUpstreamChanges): a newer one is a CONFLICT.' })
  upstreamVersion!: number;
}

@InputType()
export class RenameConceptSectionInput extends ConceptSectionInput {
  @Field()
  title!: string;
}

@InputType()
export class MoveConceptSectionInput extends ConceptSectionInput {
  @Field(() => Int, { description: '0-based position among the sections.' })
  position!: number;
}

@InputType()
export class MeasureFields {
  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  responsible?: string | null;

  @Field(() => String, { nullable: true })
  partners?: string | null;

  @Field(() => String, { nullable: true })
  timeline?: string | null;

  @Field(() => String, { nullable: true })
  indicator?: string | null;

  @Field(() => MeasureStatus, { nullable: true })
  status?: MeasureStatus | null;
}

@InputType()
export class AddConceptMeasureInput extends MeasureFields {
  @Field(() => ID)
  conceptId!: string;

  @Field(() => ID)
  sectionId!: string;
}

@InputType()
export class UpdateConceptMeasureInput extends MeasureFields {
  @Field(() => ID)
  conceptId!: string;

  @Field(() => ID)
  measureId!: string;
}

@InputType()
export class ConceptMeasureInput {
  @Field(() => ID)
  conceptId!: string;

  @Field(() => ID)
  measureId!: string;
}

@InputType()
export class PublishConceptInput {
  @Field(() => ID)
  conceptId!: string;

  @Field({ description: 'What changed, for the history and the adaptations.' })
  note!: string;
}

@InputType()
export class AdaptConceptInput {
  @Field(() => ID, { description: 'A published version.' })
  versionId!: string;

  @Field(() => ID, { description: 'The organisation that adapts it (one the person belongs to).' })
  organizationId!: string;
}

@InputType()
export class ConceptsFilter {
  @Field(() => [Topic], { nullable: true })
  topics?: Topic[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only those the person drafts.' })
  mine?: boolean | null;

  @Field(() => ConceptStatus, { nullable: true })
  status?: ConceptStatus | null;

  @Field(() => [Urbanisation], {
    nullable: true,
    description: "Stadt / Land: concepts of organisations (or a working group's members' organisations) in municipalities of these degrees of urbanisation.",
  })
  urbanisation?: Urbanisation[] | null;
}

@InputType()
export class AddConceptCommentInput {
  @Field(() => ID)
  conceptId!: string;

  @Field(() => ID)
  sectionId!: string;

  @Field({ description: 'Markdown; @Name mentions a drafter.' })
  body!: string;
}

@InputType()
export class ResolveConceptCommentInput {
  @Field(() => ID)
  conceptId!: string;

  @Field(() => ID)
  commentId!: string;

  @Field(() => Boolean, { nullable: true, description: 'false reopens it; default true.' })
  resolved?: boolean | null;
}
