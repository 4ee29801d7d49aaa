import { Injectable } from '@nestjs/common';
import { PersonalDataRegistry } from '../core/privacy/personal-data.js';
import { handOverModeration } from './moderation-handover.js';

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
