import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client.js';
import { PrismaService } from '../database/prisma.service.js';

export type AuditType =
  | 'REGISTERED'
  | 'EMAIL_VERIFIED'
  | 'LOGIN'
  | 'LOGIN_FAILED'
  | 'LOGIN_THROTTLED'
  | 'LOGOUT'
  | 'LOGOUT_EVERYWHERE'
  | 'PASSWORD_RESET_REQUESTED'
  | 'PASSWORD_RESET'
  | 'PASSWORD_CHANGED'
  | 'ROLE_CHANGED'
  | 'MEMBERSHIP_REQUESTED'
  | 'MEMBERSHIP_DECIDED'
  | 'MEMBERSHIP_ENDED'
  | 'MEMBERSHIP_ROLE_CHANGED'
  | 'EMAIL_CHANGE_REQUESTED'
  | 'EMAIL_CHANGED'
  | 'DATA_EXPORTED'
  | 'ACCOUNT_DELETED'
  | 'ROUND_MESSAGE_HIDDEN';

export interface AuditEntry {
  actorId?: string | null;
  subjectId?: string | null;
  ip?: string | null;
  /** Never passwords, tokens or session ids. */
  data?: Prisma.InputJsonObject;
}

/** Security events for platform admins. */
@Injectable()
export class AuditService {
  constructor(private readonly prisma: PrismaService) {}

  async record(type: AuditType, entry: AuditEntry = {}, tx: Pick<PrismaService, 'auditEvent'> = this.prisma): Promise<void> {
    await tx.auditEvent.create({
      data: { type, actorId: entry.actorId ?? null, subjectId: entry.subjectId ?? null, ip: entry.ip ?? null, data: entry.data ?? {} },
    });
  }
}
