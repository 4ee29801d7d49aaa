import { Injectable } from '@nestjs/common';
import type { User } from '../generated/prisma/client.js';
import { AuditService } from '../core/audit/audit.service.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { badUserInput, conflict, notFound } from '../core/errors/app-error.js';
import { RealtimeService } from '../core/realtime/realtime.service.js';
import type { AuditLogArgs, SetPlatformRoleInput } from './dto/admin.inputs.js';
import type { AuditEventEntry, PersonAccount } from './models/audit-event.model.js';
import { isUuid } from '../core/validation/ids.js';

/** What platform admins see and change: the audit log and who else is a platform admin. */
@Injectable()
export class AdminService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly realtime: RealtimeService,
  ) {}

  async auditLog(args: AuditLogArgs): Promise<AuditEventEntry[]> {
    const first = args.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > 200) throw badUserInput('"first" muss zwischen 1 und 200 liegen.', { field: 'first' });
    const events = await this.prisma.auditEvent.findMany({
      where: args.type ? { type: args.type } : {},
      orderBy: { createdAt: 'desc' },
      take: first,
    });
    const ids = [...new Set(events.flatMap((e) => [e.actorId, e.subjectId]).filter((id): id is string => Boolean(id)))];
    const names = new Map((await this.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
    return events.map((e) => ({
      id: e.id,
      type: e.type,
      actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
      subjectName: e.subjectId ? (names.get(e.subjectId) ?? null) : null,
      ip: e.ip,
      details: JSON.stringify(e.data),
      createdAt: e.createdAt,
    }));
  }

  async people(search: string): Promise<PersonAccount[]> {
    const q = search.trim();
    if (q.length > 100) throw badUserInput('Der Suchbegriff ist zu lang.', { field: 'search' });
    const users = await this.prisma.user.findMany({
      where: q ? { OR: [{ name: { contains: q, mode: 'insensitive' } }, { email: { contains: q.toLowerCase() } }] } : {},
      orderBy: { name: 'asc' },
      take: 50,
    });
    return users.map((u) => ({ id: u.id, name: u.name, email: u.email, platformAdmin: u.platformRole === 'ADMIN', emailVerified: u.emailVerifiedAt !== null }));
  }

  async setPlatformRole(actor: User, input: SetPlatformRoleInput, ip: string): Promise<PersonAccount> {
    if (!isUuid(input.userId)) throw notFound('Diese Person gibt es nicht.');
    const target = await this.prisma.user.findUnique({ where: { id: input.userId } });
    if (!target) throw notFound('Diese Person gibt es nicht.');
    if (!input.admin && target.id === actor.id) throw conflict('Sie können sich die Admin-Rolle nicht selbst nehmen; das tut eine andere Admin-Person.');
    const updated = await this.prisma.user.update({ where: { id: target.id }, data: { platformRole: input.admin ? 'ADMIN' : 'USER' } });
    await this.audit.record('ROLE_CHANGED', { actorId: actor.id, subjectId: target.id, ip, data: { platformRole: updated.platformRole } });
    // Open sockets carry the role they were opened with.
    this.realtime.disconnectUser(target.id);
    return {
      id: updated.id,
      name: updated.name,
      email: updated.email,
      platformAdmin: updated.platformRole === 'ADMIN',
      emailVerified: updated.emailVerifiedAt !== null,
    };
  }
}
