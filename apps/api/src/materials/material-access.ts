import type { Material, Prisma } from '../generated/prisma/client.js';
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

/**
 * Who sees a material, as people (the counterpart of `visibleMaterials`): for those told of it, such as the
 * municipalities that marked it useful.
 */
export function readersOf(material: Pick<Material, 'visibility' | 'organizationId' | 'groupId' | 'readerAreas'>): Prisma.UserWhereInput {
  const confirmed = (organization?: Prisma.OrganizationWhereInput) => ({
    memberships: { some: { status: 'CONFIRMED' as const, ...(organization ? { organization } : {}) } },
  });
  switch (material.visibility) {
    case 'MEMBERS':
      return confirmed();
    case 'GROUP':
      return material.groupId ? { AND: [confirmed(), { groupMembers: { some: { groupId: material.groupId, status: 'ACTIVE' } } }] } : { id: { in: [] } };
    case 'ORGANIZATION':
      return confirmed({ id: material.organizationId });
    case 'AREA':
      return confirmed({
        OR: [
          { id: material.organizationId },
          ...material.readerAreas.map((key) => ({ locatedIn: key.startsWith('m:') ? { ags: key.slice(2) } : { ags: { startsWith: key.slice(2) } } })),
        ],
      });
  }
}

/**
 * Adding versions: members of the publishing organisation, moderators of its group, and its author while still
 * in its group (who left both publishes no more in their name).
 */
export function canEdit(scope: ViewerScope, material: { createdById: string | null; organizationId: string; groupId: string | null }): boolean {
  const inGroup = material.groupId !== null && scope.activeGroupIds.includes(material.groupId);
  return (
    scope.organizationIds.includes(material.organizationId) ||
    (material.groupId !== null && scope.moderatedGroupIds.includes(material.groupId)) ||
    (material.createdById === scope.user.id && inGroup)
  );
}
