import { Injectable } from '@nestjs/common';
import { JobsService } from '../core/jobs/jobs.service.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';

export const REMINDER_JOB = 'rounds.reminders';
/** 24 hours before, then 15 minutes before (the later one also covers a date registered for at short notice). */
const LEADS = [
  { lead: '24h', ms: 24 * 3600_000, after: 15 * 60_000 },
  { lead: '15m', ms: 15 * 60_000, after: 0 },
] as const;

/**
 * Reminders of registered dates, from a cron job that runs once per cluster every minute. Each reminder is
 * recorded with its notification in one transaction (`RoundReminder`), so a run after a restart or a second run
 * sends nothing twice, and one that was missed while the workers were down still goes out before the date.
 */
@Injectable()
export class RoundReminders {
  constructor(
    private readonly prisma: PrismaService,
    private readonly notifications: NotificationsService,
    jobs: JobsService,
  ) {
    jobs.define({ name: REMINDER_JOB, cron: '* * * * *', handler: () => this.sendDue().then(() => undefined) });
  }

  /** Sends what is due at `now`; returns how many reminders went out. */
  async sendDue(now = new Date()): Promise<number> {
    let sent = 0;
    for (const { lead, ms, after } of LEADS) {
      const due = await this.prisma.roundRegistration.findMany({
        where: {
          status: 'REGISTERED',
          round: { status: 'SCHEDULED', startsAt: { gt: new Date(now.getTime() + after), lte: new Date(now.getTime() + ms) } },
        },
        include: { round: { include: { reminders: { where: { lead } } } } },
      });
      for (const registration of due) {
        if (registration.round.reminders.some((r) => r.userId === registration.userId)) continue;
        await this.prisma.$transaction(async (tx) => {
          const [claimed] = await tx.$queryRaw<{ roundId: string }[]>`
            INSERT INTO "RoundReminder" ("roundId", "userId", lead) VALUES (${registration.roundId}::uuid, ${registration.userId}::uuid, ${lead})
            ON CONFLICT DO NOTHING RETURNING "roundId"`;
          if (!claimed) return;
          await this.notifications.notify(tx, {
            recipients: [registration.userId],
            kind: 'ROUND_REMINDER',
            subjectType: 'round',
            subjectId: registration.roundId,
            payload: { roundId: registration.roundId, startsAt: registration.round.startsAt.toISOString() },
          });
          sent++;
        });
      }
    }
    return sent;
  }
}
