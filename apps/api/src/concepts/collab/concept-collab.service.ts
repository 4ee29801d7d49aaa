import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { SectionAwarenessPayload, SectionDocMessage, SectionDocSyncReply } from '@verbund/shared';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Prisma } from '../../generated/prisma/client.js';
import { ViewerScopeService } from '../../core/access/viewer-scope.service.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { badUserInput, forbidden, notFound } from '../../core/errors/app-error.js';
import { type AppSocket, RealtimeService } from '../../core/realtime/realtime.service.js';
import { isUuid } from '../../core/validation/ids.js';
import { canEdit } from '../concept-access.js';
import type { PmNode } from '../section-content.js';
import { SectionDocs } from './section-docs.js';
import { awarenessClients, bytes, MAX_AWARENESS_BYTES, MAX_UPDATE_BYTES, readStep1, readUpdate, syncMessage } from './wire.js';

const DOC_TOPIC = 'concept-doc';
const AWARENESS_TOPIC = 'concept-awareness';
/** How long a confirmed right to draft holds before it is looked up again (typing sends several updates a second). */
const RIGHT_TTL_MS = 5_000;
/** Typing is stored at once; the section's derived text (search, comparison) follows this long after. */
const MATERIALIZE_AFTER_MS = 1_500;

interface DocNotice {
  conceptId: string;
  sectionId: string;
  origin: string;
  update?: string;
  ref?: string;
}

interface AwarenessNotice {
  conceptId: string;
  sectionId: string;
  origin: string;
  update?: string;
  gone?: number[];
}

interface Target {
  conceptId: string;
  sectionId: string;
}

/**
 * Drafting a concept together: the server side of each section's Yjs document. The server keeps no document in
 * memory: it answers sync from the stored updates, stores every update before acknowledging it, and hands it to
 * the other editors on every process through the realtime seam (NOTIFY after commit).
 */
@Injectable()
export class ConceptCollab implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ConceptCollab');
  private readonly rights = new Map<string, number>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly cursors = new Map<string, Map<number, Target>>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly docs: SectionDocs,
    private readonly realtime: RealtimeService,
    private readonly scopes: ViewerScopeService,
  ) {}

  onModuleInit(): void {
    this.realtime.subscribe(DOC_TOPIC, (notice: DocNotice) => void this.deliverDoc(notice));
    this.realtime.subscribe(AWARENESS_TOPIC, (notice: AwarenessNotice) => this.deliverAwareness(notice));
  }

  async sync(socket: AppSocket, userId: string, payload: SectionDocMessage): Promise<SectionDocSyncReply> {
    const { sectionId } = await this.authorize(socket, userId, payload);
    const vector = readStep1(bytes(payload.message, MAX_UPDATE_BYTES));
    const state = await this.prisma.$transaction((tx) => this.docs.state(tx, sectionId));
    return {
      update: syncMessage(messageYjsSyncStep2, Y.diffUpdate(state, vector)),
      stateVector: syncMessage(messageYjsSyncStep1, Y.encodeStateVectorFromUpdate(state)),
    };
  }

  /** Stored before it is acknowledged; the other editors get it once it is committed. */
  async update(socket: AppSocket, userId: string, payload: SectionDocMessage): Promise<void> {
    const target = await this.authorize(socket, userId, payload);
    const update = readUpdate(bytes(payload.message, MAX_UPDATE_BYTES));
    await this.prisma.$transaction(async (tx) => {
      const id = await this.docs.append(tx, target.sectionId, update);
      await this.announce(tx, target, update, id, socket.id);
    });
    this.materializeSoon(target.sectionId);
  }

  /** A rewrite of a whole section from elsewhere (take upstream, demo data) reaches open editors like typing. */
  async rewrite(tx: Prisma.TransactionClient, target: Target, content: PmNode): Promise<void> {
    const change = await this.docs.replace(tx, target.sectionId, content);
    if (change) await this.announce(tx, target, change.update, change.id);
  }

  private async announce(db: Prisma.TransactionClient, target: Target, update: Uint8Array, id: bigint, origin = ''): Promise<void> {
    const encoded = Buffer.from(update).toString('base64');
    const notice: DocNotice =
      encoded.length < this.realtime.maxPayloadBytes - 200 ? { ...target, origin, update: encoded } : { ...target, origin, ref: id.toString() };
    await this.realtime.publish(db, DOC_TOPIC, notice);
  }

  /** Cursors and names are not stored: they go to the others in the room and are gone when the socket closes. */
  async awareness(socket: AppSocket, userId: string, payload: SectionAwarenessPayload): Promise<void> {
    const target = await this.authorize(socket, userId, payload);
    const update = bytes(payload.update, MAX_AWARENESS_BYTES);
    const mine = this.cursors.get(socket.id) ?? new Map<number, Target>();
    for (const client of awarenessClients(update)) mine.set(client, target);
    this.cursors.set(socket.id, mine);
    const encoded = Buffer.from(update).toString('base64');
    if (encoded.length > this.realtime.maxPayloadBytes - 200) throw badUserInput('Die Anwesenheitsnachricht ist zu groß.', { field: 'update' });
    await this.realtime.publish(this.prisma, AWARENESS_TOPIC, { ...target, origin: socket.id, update: encoded } satisfies AwarenessNotice);
  }

  async disconnected(socket: AppSocket): Promise<void> {
    const mine = this.cursors.get(socket.id);
    this.cursors.delete(socket.id);
    if (!mine) return;
    const bySection = new Map<string, { target: Target; gone: number[] }>();
    for (const [client, target] of mine) {
      const entry = bySection.get(target.sectionId) ?? { target, gone: [] };
      entry.gone.push(client);
      bySection.set(target.sectionId, entry);
    }
    for (const { target, gone } of bySection.values()) {
      await this.realtime.publish(this.prisma, AWARENESS_TOPIC, { ...target, origin: socket.id, gone } satisfies AwarenessNotice).catch(() => undefined);
    }
  }

  /** Writes the section's derived text now (publishing needs it current), in the caller's transaction. */
  async materialize(tx: Prisma.TransactionClient, sectionId: string): Promise<void> {
    clearTimeout(this.pending.get(sectionId));
    this.pending.delete(sectionId);
    await this.docs.materialize(tx, sectionId);
  }

  private materializeSoon(sectionId: string): void {
    if (this.pending.has(sectionId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(sectionId);
      this.prisma
        .$transaction((tx) => this.docs.materialize(tx, sectionId))
        .catch((error: unknown) => {
          this.logger.warn(`section ${sectionId} text not derived: ${error instanceof Error ? error.message : String(error)}`);
        });
    }, MATERIALIZE_AFTER_MS);
    this.pending.set(sectionId, timer);
  }

  /**
   * Only a socket in the concept's room (its drafters, see the room authoriser) speaks for a section of it, and
   * its person must still draft the concept: looked up again every few seconds.
   */
  private async authorize(socket: AppSocket, userId: string, payload: { conceptId?: unknown; sectionId?: unknown }): Promise<Target> {
    const conceptId = String(payload?.conceptId ?? '');
    const sectionId = String(payload?.sectionId ?? '');
    if (!isUuid(conceptId) || !isUuid(sectionId)) throw badUserInput('Konzept und Abschnitt fehlen.', { field: 'sectionId' });
    if (!socket.rooms.has(`concept:${conceptId}`)) throw forbidden('Treten Sie zuerst dem Raum des Konzepts bei.');
    const key = `${userId}:${conceptId}:${sectionId}`;
    if ((this.rights.get(key) ?? 0) > Date.now()) return { conceptId, sectionId };
    const section = await this.prisma.conceptSection.findFirst({
      where: { id: sectionId, conceptId, removedAt: null },
      select: { concept: { select: { groupId: true, organizationId: true } } },
    });
    if (!section) throw notFound('Diesen Abschnitt gibt es in diesem Konzept nicht.');
    const user = await this.prisma.user.findUnique({ where: { id: userId } });
    if (!user || !canEdit(await this.scopes.of(user), section.concept)) throw forbidden('Dieses Konzept bearbeiten die Mitglieder seiner Trägerin.');
    if (this.rights.size > 10_000) this.rights.clear();
    this.rights.set(key, Date.now() + RIGHT_TTL_MS);
    return { conceptId, sectionId };
  }

  private async deliverDoc(notice: DocNotice): Promise<void> {
    const update = notice.update
      ? Buffer.from(notice.update, 'base64')
      : await this.prisma.$transaction((tx) => this.docs.since(tx, notice.sectionId, BigInt(notice.ref ?? '0')));
    if (!update) return;
    this.realtime.emitLocal(
      `concept:${notice.conceptId}`,
      'concept:doc',
      { conceptId: notice.conceptId, sectionId: notice.sectionId, message: syncMessage(messageYjsUpdate, update) },
      notice.origin || undefined,
    );
  }

  private deliverAwareness(notice: AwarenessNotice): void {
    const payload: SectionAwarenessPayload = { conceptId: notice.conceptId, sectionId: notice.sectionId };
    if (notice.update) payload.update = Buffer.from(notice.update, 'base64');
    if (notice.gone) payload.gone = notice.gone;
    this.realtime.emitLocal(`concept:${notice.conceptId}`, 'concept:awareness', payload, notice.origin);
  }

  async onModuleDestroy(): Promise<void> {
    const sections = [...this.pending.keys()];
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    for (const sectionId of sections) await this.prisma.$transaction((tx) => this.docs.materialize(tx, sectionId)).catch(() => undefined);
  }
}
