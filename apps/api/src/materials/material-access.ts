import type { Prisma } from '../generated/prisma/client.js';
import type { ViewerScope } from '../core/access/viewer-scope.service.js';

/** Who sees a material: every confirmed member, the active members of its group, or its organisation's members. */
export function visibleMaterials(scope: ViewerScope): Prisma.MaterialWhereInput {
  return {
    OR: [
      ...(scope.confirmed ? [{ visibility: 'MEMBERS' as const }] : []),
      { visibility: 'GROUP', groupId: { in: scope.activeGroupIds } },
      { visibility: 'ORGANIZATION', organizationId: { in: scope.organizationIds } },
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
