import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MaterialKind, MaterialLicence, Topic } from '../../core/catalogue/catalogue.enums.js';
import { Person } from '../../groups/models/group.model.js';
import { Organization } from '../../memberships/models/membership.model.js';
import { SnippetPart } from '../../core/search/snippet.js';

export enum MaterialVisibility {
  MEMBERS = 'MEMBERS',
  GROUP = 'GROUP',
  ORGANIZATION = 'ORGANIZATION',
  AREA = 'AREA',
}
export enum MaterialFormat {
  FILE = 'FILE',
  MARKDOWN = 'MARKDOWN',
}
registerEnumType(MaterialVisibility, {
  name: 'MaterialVisibility',
  description:
    "MEMBERS: every confirmed member of Verbund; GROUP: one working group; ORGANIZATION: one organisation; AREA: the organisation and the members of some places (a round's protocol, for its audience; not chosen by people).",
});
registerEnumType(MaterialFormat, { name: 'MaterialFormat' });

@ObjectType({ description: 'One state of a material; new versions keep the old ones.' })
export class MaterialVersion {
  @Field(() => Int)
  number!: number;

  @Field(() => MaterialFormat)
  format!: MaterialFormat;

  @Field(() => String, { nullable: true })
  fileName!: string | null;

  @Field(() => String, { nullable: true })
  mimeType!: string | null;

  @Field(() => Int, { nullable: true })
  size!: number | null;

  @Field(() => String, { nullable: true, description: 'Sanitised HTML of a Markdown version.' })
  html!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => Person)
  createdBy!: Person;

  @Field()
  createdAt!: Date;

  @Field({ description: 'Relative URL; downloads as an attachment.' })
  downloadUrl!: string;
}

@ObjectType({ description: 'A material (Konzept, Leitfaden, Vorlage …) in the shared library.' })
export class Material {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field(() => [Topic])
  topics!: Topic[];

  @Field(() => MaterialKind)
  kind!: MaterialKind;

  @Field(() => [String], { description: 'ISO 639-1 codes; de-x-ls is Leichte Sprache.' })
  languages!: string[];

  @Field(() => MaterialLicence)
  licence!: MaterialLicence;

  @Field(() => MaterialVisibility)
  visibility!: MaterialVisibility;

  @Field(() => ID, { nullable: true })
  groupId!: string | null;

  @Field(() => String, { nullable: true })
  groupName!: string | null;

  @Field(() => Organization, { description: 'The publishing organisation.' })
  organization!: Organization;

  @Field(() => Person)
  createdBy!: Person;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => MaterialVersion)
  currentVersion!: MaterialVersion;

  @Field(() => Int)
  useCount!: number;

  @Field({ description: "Whether one of the signed-in person's municipalities marked it as used." })
  usedByViewer!: boolean;

  @Field({ description: 'Whether the signed-in person may add versions.' })
  viewerCanEdit!: boolean;
}

@ObjectType()
export class MaterialHit {
  @Field(() => Material)
  material!: Material;

  @Field(() => [SnippetPart], { description: 'Where the search words occur; empty without a search.' })
  snippet!: SnippetPart[];

  /** For merging with other kinds of results (not in the schema): full-text rank and last change. */
  rank?: number;
  updatedAt?: Date;
}

@ObjectType()
export class MaterialSearchResult {
  @Field(() => [MaterialHit])
  nodes!: MaterialHit[];

  @Field(() => Int)
  totalCount!: number;
}
