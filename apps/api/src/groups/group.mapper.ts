import type { Prisma } from '../generated/prisma/client.js';
import type { Topic } from '../core/catalogue/catalogue.enums.js';
import { toMunicipality } from '../municipalities/municipality.mapper.js';
import { GroupAccess, GroupMemberStatus, GroupRegionKind, GroupRole, type Person, type WorkingGroup } from './models/group.model.js';

export const GROUP_INCLUDE = { regionKreis: true, _count: { select: { members: { where: { status: 'ACTIVE' } } } } } as const;
export type GroupRow = Prisma.WorkingGroupGetPayload<{ include: typeof GROUP_INCLUDE }>;

export const person = (user: { id: string; name: string } | null): Person =>
  user ? { id: user.id, name: user.name } : { id: null, name: 'ehemaliges Mitglied' };

/** `laender` are filled in by the caller, which batches Land lookups. */
export function toGroup(row: GroupRow, viewer?: { status: string; role: string } | null): WorkingGroup {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    topics: row.topics as Topic[],
    access: GroupAccess[row.access],
    region: {
      kind: GroupRegionKind[row.regionKind],
      kreis: row.regionKreis ? toMunicipality(row.regionKreis) : null,
      laender: [],
      landCodes: row.regionLandCodes,
    },
    memberCount: row._count.members,
    viewerStatus: viewer ? GroupMemberStatus[viewer.status as GroupMemberStatus] : null,
    viewerRole: viewer?.status === 'ACTIVE' ? GroupRole[viewer.role as GroupRole] : null,
    createdAt: row.createdAt,
  };
}
