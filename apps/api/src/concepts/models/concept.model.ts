import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MaterialLicence, Topic } from '../../core/catalogue/catalogue.enums.js';
import { Person } from '../../groups/models/group.model.js';
import { Organization } from '../../memberships/models/membership.model.js';

export enum ConceptStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}
export enum MeasureStatus {
  PLANNED = 'PLANNED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  PAUSED = 'PAUSED',
}
export enum SectionChangeState {
  UNCHANGED = 'UNCHANGED',
  UPSTREAM_CHANGED = 'UPSTREAM_CHANGED',
  LOCAL_CHANGED = 'LOCAL_CHANGED',
  BOTH_CHANGED = 'BOTH_CHANGED',
}
export enum ConceptOutline {
  STANDARD = 'STANDARD',
  EMPTY = 'EMPTY',
}
registerEnumType(ConceptStatus, { name: 'ConceptStatus' });
registerEnumType(MeasureStatus, { name: 'MeasureStatus' });
registerEnumType(SectionChangeState, {
  name: 'SectionChangeState',
  description: 'Of a section of an adaptation since it was last aligned with its upstream.',
});
registerEnumType(ConceptOutline, { name: 'ConceptOutline', description: 'STANDARD: the usual outline of a kommunales Integrationskonzept.' });

@ObjectType({ description: 'A measure (Maßnahme): who does what with whom, by when, measured how.' })
export class ConceptMeasure {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  responsible!: string;

  @Field()
  partners!: string;

  @Field()
  timeline!: string;

  @Field()
  indicator!: string;

  @Field(() => MeasureStatus)
  status!: MeasureStatus;
}

@ObjectType()
export class ConceptSection {
  @Field(() => ID, { description: 'Stable across versions.' })
  id!: string;

  @Field(() => Int)
  position!: number;

  @Field()
  title!: string;

  @Field({ description: 'Rich text as ProseMirror JSON.' })
  content!: string;

  @Field()
  text!: string;

  @Field(() => [ConceptMeasure])
  measures!: ConceptMeasure[];

  @Field(() => ID, { nullable: true, description: 'In an adaptation: the upstream section it follows.' })
  upstreamSectionId!: string | null;
}

@ObjectType()
export class ConceptVersionInfo {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field()
  note!: string;

  @Field(() => MaterialLicence, { description: 'The licence it was published under; a later licence of the concept does not change it.' })
  licence!: MaterialLicence;

  @Field()
  publishedAt!: Date;

  @Field(() => Person, { nullable: true })
  publishedBy!: Person | null;
}

@ObjectType()
export class ConceptRef {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;
}

@ObjectType()
export class ConceptGroupRef {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

@ObjectType({ description: 'Where an adaptation comes from and how far it is behind.' })
export class ConceptUpstream {
  @Field(() => ConceptRef)
  concept!: ConceptRef;

  @Field(() => Int, { description: 'The upstream version it was made from.' })
  adaptedFromVersion!: number;

  @Field(() => Int)
  latestVersion!: number;

  @Field(() => Int, { description: 'Sections with an upstream change not yet taken or declined.' })
  pendingSections!: number;
}

@ObjectType()
export class Concept {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field(() => [Topic])
  topics!: Topic[];

  @Field(() => MaterialLicence, { description: "Drafters: the licence the next version is published under. Others: the latest version's." })
  licence!: MaterialLicence;

  @Field(() => ConceptStatus)
  status!: ConceptStatus;

  @Field({ description: 'Whether the signed-in person drafts it (sees and edits the working state).' })
  editable!: boolean;

  @Field(() => ConceptGroupRef, { nullable: true, description: 'Owner while drafted jointly.' })
  group!: ConceptGroupRef | null;

  @Field(() => Organization, { nullable: true, description: 'Owner when one organisation holds it.' })
  organization!: Organization | null;

  @Field(() => Int, { nullable: true, description: 'Which published version `sections` shows; null: the working state.' })
  showingVersion!: number | null;

  @Field(() => [ConceptVersionInfo])
  versions!: ConceptVersionInfo[];

  @Field(() => ConceptUpstream, { nullable: true })
  upstream!: ConceptUpstream | null;

  @Field(() => Int)
  adaptationCount!: number;

  @Field()
  updatedAt!: Date;
}

@ObjectType()
export class ConceptPage {
  @Field(() => [Concept])
  nodes!: Concept[];

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType({ description: 'One section of an adaptation compared with its upstream.' })
export class SectionChange {
  @Field(() => Int, { description: "The upstream's latest version, compared with: what taking or keeping decides on." })
  upstreamVersion!: number;

  @Field(() => ConceptRef, { description: 'The local section; for a section new upstream, the upstream one.' })
  section!: ConceptRef;

  @Field(() => SectionChangeState)
  state!: SectionChangeState;

  @Field({ description: 'New upstream: not yet in the adaptation.' })
  addedUpstream!: boolean;

  @Field({ description: 'Removed upstream.' })
  removedUpstream!: boolean;

  @Field(() => String, { nullable: true, description: 'Upstream text when the section was last aligned.' })
  baseText!: string | null;

  @Field(() => String, { nullable: true, description: 'Upstream text in its latest version.' })
  upstreamText!: string | null;

  @Field(() => String, { nullable: true })
  localText!: string | null;
}

@ObjectType()
export class LineageEntry {
  @Field(() => ConceptRef)
  concept!: ConceptRef;

  @Field(() => Organization, { nullable: true })
  organization!: Organization | null;

  @Field(() => ConceptGroupRef, { nullable: true })
  group!: ConceptGroupRef | null;

  @Field(() => Int, { nullable: true, description: 'The upstream version it was made from (adaptations).' })
  adaptedFromVersion!: number | null;

  @Field(() => Int, { description: 'Its own latest published version (0: none yet).' })
  latestVersion!: number;
}

@ObjectType({ description: 'Where a concept came from, and who adapted it.' })
export class ConceptLineage {
  @Field(() => [LineageEntry], { description: 'From the direct upstream to the original.' })
  ancestors!: LineageEntry[];

  @Field(() => [LineageEntry])
  adaptations!: LineageEntry[];
}

@ObjectType({ description: "A drafter's comment on a section; the HTML is rendered and sanitised by the server." })
export class ConceptComment {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  sectionId!: string;

  @Field(() => Person)
  author!: Person;

  @Field()
  html!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => Person, { nullable: true })
  resolvedBy!: Person | null;
}

@ObjectType({ description: 'How one adaptation treats a section of its upstream.' })
export class SectionAdaptation {
  @Field(() => ConceptRef)
  concept!: ConceptRef;

  @Field(() => Organization, { nullable: true })
  organization!: Organization | null;

  @Field({ description: "The adaptation's text of the section (its latest version, or the working state for its drafters)." })
  text!: string;

  @Field({ description: "Whether it differs from the upstream's latest version of the section." })
  adapted!: boolean;

  @Field({ description: 'The adaptation removed the section.' })
  removed!: boolean;
}
