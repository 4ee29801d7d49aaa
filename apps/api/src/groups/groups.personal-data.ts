import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import { PersonalDataRegistry } from '../core/privacy/personal-data.js';
import { ACTIVE_CONFIRMED } from './active-member.js';

/** Groups' part of a person's data: their group memberships and posts. */
@Injectable()
export class GroupsPersonalData {
  constructor(registry: PersonalDataRegistry) {
    registry.register({
      key: 'groups',
      export: (db, user) =>
        db.groupMember.findMany({ where: { userId: user.id }, select: { role: true, status: true, createdAt: true, group: { select: { name: true } } } }),
      // Groups the person moderates alone get a moderator first; the memberships go with the account (cascade).
      erase: (tx, user) => handOverModeration(tx, user.id),
    });
    registry.register({
      key: 'posts',
      export: (db, user) =>
        db.post.findMany({ where: { authorId: user.id }, select: { markdown: true, createdAt: true, thread: { select: { title: true } } } }),
      // ANONYMISE keeps the posts without a name (the foreign key sets it to null); DELETE removes them, and threads left empty.
      erase: async (tx, user, contributions) => {
        if (contributions !== 'DELETE') return;
        await tx.post.deleteMany({ where: { authorId: user.id } });
        await tx.thread.deleteMany({ where: { posts: { none: {} } } });
      },
    });
  }
}

/** The longest-standing active, confirmed member becomes moderator of each group no one else can moderate. */
async function handOverModeration(tx: Prisma.TransactionClient, userId: string): Promise<void> {
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
