import { Controller, Get, Inject, Param, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SessionsService } from '../accounts/sessions.service.js';
import { Access } from '../core/access/access.decorator.js';
import { ViewerScopeService } from '../core/access/viewer-scope.service.js';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { notFound } from '../core/errors/app-error.js';
import { AppErrorHttpFilter } from '../core/http/app-error-http.filter.js';
import { isUuid } from '../core/validation/ids.js';
import { type CalendarSeries, roundCalendar } from './round-calendar.js';
import { RoundsService } from './rounds.service.js';

/** A date or a whole series as .ics, for those who may see the round (signed in, by the session cookie). */
@Controller('calendar')
@UseFilters(AppErrorHttpFilter)
export class RoundCalendarController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sessions: SessionsService,
    private readonly scopes: ViewerScopeService,
    private readonly rounds: RoundsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('rounds/:file')
  @Access('AUTHENTICATED')
  async date(@Param('file') file: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const scope = await this.scopes.of(await this.sessions.requireUser(request));
    const round = await this.rounds.visible(scope, file.replace(/\.ics$/, ''));
    const series = await this.prisma.roundSeries.findUniqueOrThrow({ where: { id: round.seriesId }, include: { hostOrganization: true, hostGroup: true } });
    return this.send(reply, round.series.title, [{ series: this.entry(series), whole: false, dates: [{ ...round, cancelled: round.status === 'CANCELLED' }] }]);
  }

  @Get('series/:file')
  @Access('AUTHENTICATED')
  async series(@Param('file') file: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const scope = await this.scopes.of(await this.sessions.requireUser(request));
    const id = file.replace(/\.ics$/, '');
    const first = isUuid(id) ? await this.prisma.round.findFirst({ where: { seriesId: id }, orderBy: { startsAt: 'asc' } }) : null;
    if (!first) throw notFound('Diese Reihe gibt es nicht.');
    await this.rounds.visible(scope, first.id);
    const series = await this.prisma.roundSeries.findUniqueOrThrow({
      where: { id },
      include: { hostOrganization: true, hostGroup: true, dates: { orderBy: { startsAt: 'asc' } } },
    });
    return this.send(reply, series.title, [
      { series: this.entry(series), whole: true, dates: series.dates.map((d) => ({ ...d, cancelled: d.status === 'CANCELLED' })) },
    ]);
  }

  /** The personal feed: no session (calendar programs have none), the secret in the path is the key. */
  @Get('feed/:file')
  @Access('PUBLIC')
  async feed(@Param('file') file: string, @Res() reply: FastifyReply) {
    const token = file.replace(/\.ics$/, '');
    const user = /^[A-Za-z0-9_-]{43}$/.test(token) ? await this.prisma.user.findUnique({ where: { calendarToken: token } }) : null;
    if (!user) throw notFound('Diesen Kalender gibt es nicht.');
    const since = new Date(Date.now() - 30 * 24 * 3600_000);
    const registrations = await this.prisma.roundRegistration.findMany({
      where: { userId: user.id, round: { endsAt: { gte: since } } },
      include: { round: { include: { series: { include: { hostOrganization: true, hostGroup: true } } } } },
      orderBy: { round: { startsAt: 'asc' } },
    });
    return this.send(
      reply,
      'Verbund: meine Austauschrunden',
      registrations.map((r) => ({
        series: this.entry(r.round.series),
        whole: false,
        dates: [{ ...r.round, cancelled: r.round.status === 'CANCELLED' }],
      })),
    );
  }

  private entry(series: {
    id: string;
    title: string;
    description: string;
    videoUrl: string;
    rrule: string | null;
    firstStartsAt: Date;
    durationMinutes: number;
    hostOrganization: { name: string } | null;
    hostGroup: { name: string } | null;
  }): CalendarSeries {
    return {
      ...series,
      hostName: series.hostOrganization?.name ?? series.hostGroup?.name ?? '',
      url: `${this.config.publicUrl}/austauschrunden`,
    };
  }

  private send(reply: FastifyReply, name: string, entries: Parameters<typeof roundCalendar>[1]) {
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="austauschrunde.ics"')
      .header('cache-control', 'private, no-store')
      .send(roundCalendar(name, entries));
  }
}
