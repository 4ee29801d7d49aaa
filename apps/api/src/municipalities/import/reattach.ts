import type { PrismaClient } from '../../generated/prisma/client.js';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** What a re-import moved from merged municipalities onto their successors. */
export interface Reattached {
  /** Administrations now representing the successor (renamed), or merged into the successor's own. */
  administrations: number;
  /** Memberships moved into the successor's administration. */
  memberships: number;
  /** Other organisations now located in the successor. */
  organizations: number;
  groups: number;
  materials: number;
  /** "Useful for us" marks moved (a mark the successor already had is kept once). */
  marks: number;
}

const ROLE_RANK = { MEMBER: 0, ADMIN: 1 } as const;
const STATUS_RANK = { REQUESTED: 0, REJECTED: 0, CONFIRMED: 1 } as Record<string, number>;

/**
 * After a merger (a retired municipality with a successor) everything users built on it follows the
 * successor: its administration with its members, organisations located there, group regions, materials
 * and "useful for us" marks. Runs inside the import's transaction; nothing is deleted but duplicates.
 */
export async function reattachToSuccessors(tx: Tx): Promise<Reattached> {
  const counts: Reattached = { administrations: 0, memberships: 0, organizations: 0, groups: 0, materials: 0, marks: 0 };
  const merged = await tx.municipality.findMany({ where: { successorId: { not: null } }, select: { id: true, successorId: true } });
  const successors = new Map((await tx.municipality.findMany({ where: { id: { in: merged.map((m) => m.successorId!) } } })).map((m) => [m.id, m] as const));
  for (const { id: old, successorId } of merged) {
    const successor = successors.get(successorId!);
    if (!successor) continue;
    await moveAdministration(tx, old, successor, counts);
    counts.organizations += (await tx.organization.updateMany({ where: { locatedInId: old, representsId: null }, data: { locatedInId: successor.id } })).count;
    counts.groups += (await tx.workingGroup.updateMany({ where: { regionKreisId: old }, data: { regionKreisId: successor.id } })).count;
    counts.materials += (
      await tx.material.updateMany({ where: { municipalityId: old }, data: { municipalityId: successor.id, landCode: successor.landCode } })
    ).count;
    await tx.$executeRaw`
      DELETE FROM "MaterialUse" AS u WHERE u."municipalityId" = ${old}::uuid
        AND EXISTS (SELECT 1 FROM "MaterialUse" AS s WHERE s."materialId" = u."materialId" AND s."municipalityId" = ${successor.id}::uuid)`;
    counts.marks += (await tx.materialUse.updateMany({ where: { municipalityId: old }, data: { municipalityId: successor.id } })).count;
  }
  return counts;
}

async function moveAdministration(tx: Tx, old: string, successor: { id: string; displayName: string }, counts: Reattached): Promise<void> {
  const previous = await tx.organization.findUnique({ where: { representsId: old }, include: { memberships: true } });
  if (!previous) return;
  counts.administrations += 1;
  const current = await tx.organization.findUnique({ where: { representsId: successor.id } });
  if (!current) {
    await tx.organization.update({ where: { id: previous.id }, data: { representsId: successor.id, locatedInId: successor.id, name: successor.displayName } });
    return;
  }
  // Both had an administration on Verbund: one remains, with everyone in it at the stronger of their two standings.
  for (const membership of previous.memberships) {
    const there = await tx.membership.findUnique({ where: { userId_organizationId: { userId: membership.userId, organizationId: current.id } } });
    if (!there) {
      await tx.membership.update({ where: { id: membership.id }, data: { organizationId: current.id } });
    } else {
      await tx.membership.update({
        where: { id: there.id },
        data: {
          role: ROLE_RANK[membership.role] > ROLE_RANK[there.role] ? membership.role : there.role,
          status: STATUS_RANK[membership.status]! > STATUS_RANK[there.status]! ? membership.status : there.status,
        },
      });
      await tx.membership.delete({ where: { id: membership.id } });
    }
    counts.memberships += 1;
  }
  await tx.material.updateMany({ where: { organizationId: previous.id }, data: { organizationId: current.id } });
  await tx.organization.delete({ where: { id: previous.id } });
}
