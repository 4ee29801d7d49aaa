import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ViewerScopeService } from '../core/access/viewer-scope.service.js';
import { CalendarFeeds } from '../core/calendar/calendar-feeds.js';
import type { IcsEntry } from '../core/calendar/ics.js';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { OpenToRules } from '../municipalities/open-to.js';
import { EVENT_INCLUDE, type EventRow, EventsService } from './events.service.js';

const PAST_DAYS = 30;
const AHEAD_DAYS = 365;

/**
 * Events in the subscribable calendars, by the same rules as the events page: near me, a group's, and those the
 * person registered for. A recurring event is one VEVENT with its RRULE.
 */
@Injectable()
export class EventFeeds implements OnModuleInit {
  constructor(
    private readonly feeds: CalendarFeeds,
    private readonly prisma: PrismaService,
    private readonly scopes: ViewerScopeService,
    private readonly openTo: OpenToRules,
    private readonly events: EventsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Registered, and still open to the person: one they lost access to leaves the feed at once, also while it runs.
    this.feeds.register('mine', async (user) => {
      const scope = await this.scopes.of(user);
      const place = await this.openTo.place(scope.municipalityIds);
      const rows = await this.prisma.event.findMany({
        where: { AND: [{ registrations: { some: { userId: user.id } }, lastEndsAt: { gte: since() } }, this.events.visibleWhere(scope, place)] },
        include: EVENT_INCLUDE,
      });
      return rows.map((r) => this.entry(r));
    });
    this.feeds.register('near', async (user) => {
      const scope = await this.scopes.of(user);
      const place = await this.openTo.place(scope.municipalityIds);
      const rows = await this.prisma.event.findMany({
        where: {
          AND: [
            this.events.visibleWhere(scope, place),
            { OR: this.openTo.nearWhere(place) },
            { lastEndsAt: { gte: since() }, startsAt: { lt: new Date(Date.now() + AHEAD_DAYS * 86_400_000) } },
          ],
        },
        include: EVENT_INCLUDE,
        orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
        take: 1000,
      });
      return rows.map((r) => this.entry(r));
    });
    this.feeds.register('group', async (_user, groupId) => {
      const rows = await this.prisma.event.findMany({ where: { organizerGroupId: groupId, lastEndsAt: { gte: since() } }, include: EVENT_INCLUDE });
      return rows.map((r) => this.entry(r));
    });
  }

  private entry(row: EventRow): IcsEntry {
    const url = `${this.config.publicUrl}/veranstaltungen/${row.id}`;
    const organizer = row.organizerOrganization?.name ?? row.organizerGroup?.name ?? '';
    const lines = [
      row.description,
      '',
      `Veranstalterin: ${organizer}`,
      row.onlineUrl ? `Online: ${row.onlineUrl}` : '',
      row.cost ? `Kosten: ${row.cost}` : '',
      url,
    ];
    return {
      uid: `event-${row.id}`,
      summary: row.title,
      description: lines
        .filter((l, i) => l || i === 1)
        .join('\n')
        .trim(),
      location: row.address || row.onlineUrl || '',
      url,
      start: row.startsAt,
      end: row.endsAt,
      rrule: row.rrule,
      cancelled: row.status === 'CANCELLED',
    };
  }
}

const since = () => new Date(Date.now() - PAST_DAYS * 86_400_000);
