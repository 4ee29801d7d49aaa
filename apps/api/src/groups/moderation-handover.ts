import { Injectable } from '@nestjs/common';
import { AccessLost } from '../core/access/access-lost.js';
import { PrismaService } from '../core/database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { ACTIVE_CONFIRMED } from './active-member.js';

/** The longest-standing active, confirmed member becomes moderator of each group no one else can moderate. */
export async function handOverModeration(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  const moderated = await tx.groupMember.findMany({ where: { userId, status: 'ACTIVE', role: 'MODERATOR' }, select: { groupId: true } });
  for (const { groupId } of moderated) {
    await tx.$queryRaw`SELECT 1 FROM "WorkingGroup" WHERE id = ${groupId}::uuid FOR UPDATE`;
    const others = await tx.groupMember.count({ where: { groupId, ...ACTIVE_CONFIRMED, role: 'MODERATOR', userId: { not: userId } } });
    if (others > 0) continue;
    const next = await tx.groupMember.findFirst({
      where: { groupId, ...ACTIVE_CONFIRMED, userId: { not: userId } },
      orderBy: [{ joinedAt: 'asc' }, { createdAt: 'asc' }],
    });
    if (next) await tx.groupMember.update({ where: { groupId_userId: { groupId, userId: next.userId } }, data: { role: 'MODERATOR' } });
  }
}

/**
 * Who lost their last confirmed membership cannot moderate (ACTIVE_CONFIRMED): a group only they moderated gets a
 * moderator who can, as when an account is deleted. Back with a membership, they moderate beside them again.
 */
@Injectable()
export class ModerationHandover {
  constructor(
    private readonly prisma: PrismaService,
    accessLost: AccessLost,
  ) {
    accessLost.onLost('groups', (userId) => this.handOver(userId));
  }

  async handOver(userId: string): Promise<void> {
    if (await this.prisma.membership.count({ where: { userId, status: 'CONFIRMED' } })) return;
    await this.prisma.$transaction((tx) => handOverModeration(tx, userId));
  }
}
