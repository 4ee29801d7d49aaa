import type { Prisma } from '../generated/prisma/client.js';

/**
 * A group's active members who are confirmed members of the platform: groups are for those, so who left their last
 * organisation keeps their place in a group but is told of nothing and decides nothing there meanwhile.
 */
export const ACTIVE_CONFIRMED: Prisma.GroupMemberWhereInput = { status: 'ACTIVE', user: { memberships: { some: { status: 'CONFIRMED' } } } };
