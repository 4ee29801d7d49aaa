import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../municipalities/models/municipality-connection.model.js';

export enum NotificationKind {
  MENTION = 'MENTION',
  GROUP_INVITATION = 'GROUP_INVITATION',
  GROUP_JOIN_REQUEST = 'GROUP_JOIN_REQUEST',
  ORGANIZATION_JOIN_REQUEST = 'ORGANIZATION_JOIN_REQUEST',
  REQUEST_DECIDED = 'REQUEST_DECIDED',
  MEMBERSHIP_ROLE_CHANGED = 'MEMBERSHIP_ROLE_CHANGED',
  MATERIAL_VERSION = 'MATERIAL_VERSION',
  CONCEPT_UPSTREAM_CHANGED = 'CONCEPT_UPSTREAM_CHANGED',
  ROUND_REMINDER = 'ROUND_REMINDER',
  ROUND_CHANGED = 'ROUND_CHANGED',
  ROUND_PROMOTED = 'ROUND_PROMOTED',
  CONCEPT_COMMENT_MENTION = 'CONCEPT_COMMENT_MENTION',
  EVENT_NEW = 'EVENT_NEW',
  EVENT_CHANGED = 'EVENT_CHANGED',
  EVENT_PROMOTED = 'EVENT_PROMOTED',
  OFFER_NEW = 'OFFER_NEW',
  COOPERATION_SUGGESTION = 'COOPERATION_SUGGESTION',
}
export enum NotificationChannel {
  IN_APP = 'IN_APP',
  EMAIL = 'EMAIL',
  DIGEST = 'DIGEST',
  OFF = 'OFF',
}
export enum Language {
  de = 'de',
  en = 'en',
}
registerEnumType(NotificationKind, { name: 'NotificationKind' });
registerEnumType(NotificationChannel, {
  name: 'NotificationChannel',
  description: 'IN_APP: only in Verbund; EMAIL: also by mail at once; DIGEST: also in the daily mail at 7:00; OFF: not at all.',
});
registerEnumType(Language, { name: 'Language' });

@ObjectType({ description: 'Something that happened for the signed-in person, in their language.' })
export class Notification {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  readAt!: Date | null;

  @Field()
  text!: string;

  @Field({ description: 'Path in the web app of what it is about.' })
  link!: string;
}

@ObjectType()
export class NotificationConnection {
  @Field(() => [Notification])
  nodes!: Notification[];

  @Field(() => Int)
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType()
export class NotificationPreference {
  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field(() => NotificationChannel)
  channel!: NotificationChannel;

  @Field(() => NotificationChannel, { description: 'What applies while the person has not chosen.' })
  defaultChannel!: NotificationChannel;
}

@InputType()
export class NotificationPreferenceInput {
  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field(() => NotificationChannel)
  channel!: NotificationChannel;
}
