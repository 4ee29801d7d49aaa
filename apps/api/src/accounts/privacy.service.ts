import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../generated/prisma/client.js';
import { PersonalDataRegistry } from '../core/privacy/personal-data.js';
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
    private readonly personalData: PersonalDataRegistry,
  ) {
    this.registerOwn();
  }

  /** Everything stored about the person, as one JSON document; no secrets (password hash, session ids). */
  async export(user: User, ip: string): Promise<string> {
    const parts = await Promise.all(this.personalData.all().map(async (part) => [part.key, await part.export(this.prisma, user)] as const));
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
        ...Object.fromEntries(parts),
      },
      null,
      2,
    );
  }

  /** What accounts itself stores: sessions and the security log (scrubbed of the person on deletion). */
  private registerOwn(): void {
    this.personalData.register({
      key: 'sessions',
      export: (db, user) =>
        db.session.findMany({ where: { userId: user.id }, select: { createdAt: true, lastSeenAt: true, expiresAt: true, ip: true, userAgent: true } }),
    });
    this.personalData.register({
      key: 'securityEvents',
      export: async (db, user) => {
        const events = await db.auditEvent.findMany({
          where: { OR: [{ actorId: user.id }, { subjectId: user.id }] },
          select: { type: true, actorId: true, ip: true, data: true, createdAt: true },
          orderBy: { createdAt: 'asc' },
        });
        // An event about the person done by someone else carries that someone's IP: not theirs to export.
        return events.map(({ actorId, ip, ...event }) => ({ ...event, ip: actorId === user.id ? ip : null }));
      },
      erase: async (tx, user) => {
        await tx.auditEvent.updateMany({ where: { actorId: user.id }, data: { actorId: null, ip: null, data: {} } });
        await tx.auditEvent.updateMany({ where: { subjectId: user.id }, data: { subjectId: null, ip: null, data: {} } });
        // Failed or throttled logins name the address without knowing the person.
        await tx.auditEvent.updateMany({ where: { data: { path: ['email'], equals: user.email } }, data: { ip: null, data: {} } });
      },
    });
  }

  /**
   * Removes the person and their personal data at once: each domain erases its part (registered in
   * PersonalDataRegistry) in one transaction with the account; files go after it commits. Contributions (posts)
   * are deleted or stay without a name (ANONYMISE), as the person chose.
   */
  async deleteAccount(user: User, input: DeleteMyAccountInput, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await this.accounts.checkPassword(user, input.password, request.ip);
    const filesToRemove = await this.prisma.$transaction(async (tx) => {
      const keys: string[] = [];
      for (const part of this.personalData.all()) keys.push(...((await part.erase?.(tx, user, input.contributions)) ?? []));
      await tx.user.delete({ where: { id: user.id } });
      await this.audit.record('ACCOUNT_DELETED', { data: { contributions: input.contributions } }, tx);
      return keys;
    });
    await Promise.all(filesToRemove.map((key) => this.storage.remove(key).catch(() => undefined)));
    await this.throttle.forget(user.email, user.id);
    this.realtime.disconnectUser(user.id);
    this.sessions.clearCookie(reply);
  }
}
