import type { Prisma } from '../generated/prisma/client.js';
import type { ViewerScope } from '../core/access/viewer-scope.service.js';

/**
 * Who drafts a concept: the active members of its working group, or the confirmed members of its organisation;
 * a group's members only while they belong to some organisation (who left their last office drafts no more).
 */
export function editableConcepts(scope: ViewerScope): Prisma.ConceptWhereInput {
  if (!scope.confirmed) return { OR: [] };
  return { OR: [{ groupId: { in: scope.activeGroupIds } }, { organizationId: { in: scope.organizationIds } }] };
}

/** Who sees one: its drafters, and every confirmed member once a version is published (they see that version). */
export function visibleConcepts(scope: ViewerScope): Prisma.ConceptWhereInput {
  return { OR: [editableConcepts(scope), ...(scope.confirmed ? [{ versions: { some: {} } }] : [])] };
}

export function canEdit(scope: ViewerScope, concept: { groupId: string | null; organizationId: string | null }): boolean {
  return (
    scope.confirmed &&
    ((concept.groupId !== null && scope.activeGroupIds.includes(concept.groupId)) ||
      (concept.organizationId !== null && scope.organizationIds.includes(concept.organizationId)))
  );
}
