import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { RoundPerson } from '@verbund/shared';
import { PrismaService } from '../../core/database/prisma.service.js';
import { RealtimeService, type AppSocket } from '../../core/realtime/realtime.service.js';
import { SHARED_STORE, type SharedStore } from '../../core/realtime/shared-store.js';
import { roomName } from './room-state.js';

const TOPIC = 'round-presence';
const COALESCE_MS = 250;

/**
 * Who is in a round's live room, from the shared store (each person once, however many tabs, on every process),
 * with their organisations and municipalities so that the room can group them. Entering marks attendance. Like
 * the speaking list, a change is announced as "changed" and each process reads who is there when it delivers.
 */
@Injectable()
export class RoundPresence implements OnModuleInit, OnModuleDestroy {
  private readonly due = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly prisma: PrismaService,
    private readonly realtime: RealtimeService,
    @Inject(SHARED_STORE) private readonly store: SharedStore,
  ) {}

  onModuleInit(): void {
    this.realtime.subscribe(TOPIC, ({ roundId }: { roundId: string }) => this.deliverSoon(roundId));
    this.realtime.onLeft('round', (roundId) => this.realtime.publish(this.prisma, TOPIC, { roundId }));
  }

  /**
   * Many people arriving at once (the start of a round) would each send the whole list to everyone: the changes of
   * a quarter second go out as one list.
   */
  private deliverSoon(roundId: string): void {
    if (this.stopped || this.due.has(roundId)) return;
    this.due.set(
      roundId,
      setTimeout(() => {
        this.due.delete(roundId);
        this.current(roundId)
          .then((people) => this.realtime.emitLocal(roomName(roundId), 'presence:update', { roundId, people }))
          // Shutting down, or the store briefly unreachable: the next change sends the list again.
          .catch(() => undefined);
      }, COALESCE_MS),
    );
  }

  onModuleDestroy(): void {
    this.stopped = true;
    for (const timer of this.due.values()) clearTimeout(timer);
    this.due.clear();
  }

  async enter(socket: AppSocket, userId: string, roundId: string): Promise<RoundPerson[]> {
    await this.realtime.join(socket, userId, roomName(roundId));
    await this.prisma.roundRegistration.updateMany({ where: { roundId, userId, attendedAt: null }, data: { attendedAt: new Date() } });
    return this.announce(roundId);
  }

  async exit(socket: AppSocket, roundId: string): Promise<void> {
    await this.realtime.leave(socket, roomName(roundId));
  }

  async announce(roundId: string): Promise<RoundPerson[]> {
    await this.realtime.publish(this.prisma, TOPIC, { roundId });
    return this.current(roundId);
  }

  async current(roundId: string): Promise<RoundPerson[]> {
    return this.people(await this.store.present(roomName(roundId)));
  }

  async people(userIds: string[]): Promise<RoundPerson[]> {
    if (!userIds.length) return [];
    const users = await this.prisma.user.findMany({
      where: { id: { in: userIds } },
      select: {
        id: true,
        name: true,
        memberships: {
          where: { status: 'CONFIRMED' },
          select: { organization: { select: { name: true, locatedIn: { select: { displayName: true } } } } },
        },
      },
    });
    const byId = new Map(users.map((u) => [u.id, u]));
    return userIds.flatMap((id) => {
      const u = byId.get(id);
      if (!u) return [];
      return [
        { id, name: u.name, organizations: u.memberships.map((m) => ({ name: m.organization.name, municipality: m.organization.locatedIn.displayName })) },
      ];
    });
  }
}
