import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Prisma, User } from '../generated/prisma/client.js';
import { AuditService } from '../core/audit/audit.service.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { RealtimeService } from '../core/realtime/realtime.service.js';
import { FILE_STORAGE, type FileStorage } from '../core/storage/file-storage.js';
import type { DeleteMyAccountInput } from './dto/admin.inputs.js';
import { AccountsService } from './accounts.service.js';
import { SessionsService } from './sessions.service.js';
import { ThrottleService } from './throttle.service.js';

/** GDPR Art. 15/20 (export) and Art. 17 (erasure) for the signed-in person. */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly realtime: RealtimeService,
    private readonly accounts: AccountsService,
    private readonly throttle: ThrottleService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** Everything stored about the person, as one JSON document; no secrets (password hash, session ids). */
  async export(user: User, ip: string): Promise<string> {
    const [sessions, memberships, events, groups, posts, materials, notifications, notificationPreferences] = await Promise.all([
      this.prisma.session.findMany({ where: { userId: user.id }, select: { createdAt: true, lastSeenAt: true, expiresAt: true, ip: true, userAgent: true } }),
      this.prisma.membership.findMany({
        where: { userId: user.id },
        select: {
          role: true,
          status: true,
          function: true,
          topics: true,
          requestedAt: true,
          decidedAt: true,
          organization: { select: { name: true, kind: true } },
        },
      }),
      this.prisma.auditEvent.findMany({
        where: { OR: [{ actorId: user.id }, { subjectId: user.id }] },
        select: { type: true, actorId: true, ip: true, data: true, createdAt: true },
        orderBy: { createdAt: 'asc' },
      }),
      this.prisma.groupMember.findMany({
        where: { userId: user.id },
        select: { role: true, status: true, createdAt: true, group: { select: { name: true } } },
      }),
      this.prisma.post.findMany({ where: { authorId: user.id }, select: { markdown: true, createdAt: true, thread: { select: { title: true } } } }),
      this.prisma.materialVersion.findMany({
        where: { createdById: user.id },
        select: { number: true, fileName: true, note: true, createdAt: true, material: { select: { title: true } } },
      }),
      this.prisma.notification.findMany({
        where: { userId: user.id },
        select: { kind: true, channel: true, subjectType: true, subjectId: true, createdAt: true, readAt: true, mailedAt: true },
        orderBy: { createdAt: 'asc' },
      }),
      this.prisma.notificationPreference.findMany({ where: { userId: user.id }, select: { kind: true, channel: true } }),
    ]);
    // An event about the person done by someone else carries that someone's IP: not theirs to export.
    const securityEvents = events.map(({ actorId, ip, ...event }) => ({ ...event, ip: actorId === user.id ? ip : null }));
    await this.audit.record('DATA_EXPORTED', { actorId: user.id, subjectId: user.id, ip });
    return JSON.stringify(
      {
        exportedAt: new Date().toISOString(),
        person: {
          name: user.name,
          email: user.email,
          emailVerifiedAt: user.emailVerifiedAt,
          platformRole: user.platformRole,
          createdAt: user.createdAt,
          language: user.locale,
        },
        sessions,
        memberships,
        groups,
        posts,
        materialVersions: materials,
        notifications,
        notificationPreferences,
        securityEvents,
      },
      null,
      2,
    );
  }

  /**
   * Removes the person and their personal data at once: account, sessions, mailed links, memberships; security
   * events keep their type and time but lose name, IP and email. Contributions (posts, materials) are deleted
   * or stay without a name (ANONYMISE), as the person chose.
   */
  /** Groups the person moderates alone get the longest-standing active member as moderator. */
  private async handOverModeration(tx: Prisma.TransactionClient, userId: string): Promise<void> {
    const moderated = await tx.groupMember.findMany({ where: { userId, status: 'ACTIVE', role: 'MODERATOR' }, select: { groupId: true } });
    for (const { groupId } of moderated) {
      await tx.$queryRaw`SELECT 1 FROM "WorkingGroup" WHERE id = ${groupId}::uuid FOR UPDATE`;
      const others = await tx.groupMember.count({ where: { groupId, status: 'ACTIVE', role: 'MODERATOR', userId: { not: userId } } });
      if (others > 0) continue;
      const next = await tx.groupMember.findFirst({
        where: { groupId, status: 'ACTIVE', userId: { not: userId } },
        orderBy: [{ joinedAt: 'asc' }, { createdAt: 'asc' }],
      });
      if (next) await tx.groupMember.update({ where: { groupId_userId: { groupId, userId: next.userId } }, data: { role: 'MODERATOR' } });
    }
  }

  async deleteAccount(user: User, input: DeleteMyAccountInput, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await this.accounts.checkPassword(user, input.password, request.ip);
    const filesToRemove = await this.prisma.$transaction(async (tx) => {
      // Materials belong to their organisation and stay, versions and "useful for us" marks included; the
      // person's name leaves them (the foreign keys set it to null). Files of unused uploads always go; with
      // DELETE, also the person's posts (threads left empty too).
      await this.handOverModeration(tx, user.id);
      const uploads = await tx.upload.findMany({ where: { userId: user.id }, select: { storageKey: true } });
      const keys = uploads.map((u) => u.storageKey);
      if (input.contributions === 'DELETE') {
        await tx.post.deleteMany({ where: { authorId: user.id } });
        await tx.thread.deleteMany({ where: { posts: { none: {} } } });
      }
      await tx.auditEvent.updateMany({ where: { actorId: user.id }, data: { actorId: null, ip: null, data: {} } });
      await tx.auditEvent.updateMany({ where: { subjectId: user.id }, data: { subjectId: null, ip: null, data: {} } });
      // Failed or throttled logins name the address without knowing the person.
      await tx.auditEvent.updateMany({ where: { data: { path: ['email'], equals: user.email } }, data: { ip: null, data: {} } });
      await tx.user.delete({ where: { id: user.id } });
      await this.audit.record('ACCOUNT_DELETED', { data: { contributions: input.contributions } }, tx);
      return keys;
    });
    await Promise.all(filesToRemove.map((key) => this.storage.remove(key).catch(() => undefined)));
    await this.throttle.forget(user.email);
    this.realtime.disconnectUser(user.id);
    this.sessions.clearCookie(reply);
  }
}
