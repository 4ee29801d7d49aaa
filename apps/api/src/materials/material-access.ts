import type { Prisma } from '../generated/prisma/client.js';
import type { ViewerScope } from '../core/access/viewer-scope.service.js';

/**
 * Who sees a material: every confirmed member, the active members of its group, its organisation's members, or
 * (AREA) its organisation's members and those of the places it names.
 */
export function visibleMaterials(scope: ViewerScope): Prisma.MaterialWhereInput {
  return {
    OR: [
      ...(scope.confirmed ? [{ visibility: 'MEMBERS' as const }, { visibility: 'AREA' as const, readerAreas: { hasSome: scope.areaKeys } }] : []),
      { visibility: 'GROUP', groupId: { in: scope.activeGroupIds } },
      { visibility: { in: ['ORGANIZATION', 'AREA'] }, organizationId: { in: scope.organizationIds } },
    ],
  };
}

/** Adding versions: the author, members of the publishing organisation, and moderators of its group. */
export function canEdit(scope: ViewerScope, material: { createdById: string | null; organizationId: string; groupId: string | null }): boolean {
  return (
    material.createdById === scope.user.id ||
    scope.organizationIds.includes(material.organizationId) ||
    (material.groupId !== null && scope.moderatedGroupIds.includes(material.groupId))
  );
}
