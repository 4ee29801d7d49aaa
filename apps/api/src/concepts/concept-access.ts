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

/**
 * The list's word filter: on the working title and summary only where the person drafts; elsewhere on what was
 * published (the working text would otherwise be readable word by word through the filter).
 */
export function titleOrSummaryContains(scope: ViewerScope, words: string): Prisma.ConceptWhereInput {
  const contains = { contains: words, mode: 'insensitive' as const };
  const inText = [{ title: contains }, { summary: contains }];
  return { OR: [{ AND: [editableConcepts(scope), { OR: inText }] }, { versions: { some: { OR: inText } } }] };
}
