import { Injectable, Logger } from '@nestjs/common';
import { PrismaService } from '../core/database/prisma.service.js';
import { JobsService } from '../core/jobs/jobs.service.js';
import type { NotificationPayload } from '../notifications/notification-kinds.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { CooperationSuggestions } from './cooperation-suggestions.js';
import { type CooperationSuggestion, CooperationSuggestionKind as Kind } from './models/suggestion.model.js';

export const SUGGESTIONS_JOB = 'insights.suggestions';
/** A few a week: a digest full of suggestions would be read as noise. */
const PER_WEEK = 3;

const SUBJECT = {
  [Kind.GROUP]: { type: 'group', key: 'groupId' },
  [Kind.ROUND]: { type: 'round', key: 'roundId' },
  [Kind.EVENT]: { type: 'event', key: 'eventId' },
  [Kind.CONCEPT]: { type: 'concept', key: 'conceptId' },
  [Kind.OFFER]: { type: 'offer', key: 'offerId' },
} as const;

/**
 * Once a week (Monday morning, before the 07:00 digest) the members of each municipality on Verbund hear of up to
 * three suggestions for its gaps, as COOPERATION_SUGGESTION notifications (in the digest unless they choose
 * otherwise). Nobody hears of the same thing twice.
 */
@Injectable()
export class CooperationDigest {
  private readonly logger = new Logger('Insights');

  constructor(
    private readonly prisma: PrismaService,
    private readonly suggestions: CooperationSuggestions,
    private readonly notifications: NotificationsService,
    jobs: JobsService,
  ) {
    jobs.define({ name: SUGGESTIONS_JOB, cron: '30 6 * * 1', handler: () => this.send().then(() => undefined) });
  }

  /** Answers how many suggestions were offered (a person who turned the kind off gets none). */
  async send(): Promise<number> {
    const places = await this.prisma.$queryRaw<{ municipalityId: string }[]>`
      SELECT DISTINCT o."locatedInId" AS "municipalityId" FROM "Organization" o
      JOIN "Membership" ms ON ms."organizationId" = o.id AND ms.status = 'CONFIRMED'`;
    let written = 0;
    for (const { municipalityId } of places) written += await this.sendFor(municipalityId);
    this.logger.log(`cooperation suggestions: ${written} notifications`);
    return written;
  }

  private async sendFor(municipalityId: string): Promise<number> {
    const self = await this.prisma.municipality.findUniqueOrThrow({ where: { id: municipalityId } });
    const found = await this.suggestions.suggest(self);
    if (!found.length) return 0;
    const members = await this.prisma.membership.findMany({
      where: { status: 'CONFIRMED', organization: { locatedInId: municipalityId } },
      select: { userId: true },
    });
    const recipients = [...new Set(members.map((m) => m.userId))];
    // A round series is one suggestion whichever of its dates is next: it is told once, not every week anew.
    const told = new Set(
      (
        await this.prisma.notification.findMany({
          where: { kind: 'COOPERATION_SUGGESTION', userId: { in: recipients } },
          select: { userId: true, subjectId: true, payload: true },
        })
      ).map((e) => `${e.userId} ${(e.payload as { seriesId?: string } | null)?.seriesId ?? e.subjectId}`),
    );
    let written = 0;
    await this.prisma.$transaction(async (tx) => {
      for (const userId of recipients) {
        const fresh = found.filter((s) => !told.has(`${userId} ${s.seriesId ?? s.subjectId}`)).slice(0, PER_WEEK);
        for (const suggestion of fresh) {
          await this.notifications.notify(tx, {
            recipients: [userId],
            kind: 'COOPERATION_SUGGESTION',
            subjectType: SUBJECT[suggestion.kind].type,
            subjectId: suggestion.subjectId,
            payload: payloadOf(municipalityId, suggestion),
          });
          written++;
        }
      }
    });
    return written;
  }
}

function payloadOf(municipalityId: string, s: CooperationSuggestion): NotificationPayload {
  return {
    municipalityId,
    neighbourId: s.neighbour.municipality.id,
    suggestion: s.kind,
    [SUBJECT[s.kind].key]: s.subjectId,
    ...(s.seriesId ? { seriesId: s.seriesId } : {}),
    ...(s.startsAt ? { startsAt: s.startsAt.toISOString() } : {}),
  };
}
