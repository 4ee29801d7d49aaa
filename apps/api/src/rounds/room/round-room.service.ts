import { Injectable } from '@nestjs/common';
import type { User } from '../../generated/prisma/client.js';
import { ViewerScopeService } from '../../core/access/viewer-scope.service.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { badUserInput, conflict, forbidden, notFound } from '../../core/errors/app-error.js';
import { SharedDocs } from '../../core/collab/shared-docs.service.js';
import { RealtimeService } from '../../core/realtime/realtime.service.js';
import { isUuid } from '../../core/validation/ids.js';
import type { Topic } from '../../core/catalogue/catalogue.enums.js';
import type { CreateMaterialInput } from '../../materials/dto/material.inputs.js';
import { MAX_MARKDOWN, MaterialsService } from '../../materials/materials.service.js';
import { MaterialVisibility } from '../../materials/models/material.model.js';
import { plainText } from '../../core/validation/text.js';
import { RoundsService } from '../rounds.service.js';
import type { AddActionItemInput } from './dto/round-room.inputs.js';
import type { RoundRoom } from './models/round-room.model.js';
import { RoundChat } from './round-chat.js';
import { RoundPolls } from './round-polls.js';
import { protocolMarkdown } from './round-protocol.js';
import { RoundAudienceRules } from '../round-audience.js';
import { type RoomAccess, RoundRoomAccess } from './round-room-access.js';
import { OPENS_BEFORE_MS, roomName } from './room-state.js';

/** Action items of one date: more than a meeting agrees on, few enough for its protocol. */
const MAX_ACTIONS = 100;

/**
 * A round's live room beyond the socket events: its state for the page, opening and closing (closing writes the
 * protocol and publishes it as a material), action items.
 */
@Injectable()
export class RoundRoomService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly access: RoundRoomAccess,
    private readonly chat: RoundChat,
    private readonly polls: RoundPolls,
    private readonly rounds: RoundsService,
    private readonly materials: MaterialsService,
    private readonly scopes: ViewerScopeService,
    private readonly realtime: RealtimeService,
    private readonly shared: SharedDocs,
    private readonly audience: RoundAudienceRules,
  ) {}

  async room(user: User, roundId: string): Promise<RoundRoom> {
    return this.present(await this.access.of(user, roundId));
  }

  /** Moderators open the room before its time. */
  async open(user: User, roundId: string): Promise<RoundRoom> {
    const access = await this.access.moderator(user, roundId);
    if (access.state === 'CLOSED') throw conflict('Der Raum ist schon geschlossen.');
    await this.prisma.$transaction(async (tx) => {
      await tx.round.updateMany({ where: { id: roundId, roomOpenedAt: null }, data: { roomOpenedAt: new Date() } });
      await this.realtime.emitAfterCommit(tx, roomName(roundId), 'room:changed', { roundId });
    });
    return this.room(user, roundId);
  }

  /**
   * Closes the room once (a second moderator at the same moment is told it is closed) and publishes its protocol.
   * Should publishing fail, the room is open again: nothing is left half-done.
   */
  async close(user: User, roundId: string): Promise<RoundRoom> {
    const access = await this.access.moderator(user, roundId);
    if (access.state !== 'OPEN') throw conflict(access.state === 'CLOSED' ? 'Der Raum ist schon geschlossen.' : 'Der Raum ist noch nicht geöffnet.');
    await this.finish(user, access);
    return this.room(user, roundId);
  }

  /** Closes the room and publishes the protocol (also for a date held before Verbund had a room, as in the demo). */
  async finish(user: User, access: RoomAccess): Promise<void> {
    const roundId = access.round.id;
    const closedAt = new Date();
    await this.prisma.$transaction(async (tx) => {
      // The chat's lock: no message commits after the room closed.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`round-chat:${roundId}`}, 0))`;
      const [row] = await tx.$queryRaw<{ roomClosedAt: Date | null }[]>`SELECT "roomClosedAt" FROM "Round" WHERE id = ${roundId}::uuid FOR UPDATE`;
      if (row?.roomClosedAt) throw conflict('Der Raum ist schon geschlossen.');
      await tx.round.update({ where: { id: roundId }, data: { roomClosedAt: closedAt, roomOpenedAt: access.round.roomOpenedAt ?? closedAt } });
    });
    let protocolId: string;
    try {
      protocolId = await this.publishProtocol(user, access);
    } catch (error) {
      await this.prisma.round.update({ where: { id: roundId }, data: { roomClosedAt: null } });
      throw error;
    }
    await this.prisma.$transaction(async (tx) => {
      await tx.round.update({ where: { id: roundId }, data: { protocolId } });
      await this.realtime.emitAfterCommit(tx, roomName(roundId), 'room:closed', { roundId, protocolId });
    });
    this.access.forget(roundId);
  }

  async addAction(user: User, input: AddActionItemInput): Promise<RoundRoom> {
    await this.access.participant(user, input.roundId);
    const who = plainText(input.who, 'who', 1, 200);
    const what = plainText(input.what, 'what', 3, 1000);
    const due = input.due ? new Date(`${input.due}T00:00:00Z`) : null;
    if (input.due && (!/^\d{4}-\d{2}-\d{2}$/.test(input.due) || Number.isNaN(due!.getTime()))) throw badUserInput('Datum als JJJJ-MM-TT.', { field: 'due' });
    await this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Round" WHERE id = ${input.roundId}::uuid FOR UPDATE`;
      if ((await tx.roundActionItem.count({ where: { roundId: input.roundId } })) >= MAX_ACTIONS) {
        throw badUserInput(`Höchstens ${MAX_ACTIONS} Aufgaben je Termin.`, { field: 'what', limit: MAX_ACTIONS });
      }
      await tx.roundActionItem.create({ data: { roundId: input.roundId, who, what, due, createdById: user.id } });
      await this.realtime.emitAfterCommit(tx, roomName(input.roundId), 'room:changed', { roundId: input.roundId });
    });
    return this.room(user, input.roundId);
  }

  /** A moderator takes an action item into the agenda of the series' next date, once. */
  async carryAction(user: User, actionId: string): Promise<RoundRoom> {
    const item = isUuid(actionId) ? await this.prisma.roundActionItem.findUnique({ where: { id: actionId }, include: { round: true } }) : null;
    if (!item) throw notFound('Diese Aufgabe gibt es nicht.');
    await this.access.moderator(user, item.roundId);
    const next = await this.prisma.round.findFirst({
      where: { seriesId: item.round.seriesId, status: 'SCHEDULED', startsAt: { gt: item.round.startsAt } },
      orderBy: { startsAt: 'asc' },
    });
    if (!next) throw badUserInput('Die Reihe hat keinen weiteren Termin.', { field: 'id' });
    await this.prisma.$transaction(async (tx) => {
      const carried = await tx.roundActionItem.updateMany({ where: { id: item.id, carriedAt: null }, data: { carriedAt: new Date() } });
      if (!carried.count) throw conflict('Diese Aufgabe steht schon auf einer Tagesordnung.');
      const last = await tx.roundAgendaItem.aggregate({ where: { roundId: next.id, status: 'ACCEPTED' }, _max: { position: true } });
      await tx.roundAgendaItem.create({
        data: {
          roundId: next.id,
          proposedById: user.id,
          title: `Aufgabe: ${item.what}`.slice(0, 200),
          note: `${item.who}${item.due ? `, bis ${item.due.toISOString().slice(0, 10)}` : ''}`,
          status: 'ACCEPTED',
          position: (last._max.position ?? -1) + 1,
        },
      });
      await this.realtime.emitAfterCommit(tx, roomName(item.roundId), 'room:changed', { roundId: item.roundId });
    });
    return this.room(user, item.roundId);
  }

  /** The protocol as a material, for those who may see the round: the hosting group's members, or its audience. */
  private async publishProtocol(user: User, access: RoomAccess): Promise<string> {
    const { round } = access;
    // What was typed in the last moments is in the notes' updates: the protocol takes it too.
    await this.prisma.$transaction((tx) => this.shared.materialize(tx, { room: roomName(round.id), docId: round.id }));
    const { notes } = await this.prisma.round.findUniqueOrThrow({ where: { id: round.id }, select: { notes: true } });
    const series = await this.prisma.roundSeries.findUniqueOrThrow({
      where: { id: round.seriesId },
      include: { hostOrganization: { select: { name: true } }, hostGroup: { select: { name: true } } },
    });
    const [municipalities, agenda, polls, actions] = await Promise.all([
      this.rounds.participants([round.id]),
      this.prisma.roundAgendaItem.findMany({ where: { roundId: round.id, status: 'ACCEPTED' }, orderBy: { position: 'asc' } }),
      this.polls.list(round.id),
      this.prisma.roundActionItem.findMany({ where: { roundId: round.id }, orderBy: { createdAt: 'asc' } }),
    ]);
    const markdown = protocolMarkdown(
      {
        title: series.title,
        startsAt: round.startsAt,
        endsAt: round.endsAt,
        hostName: series.hostOrganization?.name ?? series.hostGroup?.name ?? '',
        municipalities: municipalities.get(round.id) ?? [],
        agenda: agenda.map((a) => a.title),
        notes,
        polls,
        actions,
      },
      MAX_MARKDOWN,
    );
    const scope = await this.scopes.requireConfirmed(user);
    const organizationId = series.hostOrganizationId ?? scope.organizationIds[0];
    if (!organizationId) throw forbidden('Protokolle veröffentlicht ein bestätigtes Mitglied einer Organisation.');
    const date = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'long' }).format(round.startsAt);
    const areas = series.hostGroupId ? null : await this.audience.readerAreas(series);
    const input: CreateMaterialInput = {
      title: `Protokoll: ${series.title} (${date})`.slice(0, 200),
      summary: `Protokoll der Austauschrunde vom ${date}: Tagesordnung, Abstimmungen, Aufgaben und teilnehmende Kommunen.`,
      topics: series.topics as Topic[],
      kind: 'PROTOKOLL',
      languages: ['de'],
      licence: 'CC_BY_4_0',
      // Read by whoever may see the round: its group, every member, or the members of its Land, Kreis area or neighbourhood.
      visibility: series.hostGroupId ? MaterialVisibility.GROUP : areas ? MaterialVisibility.AREA : MaterialVisibility.MEMBERS,
      organizationId,
      groupId: series.hostGroupId,
      markdown,
    };
    return (await this.materials.create(user, input, areas ?? [])).id;
  }

  private async present(access: RoomAccess): Promise<RoundRoom> {
    const { round, state, moderator, registered } = access;
    const reads = state === 'CLOSED' || moderator || registered;
    const [messages, polls, mine, actions] = reads
      ? await Promise.all([
          this.chat.latest(round.id),
          this.polls.list(round.id),
          this.polls.myChoices(access.user.id, round.id),
          this.prisma.roundActionItem.findMany({ where: { roundId: round.id }, orderBy: { createdAt: 'asc' } }),
        ])
      : [[], [], new Map<string, number[]>(), []];
    return {
      roundId: round.id,
      seriesId: round.seriesId,
      title: round.series.title,
      startsAt: round.startsAt,
      endsAt: round.endsAt,
      videoUrl: round.series.videoUrl,
      state,
      opensAt: new Date(round.startsAt.getTime() - OPENS_BEFORE_MS),
      canModerate: moderator,
      canTakePart: state === 'OPEN' && (moderator || registered),
      protocolId: round.protocolId,
      messages,
      polls: polls.map((p) => ({ ...p, myChoices: mine.get(p.id) ?? [] })),
      actionItems: actions.map((a) => ({ id: a.id, who: a.who, what: a.what, due: a.due?.toISOString().slice(0, 10) ?? null, carried: Boolean(a.carriedAt) })),
    };
  }
}
