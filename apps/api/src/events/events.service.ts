import { Injectable } from '@nestjs/common';
import { Prisma, type User } from '../generated/prisma/client.js';
import { AccessLost } from '../core/access/access-lost.js';
import { ViewerScopeService, type ViewerScope } from '../core/access/viewer-scope.service.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { badUserInput, forbidden, notFound } from '../core/errors/app-error.js';
import { isUuid } from '../core/validation/ids.js';
import { groupIn, organizationIn } from '../municipalities/urbanisation-where.js';
import { OpenToRules, type Place } from '../municipalities/open-to.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { CreateEventInput, EventsFilter, UpdateEventInput } from './dto/event.inputs.js';
import { ACTIVE_CONFIRMED } from '../groups/active-member.js';
import { writeEventDates } from './event-dates.js';
import { eventDates, eventDetails, type EventDetails } from './event-details.js';
import { GermanPlaces } from '../municipalities/german-places.js';
import type { Event, EventPage } from './models/event.model.js';

const GONE = 'Diese Veranstaltung gibt es nicht, oder sie ist nicht für Sie.';
const MAX_SPAN_DAYS = 400;
export const EVENT_INCLUDE = {
  organizerOrganization: { select: { name: true } },
  organizerGroup: { select: { name: true } },
  home: { select: { ags: true, displayName: true } },
  coOrganizers: { include: { organization: { select: { id: true, name: true, locatedIn: { select: { displayName: true } } } } } },
} as const;
export type EventRow = Prisma.EventGetPayload<{ include: typeof EVENT_INCLUDE }>;

/** Events: who may see them ("open to"), the calendar of their dates, registration with a waiting list. */
@Injectable()
export class EventsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly scopes: ViewerScopeService,
    private readonly openTo: OpenToRules,
    private readonly places: GermanPlaces,
    private readonly notifications: NotificationsService,
    private readonly accessLost: AccessLost,
  ) {
    accessLost.onLost('events', (userId) => this.withdrawUnseen(userId));
    notifications.seesSubjects('event', async (scope, ids) => {
      const place = await this.openTo.place(scope.municipalityIds);
      const rows = await this.prisma.event.findMany({ where: { AND: [{ id: { in: ids } }, this.visibleWhere(scope, place)] }, select: { id: true } });
      return rows.map((r) => r.id);
    });
  }

  async create(user: User, input: CreateEventInput): Promise<Event> {
    const scope = await this.scopes.requireConfirmed(user);
    if (Boolean(input.organizerGroupId) === Boolean(input.organizerOrganizationId)) {
      throw badUserInput('Veranstalterin ist entweder eine Organisation oder eine Arbeitsgruppe.', { field: 'organizerOrganizationId' });
    }
    if (input.organizerGroupId && (!isUuid(input.organizerGroupId) || !scope.activeGroupIds.includes(input.organizerGroupId))) {
      throw forbidden('Veranstaltungen einer Arbeitsgruppe legen ihre Mitglieder an.');
    }
    if (input.organizerOrganizationId && (!isUuid(input.organizerOrganizationId) || !scope.organizationIds.includes(input.organizerOrganizationId))) {
      throw forbidden('Sie können nur für eine Organisation einladen, der Sie bestätigt angehören.');
    }
    const details = await this.checked(input);
    const organizer = input.organizerOrganizationId
      ? await this.prisma.organization.findUniqueOrThrow({ where: { id: input.organizerOrganizationId }, include: { locatedIn: true } })
      : null;
    const reach = await this.openTo.fields(input.openTo, organizer?.locatedIn ?? null, input.openLandCode);
    const coOrganizerIds = await this.coOrganizers(input.coOrganizerIds, input.organizerOrganizationId ?? null);
    const recipients = input.organizerGroupId
      ? (await this.prisma.groupMember.findMany({ where: { groupId: input.organizerGroupId, ...ACTIVE_CONFIRMED }, select: { userId: true } })).map(
          (m) => m.userId,
        )
      : await this.openTo.recipients(reach);
    const event = await this.prisma.$transaction(async (tx) => {
      const created = await tx.event.create({
        data: {
          ...details,
          ...reach,
          organizerOrganizationId: input.organizerOrganizationId ?? null,
          organizerGroupId: input.organizerGroupId ?? null,
          createdById: user.id,
          coOrganizers: { create: coOrganizerIds.map((organizationId) => ({ organizationId })) },
        },
      });
      await writeEventDates(tx, created);
      await this.notifications.notify(tx, {
        recipients,
        kind: 'EVENT_NEW',
        subjectType: 'event',
        subjectId: created.id,
        payload: { actorId: user.id, eventId: created.id, startsAt: created.startsAt.toISOString() },
      });
      return created;
    });
    return this.get(user, event.id);
  }

  /**
   * Organisers change an event with its row locked: more places move people up from the waiting list (each told
   * once); a new time or place tells everyone registered or waiting.
   */
  async update(user: User, input: UpdateEventInput): Promise<Event> {
    const scope = await this.scopes.requireConfirmed(user);
    const row = await this.visible(scope, input.id);
    if (!this.canEdit(scope, row)) throw forbidden('Die Veranstaltung ändern ihre Veranstalterinnen.');
    if (row.status === 'CANCELLED') throw badUserInput('Eine abgesagte Veranstaltung wird nicht mehr geändert.', { field: 'id' });
    const details = await this.checked(input);
    const organizer = row.organizerOrganizationId
      ? await this.prisma.organization.findUniqueOrThrow({ where: { id: row.organizerOrganizationId }, include: { locatedIn: true } })
      : null;
    const reach = await this.openTo.fields(input.openTo, organizer?.locatedIn ?? null, input.openLandCode);
    const coOrganizerIds = await this.coOrganizers(input.coOrganizerIds, row.organizerOrganizationId);
    await this.prisma.$transaction(async (tx) => {
      // Compared with the row as locked: a cancellation or another change may have come in meanwhile.
      await tx.$queryRaw`SELECT id FROM "Event" WHERE id = ${row.id}::uuid FOR UPDATE`;
      const current = await tx.event.findUniqueOrThrow({ where: { id: row.id } });
      if (current.status === 'CANCELLED') throw badUserInput('Eine abgesagte Veranstaltung wird nicht mehr geändert.', { field: 'id' });
      const moved =
        details.startsAt.getTime() !== current.startsAt.getTime() ||
        details.endsAt.getTime() !== current.endsAt.getTime() ||
        details.rrule !== (current.rrule?.toUpperCase() ?? null) ||
        details.address !== current.address ||
        details.onlineUrl !== current.onlineUrl;
      await tx.event.update({ where: { id: row.id }, data: { ...details, ...reach } });
      await writeEventDates(tx, { id: row.id, ...details });
      const dropped = await tx.eventCoOrganizer.deleteMany({ where: { eventId: row.id, organizationId: { notIn: coOrganizerIds } } });
      await tx.eventCoOrganizer.createMany({ data: coOrganizerIds.map((organizationId) => ({ eventId: row.id, organizationId })), skipDuplicates: true });
      if (details.registrationMode === 'VERBUND') await this.promote(tx, row.id, details.capacity, details.startsAt);
      else if (current.registrationMode === 'VERBUND') await this.endRegistrations(tx, user, row.id, details.registrationMode, details.startsAt);
      const narrowed = dropped.count > 0 || reach.openTo !== current.openTo || reach.openLandCode !== current.openLandCode;
      if (moved) await this.tellRegistered(tx, user, row.id, 'changed', details.startsAt, narrowed);
      // Opened to fewer people: whoever may no longer see it loses their registration (they could not even cancel it).
      if (narrowed) {
        const registered = await tx.eventRegistration.findMany({ where: { eventId: row.id }, select: { userId: true } });
        for (const { userId } of registered) await this.accessLost.lost(tx, userId);
      }
    });
    return this.get(user, row.id);
  }

  /** Cancels the whole event; it stays visible as cancelled and everyone registered or waiting hears of it once. */
  async cancel(user: User, id: string): Promise<Event> {
    const scope = await this.scopes.requireConfirmed(user);
    const row = await this.visible(scope, id);
    if (!this.canEdit(scope, row)) throw forbidden('Veranstaltungen sagen ihre Veranstalterinnen ab.');
    await this.prisma.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM "Event" WHERE id = ${row.id}::uuid FOR UPDATE`;
      if (locked?.status === 'CANCELLED') throw badUserInput('Diese Veranstaltung ist schon abgesagt.', { field: 'id' });
      await tx.event.update({ where: { id: row.id }, data: { status: 'CANCELLED' } });
      await this.tellRegistered(tx, user, row.id, 'cancelled', row.startsAt);
    });
    return this.get(user, row.id);
  }

  async get(user: User, id: string): Promise<Event> {
    const scope = await this.scopes.of(user);
    const row = await this.visible(scope, id);
    const next = eventDates(row, new Date(), null, 12);
    return (await this.present(scope, [{ row, dates: next.length ? next : eventDates(row, row.startsAt, null, 1) }]))[0]!;
  }

  /** The events' dates in a span (default: from now), soonest first; an event counts once, by its first date there. */
  async list(user: User, filter: EventsFilter | null | undefined, first: number, offset: number): Promise<EventPage> {
    if (first < 1 || first > 100 || offset < 0 || offset > 5000) throw badUserInput('first: 1 bis 100, offset: 0 bis 5000.', { field: 'first', limit: 100 });
    const scope = await this.scopes.of(user);
    const from = filter?.from ?? new Date();
    const to = filter?.to ?? null;
    if (to && (to <= from || to.getTime() - from.getTime() > MAX_SPAN_DAYS * 86_400_000)) {
      throw badUserInput(`Der Zeitraum endet nach seinem Beginn und umfasst höchstens ${MAX_SPAN_DAYS} Tage.`, { field: 'to' });
    }
    const place = await this.openTo.place(scope.municipalityIds);
    const events: Prisma.EventWhereInput = {
      AND: [this.visibleWhere(scope, place), { status: 'SCHEDULED' }, ...(await this.filterWhere(scope, place, filter))],
    };
    // The stored dates in the span: an event is ordered by its first one there, and the page is cut in the database.
    const span: Prisma.EventDateWhereInput = { endsAt: { gte: from }, ...(to ? { startsAt: { lt: to } } : {}) };
    const [page, totalCount] = await Promise.all([
      this.prisma.eventDate.groupBy({
        by: ['eventId'],
        where: { AND: [span, { event: events }] },
        _min: { startsAt: true },
        orderBy: [{ _min: { startsAt: 'asc' } }, { eventId: 'asc' }],
        skip: offset,
        take: first,
      }),
      this.prisma.event.count({ where: { AND: [events, { occurrences: { some: span } }] } }),
    ]);
    const ids = page.map((p) => p.eventId);
    if (!ids.length) return { totalCount, nodes: [] };
    const [rows, dates] = await Promise.all([
      this.prisma.event.findMany({ where: { id: { in: ids } }, include: EVENT_INCLUDE }),
      // At most 100 dates of each event in the span: a daily series over a year would be hundreds.
      this.prisma.$queryRaw<{ eventId: string; startsAt: Date; endsAt: Date }[]>`
        SELECT "eventId", "startsAt", "endsAt" FROM (
          SELECT d.*, row_number() OVER (PARTITION BY d."eventId" ORDER BY d."startsAt") AS n FROM "EventDate" d
          WHERE d."eventId" = ANY(ARRAY[${Prisma.join(ids)}]::uuid[]) AND d."endsAt" >= ${from} ${to ? Prisma.sql`AND d."startsAt" < ${to}` : Prisma.empty}
        ) dated WHERE n <= 100 ORDER BY "startsAt"`,
    ]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const datesOf = new Map<string, { startsAt: Date; endsAt: Date }[]>(ids.map((id) => [id, []]));
    for (const d of dates) datesOf.get(d.eventId)!.push(d);
    // An event deleted since the page was cut is left out, not failed on.
    const entries = ids.filter((id) => byId.has(id)).map((id) => ({ row: byId.get(id)!, dates: datesOf.get(id)! }));
    return { totalCount, nodes: await this.present(scope, entries) };
  }

  /**
   * Registration in Verbund, with the event locked while its places are counted: concurrent registrations fill
   * exactly the capacity and queue the rest in order.
   */
  async register(user: User, id: string): Promise<Event> {
    const scope = await this.scopes.requireConfirmed(user);
    const row = await this.visible(scope, id);
    await this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Event" WHERE id = ${row.id}::uuid FOR UPDATE`;
      // Asked under the lock: a cancellation, another way of registering or a narrower reach that committed while
      // this waited counts, so nobody holds a place they would never hear of or could no longer see.
      const event = await tx.event.findUniqueOrThrow({ where: { id: row.id } });
      if (!(await this.maySee(tx, user, row.id))) throw notFound(GONE);
      if (event.status === 'CANCELLED') throw badUserInput('Diese Veranstaltung ist abgesagt.', { field: 'id' });
      if (event.registrationMode !== 'VERBUND') throw badUserInput('Für diese Veranstaltung meldet man sich nicht in Verbund an.', { field: 'id' });
      if ((event.registrationDeadline ?? event.startsAt) <= new Date()) throw badUserInput('Die Anmeldung ist geschlossen.', { field: 'id' });
      if (await tx.eventRegistration.findUnique({ where: { eventId_userId: { eventId: row.id, userId: user.id } } })) {
        throw badUserInput('Sie sind schon angemeldet.', { field: 'id' });
      }
      const taken = await tx.eventRegistration.count({ where: { eventId: row.id, status: 'REGISTERED' } });
      const capacity = event.capacity;
      await tx.eventRegistration.create({
        data: { eventId: row.id, userId: user.id, status: capacity === null || taken < capacity ? 'REGISTERED' : 'WAITING' },
      });
    });
    return this.get(user, row.id);
  }

  /** Gives up the place; the first on the waiting list moves up and is told. */
  async cancelRegistration(user: User, id: string): Promise<Event> {
    const scope = await this.scopes.of(user);
    const row = await this.visible(scope, id);
    await this.prisma.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ capacity: number | null }[]>`SELECT capacity FROM "Event" WHERE id = ${row.id}::uuid FOR UPDATE`;
      const mine = await tx.eventRegistration.findUnique({ where: { eventId_userId: { eventId: row.id, userId: user.id } } });
      if (!mine) throw badUserInput('Sie sind nicht angemeldet.', { field: 'id' });
      await tx.eventRegistration.delete({ where: { id: mine.id } });
      if (mine.status === 'REGISTERED') await this.promote(tx, row.id, locked?.capacity ?? null, row.startsAt);
    });
    return this.get(user, row.id);
  }

  /**
   * After the person lost access (left the organising group, say): registrations for events still to come that
   * they may no longer see end, and the person is told once for each; the waiting list moves up.
   */
  async withdrawUnseen(userId: string): Promise<void> {
    const user = await this.prisma.user.findUnique({ where: { id: userId } });
    if (!user) return;
    const scope = await this.scopes.of(user);
    const place = await this.openTo.place(scope.municipalityIds);
    const upcoming = await this.prisma.eventRegistration.findMany({
      where: { userId, event: { status: 'SCHEDULED', lastEndsAt: { gt: new Date() } } },
      include: { event: { select: { id: true, startsAt: true, endsAt: true, rrule: true } } },
    });
    if (!upcoming.length) return;
    // Asked positively: NOT over `in` lists would also drop events whose organiser column is NULL.
    const seen = await this.prisma.event.findMany({
      where: { AND: [{ id: { in: upcoming.map((r) => r.eventId) } }, this.visibleWhere(scope, place)] },
      select: { id: true },
    });
    const visible = new Set(seen.map((e) => e.id));
    for (const { event } of upcoming.filter((r) => !visible.has(r.eventId))) {
      await this.prisma.$transaction(async (tx) => {
        const [locked] = await tx.$queryRaw<{ capacity: number | null }[]>`SELECT capacity FROM "Event" WHERE id = ${event.id}::uuid FOR UPDATE`;
        const mine = await tx.eventRegistration.findUnique({ where: { eventId_userId: { eventId: event.id, userId } } });
        if (!mine) return;
        await tx.eventRegistration.delete({ where: { id: mine.id } });
        if (mine.status === 'REGISTERED') await this.promote(tx, event.id, locked?.capacity ?? null, event.startsAt);
        const next = eventDates(event, new Date(), null, 1)[0];
        await this.notifications.notify(tx, {
          recipients: [userId],
          kind: 'EVENT_CHANGED',
          subjectType: 'event',
          subjectId: event.id,
          payload: { eventId: event.id, startsAt: next?.startsAt.toISOString(), eventChange: 'withdrawn' },
        });
      });
    }
  }

  /** The event, if the person may see it (NOT_FOUND otherwise, so that closed events are not revealed). */
  async visible(scope: ViewerScope, id: string): Promise<EventRow> {
    if (!isUuid(id)) throw notFound(GONE);
    const place = await this.openTo.place(scope.municipalityIds);
    const row = await this.prisma.event.findFirst({ where: { AND: [{ id }, this.visibleWhere(scope, place)] }, include: EVENT_INCLUDE });
    if (!row) throw notFound(GONE);
    return row;
  }

  /** Open to the person's place, or organised by them (their organisation, a co-organising one, their group). */
  visibleWhere(scope: ViewerScope, place: Place): Prisma.EventWhereInput {
    return {
      OR: [
        ...this.openTo.openWhere(place),
        { organizerOrganizationId: { in: scope.organizationIds } },
        { organizerGroupId: { in: scope.activeGroupIds } },
        { coOrganizers: { some: { organizationId: { in: scope.organizationIds } } } },
      ],
    };
  }

  canEdit(scope: ViewerScope, row: Pick<EventRow, 'organizerOrganizationId' | 'organizerGroupId' | 'coOrganizers'>): boolean {
    return (
      scope.confirmed &&
      ((row.organizerOrganizationId !== null && scope.organizationIds.includes(row.organizerOrganizationId)) ||
        (row.organizerGroupId !== null && scope.activeGroupIds.includes(row.organizerGroupId)) ||
        row.coOrganizers.some((c) => scope.organizationIds.includes(c.organizationId)))
    );
  }

  private async filterWhere(scope: ViewerScope, place: Place, filter: EventsFilter | null | undefined): Promise<Prisma.EventWhereInput[]> {
    const and: Prisma.EventWhereInput[] = [];
    if (filter?.kinds?.length) and.push({ kind: { in: filter.kinds } });
    if (filter?.topics?.length) and.push({ topics: { hasSome: filter.topics } });
    if (filter?.audiences?.length) and.push({ audiences: { hasSome: filter.audiences } });
    if (filter?.language) and.push({ languages: { has: filter.language.trim().toLowerCase() } });
    if (filter?.groupId) and.push({ organizerGroupId: isUuid(filter.groupId) ? filter.groupId : null, NOT: { organizerGroupId: null } });
    if (filter?.municipalityAgs) {
      const m = await this.prisma.municipality.findUnique({ where: { ags: filter.municipalityAgs }, select: { id: true } });
      const id = m?.id ?? '00000000-0000-0000-0000-000000000000';
      and.push({ OR: [{ homeId: id }, { coOrganizers: { some: { organization: { locatedInId: id } } } }] });
    }
    if (filter?.urbanisation?.length) {
      const places = filter.urbanisation;
      and.push({
        OR: [
          { home: { urbanisation: { in: places } } },
          { coOrganizers: { some: { organization: organizationIn(places) } } },
          { organizerGroup: groupIn(places) },
        ],
      });
    }
    if (filter?.nearMe) and.push({ OR: [...this.openTo.nearWhere(place), { organizerGroupId: { in: scope.activeGroupIds } }] });
    return and;
  }

  /** Details with the place checked against the directory. */
  private async checked(input: CreateEventInput | UpdateEventInput): Promise<EventDetails> {
    const details = eventDetails(input);
    if (details.latitude !== null && details.longitude !== null) await this.places.requireInGermany(details.latitude, details.longitude);
    return details;
  }

  /** Co-organisers are organisations of other municipalities (or the same one): at most ten, each existing. */
  private async coOrganizers(ids: string[] | null | undefined, organizerId: string | null): Promise<string[]> {
    const wanted = [...new Set(ids ?? [])].filter((id) => id !== organizerId);
    if (wanted.length > 10) throw badUserInput('Höchstens zehn Mitveranstalterinnen.', { field: 'coOrganizerIds', limit: 10 });
    if (wanted.some((id) => !isUuid(id))) throw badUserInput('Unbekannte Organisation.', { field: 'coOrganizerIds' });
    const found = await this.prisma.organization.count({ where: { id: { in: wanted } } });
    if (found !== wanted.length) throw badUserInput('Unbekannte Organisation.', { field: 'coOrganizerIds' });
    return wanted;
  }

  /** An account being deleted: its places at coming events go to those waiting, in the deletion's transaction. */
  async releasePlaces(tx: Prisma.TransactionClient, userId: string): Promise<void> {
    const places = await tx.eventRegistration.findMany({
      where: { userId, status: 'REGISTERED', event: { lastEndsAt: { gt: new Date() }, status: 'SCHEDULED' } },
      include: { event: { select: { id: true, startsAt: true } } },
      orderBy: { eventId: 'asc' },
    });
    for (const place of places) {
      const [locked] = await tx.$queryRaw<{ capacity: number | null }[]>`SELECT capacity FROM "Event" WHERE id = ${place.eventId}::uuid FOR UPDATE`;
      await tx.eventRegistration.delete({ where: { id: place.id } });
      await this.promote(tx, place.eventId, locked?.capacity ?? null, place.event.startsAt);
    }
  }

  /** Moves people up from the waiting list (the event is locked) while places are free, and tells each of them. */
  private async promote(tx: Prisma.TransactionClient, eventId: string, capacity: number | null, startsAt: Date): Promise<void> {
    const taken = await tx.eventRegistration.count({ where: { eventId, status: 'REGISTERED' } });
    const free = capacity === null ? Number.POSITIVE_INFINITY : capacity - taken;
    if (free <= 0) return;
    const queue = await tx.eventRegistration.findMany({
      where: { eventId, status: 'WAITING' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      include: { user: true },
    });
    // Whoever may no longer see the event (their withdrawal may still be queued) is passed over, not moved up only
    // to be withdrawn.
    const waiting: typeof queue = [];
    for (const entry of queue) {
      if (waiting.length >= free) break;
      if (await this.maySee(tx, entry.user, eventId)) waiting.push(entry);
    }
    if (!waiting.length) return;
    await tx.eventRegistration.updateMany({ where: { id: { in: waiting.map((w) => w.id) } }, data: { status: 'REGISTERED' } });
    await this.notifications.notify(tx, {
      recipients: waiting.map((w) => w.userId),
      kind: 'EVENT_PROMOTED',
      subjectType: 'event',
      subjectId: eventId,
      payload: { eventId, startsAt: startsAt.toISOString() },
    });
  }

  /** Asked in the transaction that moves the list up: an event just opened to fewer places counts as it now is. */
  private async maySee(tx: Prisma.TransactionClient, user: User, eventId: string): Promise<boolean> {
    const scope = await this.scopes.of(user);
    const place = await this.openTo.place(scope.municipalityIds);
    return (await tx.event.count({ where: { AND: [{ id: eventId }, this.visibleWhere(scope, place)] } })) > 0;
  }

  /** Registering no longer runs through Verbund: places and the waiting list end, and everyone on them is told how it goes on. */
  private async endRegistrations(tx: Prisma.TransactionClient, user: User, eventId: string, mode: 'NONE' | 'EXTERNAL', startsAt: Date): Promise<void> {
    const people = await tx.eventRegistration.findMany({ where: { eventId }, select: { userId: true } });
    if (!people.length) return;
    await tx.eventRegistration.deleteMany({ where: { eventId } });
    await this.notifications.notify(tx, {
      recipients: people.map((p) => p.userId),
      kind: 'EVENT_CHANGED',
      subjectType: 'event',
      subjectId: eventId,
      payload: { actorId: user.id, eventId, startsAt: startsAt.toISOString(), eventChange: 'registration', registrationMode: mode },
    });
  }

  /** `narrowed`: opened to fewer people in the same change; those it no longer reaches hear only that their place ended. */
  private async tellRegistered(tx: Prisma.TransactionClient, user: User, eventId: string, change: 'cancelled' | 'changed', startsAt: Date, narrowed = false) {
    const registered = await tx.eventRegistration.findMany({ where: { eventId }, select: { userId: true, user: true } });
    const people = narrowed ? (await Promise.all(registered.map(async (p) => ((await this.maySee(tx, p.user, eventId)) ? [p] : [])))).flat() : registered;
    await this.notifications.notify(tx, {
      recipients: people.map((p) => p.userId),
      kind: 'EVENT_CHANGED',
      subjectType: 'event',
      subjectId: eventId,
      payload: { actorId: user.id, eventId, startsAt: startsAt.toISOString(), eventChange: change },
    });
  }

  private async present(scope: ViewerScope, entries: { row: EventRow; dates: { startsAt: Date; endsAt: Date }[] }[]): Promise<Event[]> {
    const ids = entries.map((e) => e.row.id);
    const [counts, mine, reaches] = await Promise.all([
      this.prisma.eventRegistration.groupBy({ by: ['eventId', 'status'], where: { eventId: { in: ids } }, _count: true }),
      this.prisma.eventRegistration.findMany({ where: { eventId: { in: ids }, userId: scope.user.id } }),
      Promise.all(entries.map((e) => this.openTo.reach(e.row))),
    ]);
    const reached = await this.prisma.municipality.findMany({
      where: { id: { in: [...new Set(reaches.flat())] } },
      select: { id: true, ags: true, displayName: true },
    });
    const byId = new Map(reached.map((m) => [m.id, { ags: m.ags, name: m.displayName }]));
    const count = (eventId: string, status: string) => counts.find((c) => c.eventId === eventId && c.status === status)?._count ?? 0;
    return entries.map(({ row, dates }, i) => ({
      id: row.id,
      kind: row.kind as Event['kind'],
      title: row.title,
      description: row.description,
      topics: row.topics as never,
      startsAt: dates[0]?.startsAt ?? row.startsAt,
      endsAt: dates[0]?.endsAt ?? row.endsAt,
      firstStartsAt: row.startsAt,
      firstEndsAt: row.endsAt,
      rrule: row.rrule,
      dates,
      address: row.address,
      latitude: row.latitude,
      longitude: row.longitude,
      onlineUrl: row.onlineUrl,
      organizerName: row.organizerOrganization?.name ?? row.organizerGroup?.name ?? '',
      organizerOrganizationId: row.organizerOrganizationId,
      organizerGroupId: row.organizerGroupId,
      coOrganizers: row.coOrganizers.map((c) => ({ id: c.organization.id, name: c.organization.name, municipality: c.organization.locatedIn.displayName })),
      home: row.home ? { ags: row.home.ags, name: row.home.displayName } : null,
      openTo: row.openTo as Event['openTo'],
      openLandCode: row.openLandCode,
      openToMunicipalities: reaches[i]!.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])).sort((a, b) => a.name.localeCompare(b.name, 'de')),
      audiences: row.audiences as Event['audiences'],
      languages: row.languages,
      accessibility: row.accessibility,
      cost: row.cost,
      registrationMode: row.registrationMode as Event['registrationMode'],
      capacity: row.capacity,
      registrationDeadline: row.registrationDeadline,
      registrationUrl: row.registrationUrl,
      status: row.status as Event['status'],
      registeredCount: count(row.id, 'REGISTERED'),
      waitingCount: count(row.id, 'WAITING'),
      myRegistration: (mine.find((m) => m.eventId === row.id)?.status as Event['myRegistration'] | undefined) ?? null,
      canEdit: this.canEdit(scope, row),
    }));
  }
}
