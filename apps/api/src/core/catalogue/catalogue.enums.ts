import { registerEnumType } from '@nestjs/graphql';
import { MATERIAL_KINDS, MATERIAL_LICENCES, TOPICS, type MaterialKind as Kind, type MaterialLicence as Licence, type Topic as TopicKey } from '@verbund/shared';

const asEnum = <T extends string>(keys: readonly T[]) => Object.fromEntries(keys.map((k) => [k, k])) as { [K in T]: K };

/** The managed lists of libs/shared as GraphQL enums, so that a wrong value is refused at the edge. */
export const Topic = asEnum(TOPICS);
export type Topic = TopicKey;
export const MaterialKind = asEnum(MATERIAL_KINDS);
export type MaterialKind = Kind;
export const MaterialLicence = asEnum(MATERIAL_LICENCES);
export type MaterialLicence = Licence;

registerEnumType(Topic, { name: 'Topic', description: 'The one managed list of topics (libs/shared TOPICS).' });
registerEnumType(MaterialKind, { name: 'MaterialKind' });
registerEnumType(MaterialLicence, {
  name: 'MaterialLicence',
  description: 'CC BY 4.0, CC BY-SA 4.0, CC0 1.0, Datenlizenz Deutschland – Namensnennung 2.0, or all rights reserved.',
});
