import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Round, RoundSeries, User } from '../../generated/prisma/client.js';
import { ViewerScopeService } from '../../core/access/viewer-scope.service.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { badUserInput, forbidden, notFound } from '../../core/errors/app-error.js';
import { SharedDocs } from '../../core/collab/shared-docs.service.js';
import { RealtimeService } from '../../core/realtime/realtime.service.js';
import { isUuid } from '../../core/validation/ids.js';
import { RoundAudienceRules } from '../round-audience.js';
import { type RoomState, roomState } from './room-state.js';
import { RoundNotesDocs } from './round-notes-docs.js';

/** How long a confirmed right to speak in a room holds before it is looked up again. */
const RIGHT_TTL_MS = 5_000;

export interface RoomAccess {
  user: User;
  round: Round & { series: RoundSeries };
  state: RoomState;
  moderator: boolean;
  registered: boolean;
}

/**
 * Who may do what in a round's live room: everyone who may see the round reads it after it closed; while it is
 * open, the registered and the moderators (members of the hosting organisation or group) take part.
 */
@Injectable()
export class RoundRoomAccess implements OnModuleInit {
  private readonly rights = new Map<string, number>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly scopes: ViewerScopeService,
    private readonly audience: RoundAudienceRules,
    private readonly realtime: RealtimeService,
    private readonly shared: SharedDocs,
    private readonly notes: RoundNotesDocs,
  ) {}

  onModuleInit(): void {
    this.realtime.registerRoom('round', (userId, roundId) =>
      this.participant(userId, roundId).then(
        () => true,
        () => false,
      ),
    );
    // The shared notes: one document per date, written by those taking part while the room is open.
    this.shared.register('round', {
      store: this.notes,
      // More than a protocol takes (it cuts the notes): a pasted document must not keep the others from writing.
      maxBytes: 512 * 1024,
      authorize: async (userId, roundId, docId) => {
        if (docId !== roundId) throw notFound('Diese Notizen gibt es nicht.');
        await this.mayTakePart(userId, roundId);
      },
    });
  }

  /** The round as this person may see it (NOT_FOUND otherwise), with their part in its room. */
  async of(userOrId: User | string, roundId: string): Promise<RoomAccess> {
    if (!isUuid(roundId)) throw badUserInput('Unbekannter Termin.', { field: 'roundId' });
    const user = typeof userOrId === 'string' ? await this.prisma.user.findUnique({ where: { id: userOrId } }) : userOrId;
    const round = await this.prisma.round.findUnique({ where: { id: roundId }, include: { series: true } });
    if (!user || !round) throw notFound('Diesen Termin gibt es nicht, oder er ist nicht für Sie.');
    const scope = await this.scopes.of(user);
    if (!(await (await this.audience.forViewer(scope))(round.series))) throw notFound('Diesen Termin gibt es nicht, oder er ist nicht für Sie.');
    const registration = await this.prisma.roundRegistration.findUnique({ where: { roundId_userId: { roundId, userId: user.id } } });
    return {
      user,
      round,
      state: roomState(round),
      moderator: scope.confirmed && this.audience.hosts(scope, round.series),
      registered: registration?.status === 'REGISTERED',
    };
  }

  /** May take part now: the room is open and the person registered or moderating. */
  async participant(userOrId: User | string, roundId: string): Promise<RoomAccess> {
    const access = await this.of(userOrId, roundId);
    if (access.state === 'NOT_YET') throw forbidden('Der Raum öffnet 15 Minuten vor Beginn.');
    if (access.state === 'CLOSED') throw forbidden('Der Raum ist geschlossen.');
    if (!access.registered && !access.moderator) throw forbidden('Den Raum betreten die Angemeldeten und die Moderation.');
    return access;
  }

  /** Moderates the open room. */
  async moderating(userOrId: User | string, roundId: string): Promise<RoomAccess> {
    const access = await this.participant(userOrId, roundId);
    if (!access.moderator) throw forbidden('Das darf die Moderation der Runde.');
    return access;
  }

  async moderator(user: User, roundId: string): Promise<RoomAccess> {
    const access = await this.of(user, roundId);
    if (!access.moderator) throw forbidden('Das darf die Moderation der Runde.');
    return access;
  }

  /** `participant`, remembered for a few seconds: chat and hands arrive many times a minute. */
  async mayTakePart(userId: string, roundId: string, moderatorOnly = false): Promise<void> {
    const key = `${userId}:${roundId}:${moderatorOnly ? 'm' : 'p'}`;
    if ((this.rights.get(key) ?? 0) > Date.now()) return;
    await (moderatorOnly ? this.moderating(userId, roundId) : this.participant(userId, roundId));
    if (this.rights.size > 10_000) this.rights.clear();
    this.rights.set(key, Date.now() + RIGHT_TTL_MS);
  }

  /** After the room closed, nobody's remembered right outlives it. */
  forget(roundId: string): void {
    for (const key of this.rights.keys()) if (key.includes(`:${roundId}:`)) this.rights.delete(key);
  }
}
