import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import type { Prisma, User } from '../generated/prisma/client.js';
import { ViewerScopeService, type ViewerScope } from '../core/access/viewer-scope.service.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { badUserInput, forbidden, notFound } from '../core/errors/app-error.js';
import { isLandCode, isUuid } from '../core/validation/ids.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { CreateRoundInput, MoveRoundDateInput, RegisterForRoundInput, RoundsFilter } from './dto/round.inputs.js';
import { type AgendaItemStatus, type Round, RoundAudience, type RoundPage, RoundRegistrationStatus, RoundStatus } from './models/round.model.js';
import { orderAgenda } from './agenda-order.js';
import { localToInstant, occurrences } from './recurrence.js';
import { RoundAudienceRules } from './round-audience.js';

const GONE = 'Diese Austauschrunde gibt es nicht, oder sie ist nicht für Sie.';
const HTML = /<\s*[a-z!/?]/i;
const SERIES_INCLUDE = { hostOrganization: { select: { name: true } }, hostGroup: { select: { name: true } } } as const;
const ROUND_INCLUDE = { series: { include: SERIES_INCLUDE } } as const;
type RoundRow = Prisma.RoundGetPayload<{ include: typeof ROUND_INCLUDE }>;

const text = (value: string | null | undefined, field: string, min: number, max: number): string => {
  const v = (value ?? '').trim();
  if (v.length < min || v.length > max) throw badUserInput(min ? `${min} bis ${max} Zeichen.` : `Höchstens ${max} Zeichen.`, { field, limit: max });
  if (HTML.test(v)) throw badUserInput('Bitte ohne HTML.', { field });
  return v;
};

/** Exchange rounds: series and their dates, who may see them, registration with a waiting list. */
@Injectable()
export class RoundsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly scopes: ViewerScopeService,
    private readonly audience: RoundAudienceRules,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(user: User, input: CreateRoundInput): Promise<Round> {
    const scope = await this.scopes.requireConfirmed(user);
    const title = text(input.title, 'title', 3, 200);
    const description = text(input.description, 'description', 0, 5000);
    const topics = [...new Set(input.topics)];
    if (!topics.length) throw badUserInput('Bitte wählen Sie mindestens ein Thema.', { field: 'topics' });
    if (Boolean(input.hostGroupId) === Boolean(input.hostOrganizationId)) {
      throw badUserInput('Gastgeberin ist entweder eine Organisation oder eine Arbeitsgruppe.', { field: 'hostOrganizationId' });
    }
    if (input.hostGroupId && (!isUuid(input.hostGroupId) || !scope.activeGroupIds.includes(input.hostGroupId))) {
      throw forbidden('Runden einer Arbeitsgruppe legen ihre Mitglieder an.');
    }
    if (input.hostOrganizationId && (!isUuid(input.hostOrganizationId) || !scope.organizationIds.includes(input.hostOrganizationId))) {
      throw forbidden('Sie können nur für eine Organisation einladen, der Sie bestätigt angehören.');
    }
    let url: URL | null = null;
    try {
      url = new URL(input.videoUrl.trim());
    } catch {
      url = null;
    }
    if (!url || url.protocol !== 'https:') throw badUserInput('Der Link zur Videokonferenz muss mit https:// beginnen.', { field: 'videoUrl' });
    if (input.capacity !== null && input.capacity !== undefined && (!Number.isInteger(input.capacity) || input.capacity < 1 || input.capacity > 10_000)) {
      throw badUserInput('Die Zahl der Plätze ist mindestens 1.', { field: 'capacity' });
    }
    if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 15 || input.durationMinutes > 600) {
      throw badUserInput('Eine Runde dauert 15 Minuten bis 10 Stunden.', { field: 'durationMinutes' });
    }
    const deadline = input.deadlineMinutes ?? 0;
    if (!Number.isInteger(deadline) || deadline < 0 || deadline > 60 * 24 * 30)
      throw badUserInput('Anmeldeschluss: 0 bis 30 Tage vorher.', { field: 'deadlineMinutes' });
    const audience = input.audience ?? RoundAudience.SIGNED_IN;
    const region = await this.region(audience, input);
    const first = localToInstant(input.startsAt);
    const starts = occurrences(first, input.rrule);
    const series = await this.prisma.$transaction(async (tx) => {
      const created = await tx.roundSeries.create({
        data: {
          title,
          description,
          topics,
          language: (input.language ?? 'de').slice(0, 10),
          hostOrganizationId: input.hostOrganizationId ?? null,
          hostGroupId: input.hostGroupId ?? null,
          audience,
          ...region,
          videoUrl: url.toString(),
          capacity: input.capacity ?? null,
          deadlineMinutes: deadline,
          rrule: input.rrule ? input.rrule.replace(/^RRULE:/i, '') : null,
          firstStartsAt: first,
          durationMinutes: input.durationMinutes,
          createdById: user.id,
        },
      });
      await tx.round.createMany({
        data: starts.map((s) => ({ seriesId: created.id, originalStartsAt: s, startsAt: s, endsAt: new Date(s.getTime() + input.durationMinutes * 60_000) })),
      });
      return created;
    });
    const next = await this.prisma.round.findFirstOrThrow({ where: { seriesId: series.id }, orderBy: { startsAt: 'asc' } });
    return this.get(user, next.id);
  }

  private async region(audience: RoundAudience, input: CreateRoundInput) {
    if (audience === RoundAudience.GROUP && !input.hostGroupId) throw badUserInput('Für eine Arbeitsgruppe lädt die Gruppe selbst ein.', { field: 'audience' });
    if (audience === RoundAudience.NEIGHBOURS && !input.hostOrganizationId) {
      throw badUserInput('Die Nachbarkommunen ergeben sich aus der gastgebenden Organisation.', { field: 'audience' });
    }
    if (audience === RoundAudience.LAND) {
      if (!input.audienceLandCode || !isLandCode(input.audienceLandCode)) throw badUserInput('Bitte das Land angeben (01–16).', { field: 'audienceLandCode' });
      return { audienceLandCode: input.audienceLandCode, audienceKreisId: null };
    }
    if (audience === RoundAudience.KREIS_AREA) {
      const kreis = input.audienceKreisAgs ? await this.prisma.municipality.findFirst({ where: { ags: input.audienceKreisAgs, isKreis: true } }) : null;
      if (!kreis) throw badUserInput('Bitte den Kreis (fünfstelliger Schlüssel) angeben.', { field: 'audienceKreisAgs' });
      return { audienceLandCode: null, audienceKreisId: kreis.id };
    }
    return { audienceLandCode: null, audienceKreisId: null };
  }

  async get(user: User, roundId: string): Promise<Round> {
    const scope = await this.scopes.of(user);
    const row = await this.visible(scope, roundId);
    return (await this.present(scope, [row]))[0]!;
  }

  /** Upcoming dates (and those running now) of the rounds the person may join, soonest first. */
  async list(user: User, filter: RoundsFilter | null | undefined, first: number, offset: number): Promise<RoundPage> {
    if (first < 1 || first > 100 || offset < 0 || offset > 5000) throw badUserInput('first: 1 bis 100, offset: 0 bis 5000.', { field: 'first', limit: 100 });
    const scope = await this.scopes.of(user);
    const may = await this.audience.forViewer(scope);
    const rows = await this.prisma.round.findMany({
      where: {
        endsAt: { gte: new Date() },
        status: RoundStatus.SCHEDULED,
        series: {
          ...(filter?.topics?.length ? { topics: { hasSome: filter.topics } } : {}),
          ...(filter?.hostGroupId && isUuid(filter.hostGroupId) ? { hostGroupId: filter.hostGroupId } : {}),
          ...(filter?.nearMe ? { audience: { in: ['LAND', 'KREIS_AREA', 'NEIGHBOURS'] } } : {}),
        },
      },
      include: ROUND_INCLUDE,
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      take: 2000,
    });
    const allowed: RoundRow[] = [];
    for (const row of rows) if (await may(row.series)) allowed.push(row);
    return { totalCount: allowed.length, nodes: await this.present(scope, allowed.slice(offset, offset + first)) };
  }

  /**
   * One date, or every date of the series from now on. The date is locked while its places are counted, so
   * concurrent registrations fill exactly the capacity and queue the rest in order.
   */
  async register(user: User, input: RegisterForRoundInput): Promise<Round> {
    const scope = await this.scopes.requireConfirmed(user);
    const round = await this.visible(scope, input.roundId);
    const now = new Date();
    if (input.wholeSeries) {
      await this.prisma.$transaction(async (tx) => {
        await tx.roundSeriesRegistration.upsert({
          where: { seriesId_userId: { seriesId: round.seriesId, userId: user.id } },
          create: { seriesId: round.seriesId, userId: user.id },
          update: {},
        });
        const dates = await tx.round.findMany({
          where: { seriesId: round.seriesId, status: 'SCHEDULED', startsAt: { gt: now } },
          orderBy: { startsAt: 'asc' },
        });
        for (const date of dates) await this.take(tx, date.id, user.id, false);
      });
    } else {
      if (round.status === 'CANCELLED') throw badUserInput('Dieser Termin fällt aus.', { field: 'roundId' });
      if (round.startsAt.getTime() - round.series.deadlineMinutes * 60_000 <= now.getTime()) {
        throw badUserInput('Die Anmeldung für diesen Termin ist geschlossen.', { field: 'roundId' });
      }
      await this.prisma.$transaction((tx) => this.take(tx, round.id, user.id, true));
    }
    return this.get(user, round.id);
  }

  private async take(tx: Prisma.TransactionClient, roundId: string, userId: string, strict: boolean): Promise<void> {
    const [locked] = await tx.$queryRaw<{ capacity: number | null }[]>`
      SELECT s.capacity FROM "Round" r JOIN "RoundSeries" s ON s.id = r."seriesId" WHERE r.id = ${roundId}::uuid FOR UPDATE OF r`;
    if (await tx.roundRegistration.findUnique({ where: { roundId_userId: { roundId, userId } } })) {
      if (strict) throw badUserInput('Sie sind für diesen Termin schon angemeldet.', { field: 'roundId' });
      return;
    }
    const taken = await tx.roundRegistration.count({ where: { roundId, status: 'REGISTERED' } });
    const status = locked?.capacity === null || locked?.capacity === undefined || taken < locked.capacity ? 'REGISTERED' : 'WAITING';
    await tx.roundRegistration.create({ data: { roundId, userId, status } });
  }

  /** Gives up the place; the first on the waiting list moves up. */
  async cancelRegistration(user: User, roundId: string): Promise<Round> {
    const scope = await this.scopes.of(user);
    const round = await this.visible(scope, roundId);
    await this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Round" WHERE id = ${round.id}::uuid FOR UPDATE`;
      const mine = await tx.roundRegistration.findUnique({ where: { roundId_userId: { roundId: round.id, userId: user.id } } });
      if (!mine) throw badUserInput('Sie sind für diesen Termin nicht angemeldet.', { field: 'roundId' });
      await tx.roundRegistration.delete({ where: { id: mine.id } });
      if (mine.status === 'REGISTERED') {
        const next = await tx.roundRegistration.findFirst({ where: { roundId: round.id, status: 'WAITING' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
        if (next) {
          await tx.roundRegistration.update({ where: { id: next.id }, data: { status: 'REGISTERED' } });
          await this.notifications.notify(tx, {
            recipients: [next.userId],
            kind: 'ROUND_PROMOTED',
            subjectType: 'round',
            subjectId: round.id,
            payload: { roundId: round.id, startsAt: round.startsAt.toISOString() },
          });
        }
      }
    });
    return this.get(user, round.id);
  }

  /** A host cancels one date; it stays in the series (and its calendar) as cancelled. */
  async cancelDate(user: User, roundId: string): Promise<Round> {
    const scope = await this.scopes.requireConfirmed(user);
    const round = await this.visible(scope, roundId);
    if (!this.audience.hosts(scope, round.series)) throw forbidden('Termine sagen die Gastgeberinnen ab.');
    await this.changeDate(user, round.id, 'cancelled', round.startsAt, (tx) => tx.round.update({ where: { id: round.id }, data: { status: 'CANCELLED' } }));
    return this.get(user, round.id);
  }

  /**
   * A host moves one date: registrations stay, reminders are due again for the new time, and everyone registered
   * or waiting hears of it once. The calendar shows it as an exception of the series (RECURRENCE-ID).
   */
  async moveDate(user: User, input: MoveRoundDateInput): Promise<Round> {
    const scope = await this.scopes.requireConfirmed(user);
    const round = await this.visible(scope, input.roundId);
    if (!this.audience.hosts(scope, round.series)) throw forbidden('Termine verschieben die Gastgeberinnen.');
    const minutes = input.durationMinutes ?? round.series.durationMinutes;
    if (!Number.isInteger(minutes) || minutes < 15 || minutes > 600)
      throw badUserInput('Eine Runde dauert 15 Minuten bis 10 Stunden.', { field: 'durationMinutes' });
    const startsAt = localToInstant(input.startsAt);
    if (startsAt.getTime() <= Date.now()) throw badUserInput('Der neue Termin liegt in der Vergangenheit.', { field: 'startsAt' });
    await this.changeDate(user, round.id, 'moved', startsAt, async (tx) => {
      await tx.round.update({ where: { id: round.id }, data: { startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000) } });
      // Reminders are due again for the new time.
      await tx.roundReminder.deleteMany({ where: { roundId: round.id } });
    });
    return this.get(user, round.id);
  }

  /**
   * Cancels or moves a date with its row locked (a date already cancelled is refused, also when two hosts act at
   * once), and tells everyone registered or waiting once.
   */
  private async changeDate(
    user: User,
    roundId: string,
    change: 'cancelled' | 'moved',
    startsAt: Date,
    apply: (tx: Prisma.TransactionClient) => Promise<unknown>,
  ): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM "Round" WHERE id = ${roundId}::uuid FOR UPDATE`;
      if (locked?.status === 'CANCELLED') {
        throw badUserInput(change === 'cancelled' ? 'Dieser Termin ist schon abgesagt.' : 'Ein abgesagter Termin wird nicht verschoben.', { field: 'roundId' });
      }
      await apply(tx);
      const people = await tx.roundRegistration.findMany({ where: { roundId }, select: { userId: true } });
      await this.notifications.notify(tx, {
        recipients: people.map((p) => p.userId),
        kind: 'ROUND_CHANGED',
        subjectType: 'round',
        subjectId: roundId,
        payload: { actorId: user.id, roundId, startsAt: startsAt.toISOString(), change },
      });
    });
  }

  /** The address of the person's calendar feed, made on first use. */
  async feedUrl(user: User): Promise<string> {
    const token = user.calendarToken ?? (await this.renewToken(user.id));
    return `${this.config.publicUrl}/calendar/feed/${token}.ics`;
  }

  /** A new secret: the old address answers 404 from now on. */
  async renewFeed(user: User): Promise<string> {
    return `${this.config.publicUrl}/calendar/feed/${await this.renewToken(user.id)}.ics`;
  }

  private async renewToken(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.prisma.user.update({ where: { id: userId }, data: { calendarToken: token } });
    return token;
  }

  /** The date, if the person may see it (NOT_FOUND otherwise, so that closed rounds are not revealed). */
  async visible(scope: ViewerScope, roundId: string): Promise<RoundRow> {
    const row = isUuid(roundId) ? await this.prisma.round.findUnique({ where: { id: roundId }, include: ROUND_INCLUDE }) : null;
    if (!row || !(await (await this.audience.forViewer(scope))(row.series))) throw notFound(GONE);
    return row;
  }

  private async present(scope: ViewerScope, rows: RoundRow[]): Promise<Round[]> {
    const ids = rows.map((r) => r.id);
    const [counts, mine, series, items] = await Promise.all([
      this.prisma.roundRegistration.groupBy({ by: ['roundId', 'status'], where: { roundId: { in: ids } }, _count: true }),
      this.prisma.roundRegistration.findMany({ where: { roundId: { in: ids }, userId: scope.user.id } }),
      this.prisma.roundSeriesRegistration.findMany({ where: { userId: scope.user.id, seriesId: { in: rows.map((r) => r.seriesId) } } }),
      this.prisma.roundAgendaItem.findMany({
        where: { roundId: { in: ids } },
        include: { proposedBy: { select: { name: true } }, votes: { select: { userId: true } } },
        orderBy: { createdAt: 'asc' },
      }),
    ]);
    const count = (roundId: string, status: string) => counts.find((c) => c.roundId === roundId && c.status === status)?._count ?? 0;
    return rows.map((r) => ({
      id: r.id,
      title: r.series.title,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      status: r.status as RoundStatus,
      moved: r.startsAt.getTime() !== r.originalStartsAt.getTime(),
      registeredCount: count(r.id, 'REGISTERED'),
      waitingCount: count(r.id, 'WAITING'),
      myRegistration: (mine.find((m) => m.roundId === r.id)?.status as RoundRegistrationStatus | undefined) ?? null,
      agenda: orderAgenda(
        items
          .filter((i) => i.roundId === r.id)
          .map((i) => ({
            id: i.id,
            title: i.title,
            note: i.note,
            status: i.status as AgendaItemStatus,
            position: i.position,
            proposedBy: i.proposedBy?.name ?? null,
            voteCount: i.votes.length,
            votedByMe: i.votes.some((v) => v.userId === scope.user.id),
          })),
      ),
      series: {
        id: r.series.id,
        title: r.series.title,
        description: r.series.description,
        topics: r.series.topics as never,
        language: r.series.language,
        hostName: r.series.hostOrganization?.name ?? r.series.hostGroup?.name ?? '',
        audience: r.series.audience as RoundAudience,
        videoUrl: r.series.videoUrl,
        capacity: r.series.capacity,
        rrule: r.series.rrule,
        canModerate: this.audience.hosts(scope, r.series),
        registeredForSeries: series.some((s) => s.seriesId === r.seriesId),
      },
    }));
  }
}
