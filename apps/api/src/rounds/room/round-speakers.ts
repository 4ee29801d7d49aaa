import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { QueuePayload } from '@verbund/shared';
import { PrismaService } from '../../core/database/prisma.service.js';
import { RealtimeService } from '../../core/realtime/realtime.service.js';
import { SHARED_STORE, type SharedStore } from '../../core/realtime/shared-store.js';
import { roomName } from './room-state.js';

const TOPIC = 'round-queue';
const hands = (roundId: string) => `hands:${roundId}`;
const spoken = (roundId: string) => `spoken:${roundId}`;
const speaker = (roundId: string) => `speaker:${roundId}`;

/**
 * The speaking list (Redeliste) of a round: one queue in the shared store, ordered by the store (Redis when
 * several processes serve the room), so every process and every client sees the same order. A change is announced
 * as "changed" only; each process then reads the list itself, so the last announcement always carries the last
 * state, whatever order announcements from several processes arrive in.
 */
@Injectable()
export class RoundSpeakers implements OnModuleInit {
  constructor(
    private readonly prisma: PrismaService,
    private readonly realtime: RealtimeService,
    @Inject(SHARED_STORE) private readonly store: SharedStore,
  ) {}

  onModuleInit(): void {
    this.realtime.subscribe(TOPIC, ({ roundId }: { roundId: string }) => {
      this.state(roundId)
        .then((state) => this.realtime.emitLocal(roomName(roundId), 'queue:update', state))
        // Shutting down, or the store briefly unreachable: the next change sends the list again.
        .catch(() => undefined);
    });
  }

  async raise(roundId: string, userId: string): Promise<QueuePayload> {
    await this.store.push(hands(roundId), userId);
    return this.announce(roundId);
  }

  async lower(roundId: string, userId: string): Promise<QueuePayload> {
    await this.store.remove(hands(roundId), userId);
    return this.announce(roundId);
  }

  /**
   * The first hand (or, preferring new voices, the first of those who have not spoken yet) becomes the speaker.
   * Two moderators at once each take a different person: only one of them removes any given hand.
   */
  async next(roundId: string, preferNew: boolean): Promise<QueuePayload> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const queue = await this.store.items(hands(roundId));
      const already = new Set(preferNew ? await this.store.items(spoken(roundId)) : []);
      const chosen = queue.find((id) => !already.has(id)) ?? queue[0];
      if (!chosen) {
        await this.setSpeaker(roundId, null);
        break;
      }
      if (await this.store.remove(hands(roundId), chosen)) {
        await this.setSpeaker(roundId, chosen);
        await this.store.push(spoken(roundId), chosen);
        break;
      }
    }
    return this.announce(roundId);
  }

  async clear(roundId: string): Promise<QueuePayload> {
    for (const id of await this.store.items(hands(roundId))) await this.store.remove(hands(roundId), id);
    await this.setSpeaker(roundId, null);
    return this.announce(roundId);
  }

  async state(roundId: string): Promise<QueuePayload> {
    const [queue, current] = await Promise.all([this.store.items(hands(roundId)), this.store.items(speaker(roundId))]);
    return { roundId, queue, speaker: current[0] ?? null };
  }

  private async setSpeaker(roundId: string, userId: string | null): Promise<void> {
    for (const id of await this.store.items(speaker(roundId))) await this.store.remove(speaker(roundId), id);
    if (userId) await this.store.push(speaker(roundId), userId);
  }

  private async announce(roundId: string): Promise<QueuePayload> {
    await this.realtime.publish(this.prisma, TOPIC, { roundId });
    return this.state(roundId);
  }
}
