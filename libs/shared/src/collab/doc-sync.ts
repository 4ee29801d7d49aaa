import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { timeout } from 'lib0/eventloop';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { readSyncMessage, writeSyncStep1, writeUpdate } from 'y-protocols/sync';
import * as Y from 'yjs';
import type { RoomName } from '../realtime/socket-events.js';
import type { CollabSocket } from './collab-socket.js';

/** What others see of a person in the editor: the name at the caret and its colour. */
export interface CollabUser {
  name: string;
  color: string;
}

const bytes = (data: Uint8Array | ArrayBuffer): Uint8Array => (data instanceof Uint8Array ? data : new Uint8Array(data));
/** Codes after which sending the same again cannot succeed. */
const REFUSALS = new Set(['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED', 'BAD_USER_INPUT']);
/** After TOO_MANY_REQUESTS: the socket's budget has refilled by then. */
export const RETRY_AFTER_MS = 1000;
/** An update that changes nothing: no structs, no deletions. */
const EMPTY_UPDATE = '0,0';

/**
 * One shared Yjs document (a concept's section, a round's notes) and its awareness, kept in step with the server over y-protocols sync messages. Local
 * changes go out as they happen once the document is synced; while offline they stay in the document and travel
 * with the next sync (the server answers what it lacks). Nothing is queued in the socket: an update is never
 * sent before the room is joined again after a reconnect.
 */
export class DocSync {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  private ready = false;
  private pending = 0;
  private destroyed = false;
  private retrying = false;

  constructor(
    private readonly socket: CollabSocket,
    readonly room: RoomName,
    readonly docId: string,
    user: CollabUser,
    private readonly changed: () => void,
    private readonly refused: (code: string) => void,
  ) {
    this.awareness.setLocalStateField('user', user);
    this.doc.on('update', this.onUpdate);
    this.awareness.on('update', this.onAwareness);
  }

  get saving(): boolean {
    return this.pending > 0 || !this.ready;
  }

  /** (Re)joins the server's state: after the room is joined, and again after every reconnect. */
  start(): void {
    this.ready = false;
    const encoder = encoding.createEncoder();
    writeSyncStep1(encoder, this.doc);
    this.socket.emit('doc:sync', { ...this.target, message: encoding.toUint8Array(encoder) }, (reply) => {
      if (this.destroyed) return;
      if (!reply.ok) return this.fail(reply.code);
      this.receive(bytes(reply.data.update));
      this.ready = true;
      // What this client has and the server lacks (typed offline, or before the first sync).
      const answer = encoding.createEncoder();
      readSyncMessage(decoding.createDecoder(bytes(reply.data.stateVector)), answer, this.doc, this);
      const message = encoding.toUint8Array(answer);
      if (!this.emptyStep2(message)) this.send(message);
      this.shareAwareness();
      this.changed();
    });
  }

  /** An update from another editor, or the server's answer. */
  receive(message: Uint8Array): void {
    readSyncMessage(decoding.createDecoder(message), encoding.createEncoder(), this.doc, this);
  }

  receiveAwareness(update?: Uint8Array | ArrayBuffer, gone?: number[]): void {
    if (update) applyAwarenessUpdate(this.awareness, bytes(update), this);
    if (gone?.length) removeAwarenessStates(this.awareness, gone, this);
  }

  stop(): void {
    this.ready = false;
  }

  destroy(): void {
    if (this.ready && this.socket.connected) {
      this.awareness.setLocalState(null);
    }
    this.destroyed = true;
    this.doc.off('update', this.onUpdate);
    this.awareness.off('update', this.onAwareness);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private get target() {
    return { room: this.room, docId: this.docId };
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this || !this.ready || !this.socket.connected) return;
    const encoder = encoding.createEncoder();
    writeUpdate(encoder, update);
    this.send(encoding.toUint8Array(encoder));
  };

  private readonly onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    if (!this.ready || !this.socket.connected) return;
    // Someone new arrived: they learn who is already here from each of us.
    if (origin === this && added.length) return this.shareAwareness();
    if (origin !== 'local') return;
    const clients = [...added, ...updated, ...removed];
    this.socket.emit('doc:awareness', { ...this.target, update: encodeAwarenessUpdate(this.awareness, clients) });
  };

  private shareAwareness(): void {
    if (this.awareness.getLocalState() === null) return;
    this.socket.emit('doc:awareness', { ...this.target, update: encodeAwarenessUpdate(this.awareness, [this.doc.clientID]) });
  }

  private send(message: Uint8Array): void {
    this.pending++;
    this.changed();
    this.socket.emit('doc:update', { ...this.target, message }, (reply) => {
      this.pending--;
      if (this.destroyed) return;
      if (!reply.ok) return this.fail(reply.code);
      this.changed();
    });
  }

  /**
   * Refused (rights gone, document removed, text at its length limit) or failed: a refusal stops the editor, as
   * sending the same again would be refused again; too many at once waits a moment; anything else syncs anew.
   */
  private fail(code: string): void {
    if (REFUSALS.has(code)) {
      this.ready = false;
      this.refused(code);
    } else if (code === 'TOO_MANY_REQUESTS') {
      // One resync for however many refusals came in: it sends whatever the server lacks.
      if (this.retrying) return this.changed();
      this.retrying = true;
      timeout(RETRY_AFTER_MS, () => {
        this.retrying = false;
        if (!this.destroyed && this.socket.connected) this.start();
      });
    } else if (this.socket.connected) {
      this.start();
    }
    this.changed();
  }

  private emptyStep2(message: Uint8Array): boolean {
    const decoder = decoding.createDecoder(message);
    decoding.readVarUint(decoder);
    return decoding.readVarUint8Array(decoder).join(',') === EMPTY_UPDATE;
  }
}
