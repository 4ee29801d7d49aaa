import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CalendarFeeds } from '../core/calendar/calendar-feeds.js';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { ViewerScopeService } from '../core/access/viewer-scope.service.js';
import { RoundAudienceRules } from './round-audience.js';
import { calendarSeries, roundEntries } from './round-calendar.js';

const HOST = { hostOrganization: { select: { name: true } }, hostGroup: { select: { name: true } } } as const;
const SINCE_DAYS = 30;

/** Rounds in the subscribable calendars: the dates a person registered for, and the rounds a group hosts. */
@Injectable()
export class RoundFeeds implements OnModuleInit {
  constructor(
    private readonly feeds: CalendarFeeds,
    private readonly prisma: PrismaService,
    private readonly scopes: ViewerScopeService,
    private readonly audience: RoundAudienceRules,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Registered, and still open to the person: a date they lost access to leaves the feed at once, also while it runs.
    this.feeds.register('mine', async (user) => {
      const series = await this.audience.visibleSeries(await this.scopes.of(user));
      const registrations = await this.prisma.roundRegistration.findMany({
        where: { userId: user.id, round: { endsAt: { gte: since() }, series } },
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
