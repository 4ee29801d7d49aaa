import { Injectable } from '@nestjs/common';
import type { Prisma, User } from '../generated/prisma/client.js';
import { AccessLost } from '../core/access/access-lost.js';
import { ViewerScopeService, type ViewerScope } from '../core/access/viewer-scope.service.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { badUserInput, forbidden, notFound } from '../core/errors/app-error.js';
import { isLandCode, isUuid } from '../core/validation/ids.js';
import { groupIn, organizationIn } from '../municipalities/urbanisation-where.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { CreateRoundInput, MoveRoundDateInput, RegisterForRoundInput, RoundsFilter, UpdateRoundInput } from './dto/round.inputs.js';
import {
  type AgendaItemStatus,
  type Round,
  RoundAudience,
  type RoundPage,
  RoundRegistrationStatus,
  type RoundSeriesView,
  RoundStatus,
} from './models/round.model.js';
import { orderAgenda } from './agenda-order.js';
import { localToInstant, occurrences, ruleText } from '../core/calendar/recurrence.js';
import { RoundAudienceRules } from './round-audience.js';
import { roundDetails } from './round-details.js';

const GONE = 'Diese Austauschrunde gibt es nicht, oder sie ist nicht für Sie.';
const SERIES_INCLUDE = { hostOrganization: { select: { name: true } }, hostGroup: { select: { name: true } } } as const;
const ROUND_INCLUDE = { series: { include: SERIES_INCLUDE } } as const;
type RoundRow = Prisma.RoundGetPayload<{ include: typeof ROUND_INCLUDE }>;

/** Exchange rounds: series and their dates, who may see them, registration with a waiting list. */
@Injectable()
export class RoundsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly scopes: ViewerScopeService,
    private readonly audience: RoundAudienceRules,
    private readonly notifications: NotificationsService,
    accessLost: AccessLost,
  ) {
    accessLost.onLost('rounds', (userId) => this.withdrawUnseen(userId));
    notifications.seesSubjects('round', async (scope, ids) => {
      const series = await this.audience.visibleSeries(scope);
      return (await this.prisma.round.findMany({ where: { id: { in: ids }, series }, select: { id: true } })).map((r) => r.id);
    });
  }

  async create(user: User, input: CreateRoundInput): Promise<Round> {
    const scope = await this.scopes.requireConfirmed(user);
    if (Boolean(input.hostGroupId) === Boolean(input.hostOrganizationId)) {
      throw badUserInput('Gastgeberin ist entweder eine Organisation oder eine Arbeitsgruppe.', { field: 'hostOrganizationId' });
    }
    if (input.hostGroupId && (!isUuid(input.hostGroupId) || !scope.activeGroupIds.includes(input.hostGroupId))) {
      throw forbidden('Runden einer Arbeitsgruppe legen ihre Mitglieder an.');
    }
    if (input.hostOrganizationId && (!isUuid(input.hostOrganizationId) || !scope.organizationIds.includes(input.hostOrganizationId))) {
      throw forbidden('Sie können nur für eine Organisation einladen, der Sie bestätigt angehören.');
    }
    const details = roundDetails(input);
    if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 15 || input.durationMinutes > 600) {
      throw badUserInput('Eine Runde dauert 15 Minuten bis 10 Stunden.', { field: 'durationMinutes' });
    }
    const audience = input.audience ?? RoundAudience.SIGNED_IN;
    const region = await this.region(audience, input);
    const first = localToInstant(input.startsAt);
    const starts = occurrences(first, input.rrule);
    const series = await this.prisma.$transaction(async (tx) => {
      const created = await tx.roundSeries.create({
        data: {
          ...details,
          hostOrganizationId: input.hostOrganizationId ?? null,
          hostGroupId: input.hostGroupId ?? null,
          audience,
          ...region,
          rrule: ruleText(input.rrule),
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
    const from = filter?.from ?? new Date();
    if (filter?.to && (filter.to <= from || filter.to.getTime() - from.getTime() > 400 * 86_400_000)) {
      throw badUserInput('Der Zeitraum endet nach seinem Beginn und umfasst höchstens 400 Tage.', { field: 'to' });
    }
    const where: Prisma.RoundWhereInput = {
      endsAt: { gte: from },
      ...(filter?.to ? { startsAt: { lt: filter.to } } : {}),
      status: RoundStatus.SCHEDULED,
      series: { AND: [await this.seriesWhere(scope, filter), await this.audience.visibleSeries(scope)] },
    };
    const [rows, totalCount] = await Promise.all([
      this.prisma.round.findMany({ where, include: ROUND_INCLUDE, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }], skip: offset, take: first }),
      this.prisma.round.count({ where }),
    ]);
    return { totalCount, nodes: await this.present(scope, rows) };
  }

  private async seriesWhere(scope: ViewerScope, filter: RoundsFilter | null | undefined): Promise<Prisma.RoundSeriesWhereInput> {
    const and: Prisma.RoundSeriesWhereInput[] = [];
    if (filter?.topics?.length) and.push({ topics: { hasSome: filter.topics } });
    if (filter?.hostGroupId) and.push({ hostGroupId: isUuid(filter.hostGroupId) ? filter.hostGroupId : null, NOT: { hostGroupId: null } });
    if (filter?.hostOrganizationId) {
      and.push({ hostOrganizationId: isUuid(filter.hostOrganizationId) ? filter.hostOrganizationId : null, NOT: { hostOrganizationId: null } });
    }
    if (filter?.municipalityAgs) {
      const place = await this.prisma.municipality.findUnique({ where: { ags: filter.municipalityAgs }, select: { id: true } });
      and.push({ hostOrganization: { locatedInId: place?.id ?? '00000000-0000-0000-0000-000000000000' } });
    }
    if (filter?.urbanisation?.length) {
      and.push({ OR: [{ hostOrganization: organizationIn(filter.urbanisation) }, { hostGroup: groupIn(filter.urbanisation) }] });
    }
    if (filter?.nearMe) {
      const near = await this.audience.nearby(scope.municipalityIds);
      and.push({ OR: [{ audience: { in: ['LAND', 'KREIS_AREA', 'NEIGHBOURS'] } }, { hostOrganization: { locatedInId: { in: near } } }] });
    }
    return { AND: and };
  }

  /** A series with its next dates and those already held. */
  async series(user: User, seriesId: string): Promise<RoundSeriesView> {
    const scope = await this.scopes.of(user);
    const first = isUuid(seriesId) ? await this.prisma.round.findFirst({ where: { seriesId }, select: { id: true } }) : null;
    if (!first) throw notFound(GONE);
    await this.visible(scope, first.id);
    const now = new Date();
    const [upcoming, past] = await Promise.all([
      this.prisma.round.findMany({ where: { seriesId, endsAt: { gte: now } }, include: ROUND_INCLUDE, orderBy: { startsAt: 'asc' }, take: 12 }),
      this.prisma.round.findMany({ where: { seriesId, endsAt: { lt: now } }, include: ROUND_INCLUDE, orderBy: { startsAt: 'desc' }, take: 12 }),
    ]);
    const [presentedUpcoming, presentedPast] = await Promise.all([this.present(scope, upcoming), this.present(scope, past)]);
    const any = presentedUpcoming[0] ?? presentedPast[0]!;
    return { series: any.series, upcoming: presentedUpcoming, past: presentedPast };
  }

  /**
   * A host changes what the series says. More places move people up from the waiting lists of the coming dates
   * (each told once); fewer places keep everyone already registered.
   */
  async update(user: User, input: UpdateRoundInput): Promise<RoundSeriesView> {
    const scope = await this.scopes.requireConfirmed(user);
    const series = isUuid(input.seriesId) ? await this.prisma.roundSeries.findUnique({ where: { id: input.seriesId } }) : null;
    if (!series || !(await (await this.audience.forViewer(scope))(series))) throw notFound(GONE);
    if (!this.audience.hosts(scope, series)) throw forbidden('Die Runde ändern ihre Gastgeberinnen.');
    const details = roundDetails(input);
    await this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "RoundSeries" WHERE id = ${series.id}::uuid FOR UPDATE`;
      await tx.roundSeries.update({ where: { id: series.id }, data: details });
      const dates = await tx.round.findMany({
        where: { seriesId: series.id, status: 'SCHEDULED', startsAt: { gt: new Date() } },
        select: { id: true, startsAt: true },
      });
      for (const date of dates) await this.promote(tx, date, details.capacity);
    });
    return this.series(user, series.id);
  }

  /**
   * The series' places as they are now, held until the transaction ends: a host changing them commits first or waits.
   * Taken before the date's lock, in the order a host's change takes them (series, then its dates).
   */
  private async lockedCapacity(tx: Prisma.TransactionClient, seriesId: string): Promise<number | null> {
    const [row] = await tx.$queryRaw<{ capacity: number | null }[]>`SELECT capacity FROM "RoundSeries" WHERE id = ${seriesId}::uuid FOR SHARE`;
    return row?.capacity ?? null;
  }

  /** An account being deleted: its places on coming dates go to those waiting, in the deletion's transaction. */
  async releasePlaces(tx: Prisma.TransactionClient, userId: string): Promise<void> {
    const places = await tx.roundRegistration.findMany({
      where: { userId, status: 'REGISTERED', round: { endsAt: { gt: new Date() }, status: RoundStatus.SCHEDULED } },
      include: { round: { select: { id: true, seriesId: true, startsAt: true } } },
      // In the order registering for a whole series locks dates: never the opposite way round.
      orderBy: [{ round: { startsAt: 'asc' } }, { roundId: 'asc' }],
    });
    for (const place of places) {
      const capacity = await this.lockedCapacity(tx, place.round.seriesId);
      await tx.$queryRaw`SELECT id FROM "Round" WHERE id = ${place.roundId}::uuid FOR UPDATE`;
      await tx.roundRegistration.delete({ where: { id: place.id } });
      await this.promote(tx, place.round, capacity);
    }
  }

  /** Moves people up from the waiting list of a date (locked) while places are free, and tells each of them. */
  private async promote(tx: Prisma.TransactionClient, date: { id: string; startsAt: Date }, capacity: number | null): Promise<void> {
    await tx.$queryRaw`SELECT id FROM "Round" WHERE id = ${date.id}::uuid FOR UPDATE`;
    const taken = await tx.roundRegistration.count({ where: { roundId: date.id, status: 'REGISTERED' } });
    const free = capacity === null ? Number.POSITIVE_INFINITY : capacity - taken;
    if (free <= 0) return;
    const queue = await tx.roundRegistration.findMany({
      where: { roundId: date.id, status: 'WAITING' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      include: { user: true, round: { include: { series: true } } },
    });
    // Whoever may no longer see the round (their withdrawal may still be queued) is passed over, not moved up only
    // to be withdrawn. The series is read in this transaction: a change of its audience counts as it now is.
    const waiting: typeof queue = [];
    for (const entry of queue) {
      if (waiting.length >= free) break;
      if (await (await this.audience.forViewer(await this.scopes.of(entry.user)))(entry.round.series)) waiting.push(entry);
    }
    if (!waiting.length) return;
    await tx.roundRegistration.updateMany({ where: { id: { in: waiting.map((w) => w.id) } }, data: { status: 'REGISTERED' } });
    await this.notifications.notify(tx, {
      recipients: waiting.map((w) => w.userId),
      kind: 'ROUND_PROMOTED',
      subjectType: 'round',
      subjectId: date.id,
      payload: { roundId: date.id, startsAt: date.startsAt.toISOString() },
    });
  }

  /**
   * One date, or every date of the series from now on. The date is locked while its places are counted, so
   * concurrent registrations fill exactly the capacity and queue the rest in order.
   */
  async register(user: User, input: RegisterForRoundInput): Promise<Round> {
    const scope = await this.scopes.requireConfirmed(user);
    const round = await this.visible(scope, input.roundId);
    const may = await this.audience.forViewer(scope);
    const share = input.shareMunicipality ?? false;
    await this.prisma.$transaction(async (tx) => {
      // The series before its dates, in the order a host's change locks them: a narrower audience, a cancelled or
      // moved date that committed while this waited counts as it now is.
      await tx.$queryRaw`SELECT id FROM "RoundSeries" WHERE id = ${round.seriesId}::uuid FOR SHARE`;
      const series = await tx.roundSeries.findUniqueOrThrow({ where: { id: round.seriesId } });
      if (!(await may(series))) throw notFound(GONE);
      if (!input.wholeSeries) return this.take(tx, round.id, user.id, series, true, share);
      await tx.roundSeriesRegistration.upsert({
        where: { seriesId_userId: { seriesId: series.id, userId: user.id } },
        create: { seriesId: series.id, userId: user.id, shareMunicipality: share },
        update: { shareMunicipality: share },
      });
      const dates = await tx.round.findMany({
        where: { seriesId: series.id, status: 'SCHEDULED', startsAt: { gt: new Date() } },
        orderBy: { startsAt: 'asc' },
        select: { id: true },
      });
      for (const date of dates) await this.take(tx, date.id, user.id, series, false, share);
    });
    return this.get(user, round.id);
  }

  /**
   * One date, locked while its places are counted. A date no longer open (cancelled, its registration closed, already
   * taken) is refused when asked for alone and left out of a whole series, as registering for it alone would be.
   */
  private async take(
    tx: Prisma.TransactionClient,
    roundId: string,
    userId: string,
    series: { capacity: number | null; deadlineMinutes: number },
    strict: boolean,
    shareMunicipality: boolean,
  ): Promise<void> {
    const refuse = (message: string) => {
      if (strict) throw badUserInput(message, { field: 'roundId' });
    };
    const [date] = await tx.$queryRaw<{ status: string; startsAt: Date }[]>`SELECT status, "startsAt" FROM "Round" WHERE id = ${roundId}::uuid FOR UPDATE`;
    if (!date || date.status === 'CANCELLED') return refuse('Dieser Termin fällt aus.');
    if (date.startsAt.getTime() - series.deadlineMinutes * 60_000 <= Date.now()) return refuse('Die Anmeldung für diesen Termin ist geschlossen.');
    if (await tx.roundRegistration.findUnique({ where: { roundId_userId: { roundId, userId } } })) {
      return refuse('Sie sind für diesen Termin schon angemeldet.');
    }
    const taken = await tx.roundRegistration.count({ where: { roundId, status: 'REGISTERED' } });
    const status = series.capacity === null || taken < series.capacity ? 'REGISTERED' : 'WAITING';
    await tx.roundRegistration.create({ data: { roundId, userId, status, shareMunicipality } });
  }

  /**
   * After the person lost access (left the hosting group, say): registrations for upcoming dates they may no
   * longer see end, so that no reminder or calendar entry follows them; the waiting list moves up.
   */
  async withdrawUnseen(userId: string): Promise<void> {
    const user = await this.prisma.user.findUnique({ where: { id: userId } });
    if (!user) return;
    const may = await this.audience.forViewer(await this.scopes.of(user));
    const [upcoming, wholeSeries] = await Promise.all([
      this.prisma.roundRegistration.findMany({
        where: { userId, round: { status: 'SCHEDULED', startsAt: { gt: new Date() } } },
        include: { round: { include: { series: true } } },
        orderBy: { round: { startsAt: 'asc' } },
      }),
      this.prisma.roundSeriesRegistration.findMany({ where: { userId }, include: { series: true } }),
    ]);
    // One notice per series, written with the first of its dates withdrawn and counting all of them: a series of ten
    // dates is one notice, and a retry after a failure tells of what it still withdraws.
    const unseen = new Map<string, (typeof upcoming)[number]['round'][]>();
    for (const { round } of upcoming) if (!(await may(round.series))) unseen.set(round.seriesId, [...(unseen.get(round.seriesId) ?? []), round]);
    for (const rounds of unseen.values()) {
      let told = false;
      for (const [index, round] of rounds.entries()) {
        const tell = !told;
        const gone = await this.prisma.$transaction(async (tx) => {
          const capacity = await this.lockedCapacity(tx, round.seriesId);
          await tx.$queryRaw`SELECT id FROM "Round" WHERE id = ${round.id}::uuid FOR UPDATE`;
          const mine = await tx.roundRegistration.findUnique({ where: { roundId_userId: { roundId: round.id, userId } } });
          if (!mine) return false;
          await tx.roundRegistration.delete({ where: { id: mine.id } });
          if (mine.status === 'REGISTERED') await this.promote(tx, round, capacity);
          if (tell)
            await this.notifications.notify(tx, {
              recipients: [userId],
              kind: 'ROUND_CHANGED',
              subjectType: 'round',
              subjectId: round.id,
              payload: { roundId: round.id, startsAt: round.startsAt.toISOString(), change: 'withdrawn', count: rounds.length - index },
            });
          return true;
        });
        told ||= gone;
      }
    }
    for (const registration of wholeSeries) {
      if (!(await may(registration.series))) await this.prisma.roundSeriesRegistration.deleteMany({ where: { seriesId: registration.seriesId, userId } });
    }
  }

  /** Gives up the place; the first on the waiting list moves up. */
  async cancelRegistration(user: User, roundId: string): Promise<Round> {
    const scope = await this.scopes.of(user);
    const round = await this.visible(scope, roundId);
    await this.prisma.$transaction(async (tx) => {
      const capacity = await this.lockedCapacity(tx, round.seriesId);
      await tx.$queryRaw`SELECT id FROM "Round" WHERE id = ${round.id}::uuid FOR UPDATE`;
      const mine = await tx.roundRegistration.findUnique({ where: { roundId_userId: { roundId: round.id, userId: user.id } } });
      if (!mine) throw badUserInput('Sie sind für diesen Termin nicht angemeldet.', { field: 'roundId' });
      await tx.roundRegistration.delete({ where: { id: mine.id } });
      if (mine.status === 'REGISTERED') await this.promote(tx, round, capacity);
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

  /** The date, if the person may see it (NOT_FOUND otherwise, so that closed rounds are not revealed). */
  async visible(scope: ViewerScope, roundId: string): Promise<RoundRow> {
    const row = isUuid(roundId) ? await this.prisma.round.findUnique({ where: { id: roundId }, include: ROUND_INCLUDE }) : null;
    if (!row || !(await (await this.audience.forViewer(scope))(row.series))) throw notFound(GONE);
    return row;
  }

  private async present(scope: ViewerScope, rows: RoundRow[]): Promise<Round[]> {
    const ids = rows.map((r) => r.id);
    const now = Date.now();
    const [counts, mine, series, items, participants] = await Promise.all([
      this.prisma.roundRegistration.groupBy({ by: ['roundId', 'status'], where: { roundId: { in: ids } }, _count: true }),
      this.prisma.roundRegistration.findMany({ where: { roundId: { in: ids }, userId: scope.user.id } }),
      this.prisma.roundSeriesRegistration.findMany({ where: { userId: scope.user.id, seriesId: { in: rows.map((r) => r.seriesId) } } }),
      this.prisma.roundAgendaItem.findMany({
        where: { roundId: { in: ids } },
        include: { proposedBy: { select: { name: true } }, votes: { select: { userId: true } } },
        orderBy: { createdAt: 'asc' },
      }),
      this.participants(rows.filter((r) => r.endsAt.getTime() < now).map((r) => r.id)),
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
        hostOrganizationId: r.series.hostOrganizationId,
        hostGroupId: r.series.hostGroupId,
        durationMinutes: r.series.durationMinutes,
        deadlineMinutes: r.series.deadlineMinutes,
      },
      registrationClosesAt: new Date(r.startsAt.getTime() - r.series.deadlineMinutes * 60_000),
      participatingMunicipalities: participants.get(r.id) ?? [],
    }));
  }

  /**
   * Per date: the municipalities of registered participants who agreed to be named, by name. Once anyone entered
   * the date's live room, only those who did count.
   */
  async participants(roundIds: string[]): Promise<Map<string, string[]>> {
    if (!roundIds.length) return new Map();
    const rows = await this.prisma.$queryRaw<{ roundId: string; name: string }[]>`
      SELECT DISTINCT r."roundId", m."displayName" AS name FROM "RoundRegistration" r
      JOIN "Membership" ms ON ms."userId" = r."userId" AND ms.status = 'CONFIRMED'
      JOIN "Organization" o ON o.id = ms."organizationId"
      JOIN "Municipality" m ON m.id = COALESCE(o."representsId", o."locatedInId")
      WHERE r."roundId" = ANY(${roundIds}::uuid[]) AND r.status = 'REGISTERED' AND r."shareMunicipality"
        AND (r."attendedAt" IS NOT NULL OR NOT EXISTS (SELECT 1 FROM "RoundRegistration" a WHERE a."roundId" = r."roundId" AND a."attendedAt" IS NOT NULL))
      ORDER BY 2`;
    const byRound = new Map<string, string[]>();
    for (const row of rows) byRound.set(row.roundId, [...(byRound.get(row.roundId) ?? []), row.name]);
    return byRound;
  }
}
