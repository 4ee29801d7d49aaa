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
import { type IcsEntry, icsCalendar } from '../core/calendar/ics.js';
import { calendarSeries, roundEntries } from './round-calendar.js';
import { RoundsService } from './rounds.service.js';

/** A date or a whole series as .ics, for those who may see the round (signed in, by the session cookie); the feeds are `CalendarFeeds`. */
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
    return this.send(
      reply,
      round.series.title,
      roundEntries(calendarSeries(series, this.config.publicUrl), [{ ...round, cancelled: round.status === 'CANCELLED' }], false),
    );
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
    return this.send(
      reply,
      series.title,
      roundEntries(
        calendarSeries(series, this.config.publicUrl),
        series.dates.map((d) => ({ ...d, cancelled: d.status === 'CANCELLED' })),
        true,
      ),
    );
  }

  private send(reply: FastifyReply, name: string, entries: IcsEntry[]) {
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="austauschrunde.ics"')
      .header('cache-control', 'private, no-store')
      .send(icsCalendar(name, 'Austauschrunden', entries));
  }
}
