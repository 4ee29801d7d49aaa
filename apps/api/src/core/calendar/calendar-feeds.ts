import { Controller, Get, Global, Inject, Injectable, Module, Param, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { User } from '../../generated/prisma/client.js';
import { Access } from '../access/access.decorator.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { PrismaService } from '../database/prisma.service.js';
import { notFound } from '../errors/app-error.js';
import { AppErrorHttpFilter } from '../http/app-error-http.filter.js';
import { isUuid } from '../validation/ids.js';
import { type IcsEntry, icsCalendar } from './ics.js';

/** What a feed shows: the person's registrations, what is near them, or a working group's dates. */
export type FeedKind = 'mine' | 'near' | 'group';
/** A domain's entries of a feed for its owner; for `group`, `groupId` is the group (the contributor checks access). */
export type FeedContributor = (user: User, groupId?: string) => Promise<IcsEntry[]>;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const TITLES: Record<FeedKind, string> = {
  mine: 'Verbund: meine Termine',
  near: 'Verbund: Veranstaltungen in meiner Nähe',
  group: 'Verbund: Termine der Arbeitsgruppe',
};

/**
 * The subscribable calendars. Calendar programs send no session: the person's secret token in the path is the key,
 * and every domain adds its entries by the same rules as on the page (who may see what is checked on each fetch).
 */
@Injectable()
export class CalendarFeeds {
  private readonly contributors: { kind: FeedKind; contribute: FeedContributor }[] = [];

  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(kind: FeedKind, contribute: FeedContributor): void {
    this.contributors.push({ kind, contribute });
  }

  /**
   * A group's feed is its active members' only, while they are confirmed members of the platform (as the group
   * itself is): anyone else learns nothing, not even that the group exists.
   */
  async entries(kind: FeedKind, user: User, groupId?: string): Promise<IcsEntry[]> {
    if (kind === 'group') {
      const [member, confirmed] = await Promise.all([
        groupId ? this.prisma.groupMember.findUnique({ where: { groupId_userId: { groupId, userId: user.id } } }) : null,
        this.prisma.membership.count({ where: { userId: user.id, status: 'CONFIRMED' } }),
      ]);
      if (member?.status !== 'ACTIVE' || !confirmed) throw notFound('Diesen Kalender gibt es nicht.');
    }
    const parts = await Promise.all(this.contributors.filter((c) => c.kind === kind).map((c) => c.contribute(user, groupId)));
    return parts.flat().sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  /** The address of a feed, with the secret made on first use. */
  async url(user: User, kind: FeedKind, groupId?: string): Promise<string> {
    const token = user.calendarToken ?? (await this.renew(user.id));
    return this.address(token, kind, groupId);
  }

  /** A new secret: every old address answers 404 from now on. Answers the address of the personal feed. */
  async renewToken(user: User): Promise<string> {
    return this.address(await this.renew(user.id), 'mine');
  }

  async owner(token: string): Promise<User> {
    const user = TOKEN.test(token) ? await this.prisma.user.findUnique({ where: { calendarToken: token } }) : null;
    if (!user) throw notFound('Diesen Kalender gibt es nicht.');
    return user;
  }

  private address(token: string, kind: FeedKind, groupId?: string): string {
    const path = kind === 'group' ? `groups/${groupId}/${token}` : kind === 'near' ? `near/${token}` : `feed/${token}`;
    return `${this.config.publicUrl}/calendar/${path}.ics`;
  }

  private async renew(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.prisma.user.update({ where: { id: userId }, data: { calendarToken: token } });
    return token;
  }
}

@Controller('calendar')
@UseFilters(AppErrorHttpFilter)
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeeds) {}

  @Get('feed/:file')
  @Access('PUBLIC')
  async mine(@Param('file') file: string, @Res() reply: FastifyReply) {
    return this.send(reply, 'mine', await this.feeds.owner(file.replace(/\.ics$/, '')));
  }

  @Get('near/:file')
  @Access('PUBLIC')
  async near(@Param('file') file: string, @Res() reply: FastifyReply) {
    return this.send(reply, 'near', await this.feeds.owner(file.replace(/\.ics$/, '')));
  }

  @Get('groups/:groupId/:file')
  @Access('PUBLIC')
  async group(@Param('groupId') groupId: string, @Param('file') file: string, @Res() reply: FastifyReply) {
    const user = await this.feeds.owner(file.replace(/\.ics$/, ''));
    if (!isUuid(groupId)) throw notFound('Diesen Kalender gibt es nicht.');
    return this.send(reply, 'group', user, groupId);
  }

  private async send(reply: FastifyReply, kind: FeedKind, user: User, groupId?: string) {
    const entries = await this.feeds.entries(kind, user, groupId);
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="verbund.ics"')
      .header('cache-control', 'private, no-store')
      .send(icsCalendar(TITLES[kind], 'Termine', entries));
  }
}

@Global()
@Module({ providers: [CalendarFeeds], controllers: [CalendarFeedController], exports: [CalendarFeeds] })
export class CalendarModule {}
