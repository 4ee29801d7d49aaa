import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { DocAwarenessPayload, DocMessage, DocSyncReply, RoomName } from '@verbund/shared';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Prisma } from '../../generated/prisma/client.js';
import { PrismaService } from '../database/prisma.service.js';
import { badUserInput, forbidden } from '../errors/app-error.js';
import { type AppSocket, RealtimeService, type RoomKind } from '../realtime/realtime.service.js';
import { isUuid } from '../validation/ids.js';
import type { DocKind } from './doc-store.js';
import { adds, awarenessClients, bytes, MAX_AWARENESS_BYTES, MAX_UPDATE_BYTES, readStep1, readUpdate, syncMessage } from './wire.js';

const DOC_TOPIC = 'shared-doc';
const AWARENESS_TOPIC = 'shared-doc-awareness';
/** Typing is stored at once; the document's derived columns (search, comparison, protocol) follow this long after. */
const MATERIALIZE_AFTER_MS = 1_500;
/** A keystroke's or a short paste's worth: stored without the document's lock while the document is under half its limit. */
const UNLOCKED_UPDATE_BYTES = 1024;
const ROOM = /^(concept|round):([0-9a-f-]{36})$/;

export interface DocTarget {
  room: RoomName;
  docId: string;
}

interface DocNotice extends DocTarget {
  origin: string;
  update?: string;
  ref?: string;
}

interface AwarenessNotice extends DocTarget {
  origin: string;
  update?: string;
  gone?: number[];
}

/**
 * Documents written together (concept sections, round notes): the server side of their Yjs sync. The server keeps
 * no document in memory: it answers sync from the stored updates, stores every update before acknowledging it, and
 * hands it to the other editors on every process through the realtime seam (NOTIFY after commit). Each room kind
 * brings its own store and rules (`register`).
 */
@Injectable()
export class SharedDocs implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('SharedDocs');
  private readonly kinds = new Map<RoomKind, DocKind>();
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; target: DocTarget }>();
  private readonly cursors = new Map<string, Map<number, DocTarget>>();
  /** Documents at their size limit: their size right after the last merge. */
  private readonly merged = new Map<string, number>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly realtime: RealtimeService,
  ) {}

  register(kind: RoomKind, docs: DocKind): void {
    if (this.kinds.has(kind)) throw new Error(`shared documents of ${kind} registered twice`);
    this.kinds.set(kind, docs);
  }

  onModuleInit(): void {
    this.realtime.subscribe(DOC_TOPIC, (notice: DocNotice) => void this.deliverDoc(notice));
    this.realtime.subscribe(AWARENESS_TOPIC, (notice: AwarenessNotice) => this.deliverAwareness(notice));
  }

  async sync(socket: AppSocket, userId: string, payload: DocMessage): Promise<DocSyncReply> {
    const { target, kind } = await this.authorize(socket, userId, payload);
    const vector = readStep1(bytes(payload.message, MAX_UPDATE_BYTES));
    const state = await this.prisma.$transaction((tx) => kind.store.state(tx, target.docId));
    return {
      update: syncMessage(messageYjsSyncStep2, Y.diffUpdate(state, vector)),
      stateVector: syncMessage(messageYjsSyncStep1, Y.encodeStateVectorFromUpdate(state)),
    };
  }

  /** Stored before it is acknowledged; the other editors get it once it is committed. */
  async update(socket: AppSocket, userId: string, payload: DocMessage): Promise<void> {
    const { target, kind } = await this.authorize(socket, userId, payload);
    const update = readUpdate(bytes(payload.message, MAX_UPDATE_BYTES));
    const adding = adds(update);
    const full = () =>
      badUserInput('Dieser Text hat die Höchstlänge erreicht: Ihre letzte Änderung ist nicht gespeichert. Kürzen Sie ihn oder teilen Sie ihn auf.', {
        field: 'message',
        limit: kind.maxBytes,
      });
    // Deleting has to work at the limit (what it deletes is dropped at the next merge), so an update that only
    // deletes may take the document up to twice its limit, never beyond: a delete set made by hand would otherwise
    // grow it without end.
    const limit = adding ? kind.maxBytes : 2 * kind.maxBytes;
    const size = await this.sizeWithRoom(kind, target, update.byteLength);
    if (size + update.byteLength > limit) throw full();
    // Measured again under the document's lock (two pastes at once, each fitting alone, might not together), unless
    // a keystroke's worth comes to a document under half its limit: typing is not queued behind a lock. Such
    // appends in flight are at most one per database connection, far less than the other half.
    const exact = update.byteLength > UNLOCKED_UPDATE_BYTES || size + update.byteLength > limit / 2;
    await this.prisma.$transaction(async (tx) => {
      if (exact) {
        await kind.store.lock(tx, target.docId);
        if ((await kind.store.size(tx, target.docId)) + update.byteLength > limit) throw full();
      }
      const id = await kind.store.append(tx, target.docId, update);
      await this.announce(tx, target, update, id, socket.id);
    });
    this.materializeSoon(target);
  }

  /**
   * The document's size, made room for `bytes` more if they do not fit: at the limit its rows are merged first,
   * deleted text dropped, so that what was deleted makes room again; that is tried once after each change, not on
   * every refused keystroke.
   */
  private async sizeWithRoom(kind: DocKind, target: DocTarget, bytes: number): Promise<number> {
    const key = `${target.room}/${target.docId}`;
    let size = await kind.store.size(this.prisma, target.docId);
    if (size + bytes <= kind.maxBytes) return size;
    if (this.merged.get(key) !== size) {
      await this.prisma.$transaction((tx) => kind.store.materialize(tx, target.docId, true));
      size = await kind.store.size(this.prisma, target.docId);
      this.merged.set(key, size);
    }
    return size;
  }

  /** Tells the open editors of a document about a change made on the server (a rewrite of a section). */
  async announce(db: Prisma.TransactionClient, target: DocTarget, update: Uint8Array, id: bigint, origin = ''): Promise<void> {
    const encoded = Buffer.from(update).toString('base64');
    const notice: DocNotice =
      encoded.length < this.realtime.maxPayloadBytes - 200 ? { ...target, origin, update: encoded } : { ...target, origin, ref: id.toString() };
    await this.realtime.publish(db, DOC_TOPIC, notice);
  }

  /** Cursors and names are not stored: they go to the others in the room and are gone when the socket closes. */
  async awareness(socket: AppSocket, userId: string, payload: DocAwarenessPayload): Promise<void> {
    const { target } = await this.authorize(socket, userId, payload);
    const update = bytes(payload.update, MAX_AWARENESS_BYTES);
    const mine = this.cursors.get(socket.id) ?? new Map<number, DocTarget>();
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
    const byDoc = new Map<string, { target: DocTarget; gone: number[] }>();
    for (const [client, target] of mine) {
      const key = `${target.room}/${target.docId}`;
      const entry = byDoc.get(key) ?? { target, gone: [] };
      entry.gone.push(client);
      byDoc.set(key, entry);
    }
    for (const { target, gone } of byDoc.values()) {
      await this.realtime.publish(this.prisma, AWARENESS_TOPIC, { ...target, origin: socket.id, gone } satisfies AwarenessNotice).catch(() => undefined);
    }
  }

  /** Writes the document's derived columns now (publishing needs them current), in the caller's transaction. */
  async materialize(tx: Prisma.TransactionClient, target: DocTarget): Promise<boolean> {
    const key = `${target.room}/${target.docId}`;
    clearTimeout(this.pending.get(key)?.timer);
    this.pending.delete(key);
    return this.kindOf(target.room).store.materialize(tx, target.docId);
  }

  private materializeSoon(target: DocTarget): void {
    const key = `${target.room}/${target.docId}`;
    if (this.pending.has(key)) return;
    const timer = setTimeout(() => {
      this.pending.delete(key);
      this.prisma
        .$transaction((tx) => this.kindOf(target.room).store.materialize(tx, target.docId))
        .catch((error: unknown) => {
          this.logger.warn(`${key} not derived: ${error instanceof Error ? error.message : String(error)}`);
        });
    }, MATERIALIZE_AFTER_MS);
    this.pending.set(key, { timer, target });
  }

  /** Only a socket in the document's room speaks for it, and its person must be allowed by the room's kind. */
  private async authorize(socket: AppSocket, userId: string, payload: { room?: unknown; docId?: unknown }): Promise<{ target: DocTarget; kind: DocKind }> {
    const room = String(payload?.room ?? '');
    const docId = String(payload?.docId ?? '');
    const match = ROOM.exec(room);
    if (!match || !isUuid(docId)) throw badUserInput('Raum und Dokument fehlen.', { field: 'docId' });
    if (!socket.rooms.has(room)) throw forbidden('Treten Sie zuerst dem Raum bei.');
    const kind = this.kindOf(room as RoomName);
    await kind.authorize(userId, match[2]!, docId);
    return { target: { room: room as RoomName, docId }, kind };
  }

  private kindOf(room: RoomName): DocKind {
    const kind = this.kinds.get(room.split(':')[0] as RoomKind);
    if (!kind) throw badUserInput('Dieser Raum hat keine gemeinsamen Dokumente.', { field: 'room' });
    return kind;
  }

  private async deliverDoc(notice: DocNotice): Promise<void> {
    const update = notice.update
      ? Buffer.from(notice.update, 'base64')
      : await this.prisma.$transaction((tx) => this.kindOf(notice.room).store.since(tx, notice.docId, BigInt(notice.ref ?? '0')));
    if (!update) return;
    this.realtime.emitLocal(
      notice.room,
      'doc:message',
      { room: notice.room, docId: notice.docId, message: syncMessage(messageYjsUpdate, update) },
      notice.origin || undefined,
    );
  }

  private deliverAwareness(notice: AwarenessNotice): void {
    const payload: DocAwarenessPayload = { room: notice.room, docId: notice.docId };
    if (notice.update) payload.update = Buffer.from(notice.update, 'base64');
    if (notice.gone) payload.gone = notice.gone;
    this.realtime.emitLocal(notice.room, 'doc:awareness', payload, notice.origin);
  }

  async onModuleDestroy(): Promise<void> {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { timer } of waiting) clearTimeout(timer);
    for (const { target } of waiting)
      await this.prisma.$transaction((tx) => this.kindOf(target.room).store.materialize(tx, target.docId)).catch(() => undefined);
  }
}
