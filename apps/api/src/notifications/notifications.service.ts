import { Injectable } from '@nestjs/common';
import type { NotificationKind, Prisma, User } from '../generated/prisma/client.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { badUserInput } from '../core/errors/app-error.js';
import { AccessLost } from '../core/access/access-lost.js';
import { type ViewerScope, ViewerScopeService } from '../core/access/viewer-scope.service.js';
import { JobsService } from '../core/jobs/jobs.service.js';
import { RealtimeService } from '../core/realtime/realtime.service.js';
import { isUuid } from '../core/validation/ids.js';
import { asLocale, type Locale, NOTIFICATION_KINDS, type NotificationPayload } from './notification-kinds.js';
import { type Described, describe } from './notification-texts.js';
import type { Notification, NotificationConnection, NotificationPreference } from './models/notification.model.js';
import { NotificationChannel, NotificationKind as Kind } from './models/notification.model.js';
import { readUnsubscribeToken, validSignature } from './unsubscribe-token.js';

export const EMAIL_JOB = 'notifications.email';

/** A notice that a person's place or registration ended: theirs to hear, even about what they no longer see. */
const endedPlace = (p: NotificationPayload | null) => p?.change === 'withdrawn' || p?.eventChange === 'withdrawn' || p?.eventChange === 'registration';
const MAX_PAGE = 100;

type SubjectType = 'post' | 'group' | 'organization' | 'membership' | 'material' | 'concept' | 'round' | 'event' | 'offer';
/** Which of these subjects (ids of one type) the person with this scope still sees. */
type Seen = (scope: ViewerScope, ids: string[]) => Promise<string[]>;

export interface NotifyInput {
  recipients: string[];
  kind: NotificationKind;
  subjectType: SubjectType;
  subjectId: string;
  payload: NotificationPayload;
  /** The action mails the recipients itself (an invitation to an address): the notification does not mail again. */
  mailedByAction?: boolean;
}

/**
 * Notices about the person's own account and memberships, and join requests (a platform admin decides them without
 * belonging anywhere): mailed whatever they still belong to.
 */
const PERSONAL_KINDS: NotificationKind[] = ['REQUEST_DECIDED', 'MEMBERSHIP_ROLE_CHANGED', 'ORGANIZATION_JOIN_REQUEST'];

/**
 * Notifications are written with `notify(tx, …)` inside the transaction of the action that causes them: none
 * for an action that rolls back, none lost for one that commits. The bell hears of them over socket.io after
 * the commit; mails at once and the daily digest are jobs (NotificationMailer).
 */
@Injectable()
export class NotificationsService {
  private readonly subjects = new Map<SubjectType, Seen>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly realtime: RealtimeService,
    private readonly jobs: JobsService,
    private readonly scopes: ViewerScopeService,
    accessLost: AccessLost,
  ) {
    accessLost.onLost('notifications', (userId) => this.holdBackUnmailed(userId));
  }

  /** Each domain once, for its subjects: which of them a person still sees (`holdBackUnmailed` asks after a loss of access). */
  seesSubjects(type: SubjectType, seen: Seen): void {
    if (this.subjects.has(type)) throw new Error(`subjects of ${type} registered twice`);
    this.subjects.set(type, seen);
  }

  /**
   * After a person lost access (left an organisation or group): no more mail about what they no longer see, e.g. the
   * digest telling them tomorrow of offers and events of a municipality they left. Who belongs nowhere hears of
   * nothing but what concerns them as a person (a decided request, rights given or taken, a place that ended).
   */
  async holdBackUnmailed(userId: string): Promise<void> {
    const pending = await this.prisma.notification.findMany({
      where: { userId, mailedAt: null, channel: { in: ['DIGEST', 'EMAIL'] }, kind: { notIn: PERSONAL_KINDS } },
      select: { id: true, kind: true, subjectType: true, subjectId: true, payload: true },
    });
    const user = pending.length ? await this.prisma.user.findUnique({ where: { id: userId } }) : null;
    if (!user) return;
    const scope = await this.scopes.of(user);
    const telling = pending.filter((n) => !endedPlace(n.payload as NotificationPayload | null));
    const held = scope.confirmed ? await this.unseen(scope, telling) : telling.map((n) => n.id);
    if (held.length) await this.prisma.notification.updateMany({ where: { id: { in: held }, mailedAt: null }, data: { mailedAt: new Date() } });
  }

  private async unseen(scope: ViewerScope, pending: { id: string; kind: NotificationKind; subjectType: string; subjectId: string | null; payload: unknown }[]) {
    // A suggestion is for one municipality: who no longer works there is not told of it.
    const held = new Set(
      pending
        .filter((n) => n.kind === 'COOPERATION_SUGGESTION')
        .filter((n) => !scope.municipalityIds.includes((n.payload as NotificationPayload | null)?.municipalityId ?? ''))
        .map((n) => n.id),
    );
    for (const [type, seen] of this.subjects) {
      const rows = pending.filter((n) => n.subjectType === type && n.subjectId);
      if (!rows.length) continue;
      const visible = new Set(await seen(scope, [...new Set(rows.map((n) => n.subjectId!))]));
      for (const n of rows) if (!visible.has(n.subjectId!)) held.add(n.id);
    }
    return [...held];
  }

  async notify(tx: Prisma.TransactionClient, input: NotifyInput): Promise<void> {
    // Nobody is notified of what they did themselves.
    const recipients = [...new Set(input.recipients)].filter((id) => id !== input.payload.actorId);
    if (recipients.length === 0) return;
    const chosen = await tx.notificationPreference.findMany({ where: { userId: { in: recipients }, kind: input.kind } });
    const preferred = (userId: string) => chosen.find((p) => p.userId === userId)?.channel ?? NOTIFICATION_KINDS[input.kind].defaultChannel;
    const channelOf = (userId: string) => (input.mailedByAction && preferred(userId) !== 'OFF' ? 'IN_APP' : preferred(userId));
    const rows = await tx.notification.createManyAndReturn({
      data: recipients
        .filter((userId) => channelOf(userId) !== 'OFF')
        .map((userId) => ({
          userId,
          kind: input.kind,
          channel: channelOf(userId),
          subjectType: input.subjectType,
          subjectId: input.subjectId,
          payload: input.payload as Prisma.InputJsonObject,
        })),
    });
    if (rows.length === 0) return;
    // Every recipient gets the same notice: its text is made once per language, and the bells are told in one
    // statement, so that an offer open to a whole Land does not take a statement per person in its transaction.
    const ids = rows.map((r) => r.userId);
    const [people, unread] = await Promise.all([
      tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, locale: true } }),
      tx.notification.groupBy({ by: ['userId'], where: { userId: { in: ids }, readAt: null }, _count: true }),
    ]);
    const localeOf = new Map(people.map((u) => [u.id, asLocale(u.locale)]));
    const texts = new Map<Locale, Described>();
    for (const locale of new Set(localeOf.values())) texts.set(locale, (await describe(tx, [rows[0]!], locale))[0]!);
    for (const row of rows) if (row.channel === 'EMAIL') await this.jobs.send(EMAIL_JOB, { id: row.id }, { tx });
    const unreadOf = new Map(unread.map((u) => [u.userId, u._count]));
    await this.realtime.emitManyAfterCommit(
      tx,
      rows.map((row) => {
        const described = texts.get(localeOf.get(row.userId) ?? asLocale(undefined))!;
        return {
          room: `user:${row.userId}` as const,
          event: 'notification:new' as const,
          payload: {
            id: row.id,
            kind: row.kind,
            text: described.text,
            link: described.link,
            createdAt: row.createdAt.toISOString(),
            unreadCount: unreadOf.get(row.userId) ?? 0,
          },
        };
      }),
    );
  }

  /**
   * Marks read what an action has answered (an accepted invitation, a decided request) or what is no longer the
   * person's to answer (an organisation's requests, once they lost its admin rights), for whoever got it.
   */
  async settle(
    tx: Prisma.TransactionClient,
    where: { kind: NotificationKind; subjectId?: string; organizationId?: string; userIds?: string[]; actorId?: string },
  ): Promise<void> {
    const inPayload = (['actorId', 'organizationId'] as const).filter((key) => where[key]).map((key) => ({ payload: { path: [key], equals: where[key]! } }));
    await tx.notification.updateMany({
      where: {
        kind: where.kind,
        readAt: null,
        ...(where.subjectId ? { subjectId: where.subjectId } : {}),
        ...(where.userIds ? { userId: { in: where.userIds } } : {}),
        AND: inPayload,
      },
      data: { readAt: new Date() },
    });
  }

  async list(user: User, first: number, after: string | null | undefined, unreadOnly: boolean): Promise<NotificationConnection> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badUserInput(`first: 1 bis ${MAX_PAGE}.`, { field: 'first', limit: MAX_PAGE });
    if (after && !isUuid(after)) throw badUserInput('Unbekannter Cursor.', { field: 'after' });
    const where = { userId: user.id, ...(unreadOnly ? { readAt: null } : {}) };
    const [rows, totalCount] = await Promise.all([
      this.prisma.notification.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: first + 1,
        ...(after ? { cursor: { id: after }, skip: 1 } : {}),
      }),
      this.prisma.notification.count({ where }),
    ]);
    const page = rows.slice(0, first);
    const described = await describe(this.prisma, page, asLocale(user.locale));
    const nodes: Notification[] = page.map((row, i) => ({
      id: row.id,
      kind: row.kind as Kind,
      createdAt: row.createdAt,
      readAt: row.readAt,
      ...described[i]!,
    }));
    return { nodes, totalCount, pageInfo: { hasNextPage: rows.length > first, endCursor: page.at(-1)?.id ?? null } };
  }

  unreadCount(user: User): Promise<number> {
    return this.prisma.notification.count({ where: { userId: user.id, readAt: null } });
  }

  /** Marks the person's own notifications read (others' ids are ignored); answers the unread count left. */
  async markRead(user: User, ids: string[] | null): Promise<number> {
    if (ids && ids.length > MAX_PAGE) throw badUserInput(`Höchstens ${MAX_PAGE} auf einmal.`, { field: 'ids', limit: MAX_PAGE });
    if (ids?.some((id) => !isUuid(id))) throw badUserInput('Unbekannte Benachrichtigung.', { field: 'ids' });
    await this.prisma.notification.updateMany({ where: { userId: user.id, readAt: null, ...(ids ? { id: { in: ids } } : {}) }, data: { readAt: new Date() } });
    return this.unreadCount(user);
  }

  async preferences(user: User): Promise<NotificationPreference[]> {
    const chosen = await this.prisma.notificationPreference.findMany({ where: { userId: user.id } });
    return Object.values(Kind).map((kind) => {
      const defaultChannel = NOTIFICATION_KINDS[kind].defaultChannel as NotificationChannel;
      return { kind, defaultChannel, channel: (chosen.find((p) => p.kind === kind)?.channel as NotificationChannel | undefined) ?? defaultChannel };
    });
  }

  async setPreference(user: User, kind: Kind, channel: NotificationChannel): Promise<NotificationPreference[]> {
    await this.prisma.notificationPreference.upsert({
      where: { userId_kind: { userId: user.id, kind } },
      create: { userId: user.id, kind, channel },
      update: { channel },
    });
    return this.preferences(user);
  }

  async setLanguage(user: User, language: 'de' | 'en'): Promise<boolean> {
    await this.prisma.user.update({ where: { id: user.id }, data: { locale: language } });
    return true;
  }

  /** From a mail's link, without signing in: that kind stops coming by mail (it stays in the app). */
  async unsubscribe(token: string): Promise<Kind> {
    const invalid = () => badUserInput('Dieser Abmeldelink ist ungültig oder veraltet.', { field: 'token', reason: 'INVALID_TOKEN' });
    const parsed = readUnsubscribeToken(token);
    if (!parsed || !isUuid(parsed.userId) || !(parsed.kind in NOTIFICATION_KINDS)) throw invalid();
    const kind = parsed.kind as Kind;
    const owner = await this.prisma.user.findUnique({ where: { id: parsed.userId }, select: { id: true, mailKey: true } });
    if (!owner?.mailKey || !validSignature(owner.mailKey, owner.id, kind, parsed.signature)) throw invalid();
    const current = await this.prisma.notificationPreference.findUnique({ where: { userId_kind: { userId: owner.id, kind } } });
    if (current?.channel !== 'OFF') {
      await this.prisma.notificationPreference.upsert({
        where: { userId_kind: { userId: owner.id, kind } },
        create: { userId: owner.id, kind, channel: 'IN_APP' },
        update: { channel: 'IN_APP' },
      });
    }
    return kind;
  }
}
