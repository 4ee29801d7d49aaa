import type { Prisma } from '../generated/prisma/client.js';
import type { Urbanisation } from './models/municipality.model.js';

/**
 * Stadt / Land filters: an organisation counts by the municipality it is located in; a working group by
 * its active members' confirmed organisations, since a group has no place of its own.
 */
export function organizationIn(urbanisation: Urbanisation[]): Prisma.OrganizationWhereInput {
  return { locatedIn: { urbanisation: { in: urbanisation } } };
}

export function groupIn(urbanisation: Urbanisation[]): Prisma.WorkingGroupWhereInput {
  return {
    members: {
      some: { status: 'ACTIVE', user: { memberships: { some: { status: 'CONFIRMED', organization: organizationIn(urbanisation) } } } },
    },
  };
}
