import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CalendarFeeds } from '../core/calendar/calendar-feeds.js';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { calendarSeries, roundEntries } from './round-calendar.js';

const HOST = { hostOrganization: { select: { name: true } }, hostGroup: { select: { name: true } } } as const;
const SINCE_DAYS = 30;

/** Rounds in the subscribable calendars: the dates a person registered for, and the rounds a group hosts. */
@Injectable()
export class RoundFeeds implements OnModuleInit {
  constructor(
    private readonly feeds: CalendarFeeds,
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.feeds.register('mine', async (user) => {
      const registrations = await this.prisma.roundRegistration.findMany({
        where: { userId: user.id, round: { endsAt: { gte: since() } } },
        include: { round: { include: { series: { include: HOST } } } },
      });
      return registrations.flatMap((r) =>
        roundEntries(calendarSeries(r.round.series, this.config.publicUrl), [{ ...r.round, cancelled: r.round.status === 'CANCELLED' }], false),
      );
    });
    this.feeds.register('group', async (_user, groupId) => {
      const series = await this.prisma.roundSeries.findMany({
        where: { hostGroupId: groupId, dates: { some: { endsAt: { gte: since() } } } },
        include: { ...HOST, dates: { orderBy: { startsAt: 'asc' } } },
      });
      return series.flatMap((s) =>
        roundEntries(
          calendarSeries(s, this.config.publicUrl),
          s.dates.map((d) => ({ ...d, cancelled: d.status === 'CANCELLED' })),
          true,
        ),
      );
    });
  }
}

const since = () => new Date(Date.now() - SINCE_DAYS * 86_400_000);
