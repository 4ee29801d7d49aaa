import type { JobFunction } from '../../gql/graphql';

/** In the order the study names the roles. */
export const JOB_FUNCTIONS: JobFunction[] = [
  'INTEGRATIONSBEAUFTRAGTE',
  'INTEGRATIONSKOORDINATION',
  'FLUECHTLINGSSOZIALARBEIT',
  'EHRENAMTSKOORDINATION',
  'VERWALTUNG',
  'OTHER',
];
