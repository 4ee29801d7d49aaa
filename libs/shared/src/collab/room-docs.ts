import type { DocAwarenessPayload, DocMessage, RoomName } from '../realtime/socket-events.js';
import type { CollabSocket } from './collab-socket.js';
import { timeout } from 'lib0/eventloop';
import { type CollabUser, DocSync, RETRY_AFTER_MS } from './doc-sync.js';

/**
 * `full`: the server refused a change to one of the room's texts because it reached its length limit (that text
 * stops, the others go on: `isFull`); a text removed meanwhile stops alone too (`isGone`); `refused`: no right to
 * write in the room.
 */
export type CollabStatus = 'connecting' | 'saving' | 'saved' | 'offline' | 'refused';

/**
 * The shared documents of one room (a concept's sections, a round's notes): joins the room, keeps one DocSync per
 * open document and routes the server's messages to them. Survives reconnects: each one joins the room again and
 * syncs every document.
 */
export class RoomDocs {
  private readonly docs = new Map<string, DocSync>();
  private joined = false;
  private refusal: string | null = null;
  private readonly full = new Set<string>();
  private readonly gone = new Set<string>();
  private readonly listeners = new Set<(status: CollabStatus) => void>();

  constructor(
    private readonly socket: CollabSocket,
    readonly room: RoomName,
    private readonly user: CollabUser,
  ) {
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    socket.on('system:resync', this.onConnect);
    socket.on('doc:message', this.onDoc);
    socket.on('doc:awareness', this.onAwareness);
    if (socket.connected) this.onConnect();
  }

  get status(): CollabStatus {
    if (this.refusal) return 'refused';
    if (!this.socket.connected) return this.joined ? 'offline' : 'connecting';
    if (!this.joined) return 'connecting';
    // A text at its limit is told beside it (isFull), its refused change never saved: the status is the others'.
    return [...this.docs].some(([docId, s]) => s.saving && !this.stopped(docId)) ? 'saving' : 'saved';
  }

  /** The reason the server refused, as its stable error code. */
  get refusedWith(): string | null {
    return this.refusal;
  }

  /** Whether this text reached its length limit: its editor stops until the page is loaded again. */
  isFull(docId: string): boolean {
    return this.full.has(docId);
  }

  /** Whether this text was removed (another drafter removed its section): its editor stops, the others go on. */
  isGone(docId: string): boolean {
    return this.gone.has(docId);
  }

  /** The texts stopped (at their length limit or removed), for a view to re-render when another one stops. */
  get stoppedDocs(): number {
    return this.full.size + this.gone.size;
  }

  doc(docId: string): DocSync {
    let doc = this.docs.get(docId);
    if (!doc) {
      doc = new DocSync(this.socket, this.room, docId, this.user, this.notify, (code) => this.refuse(code, docId));
      this.docs.set(docId, doc);
      if (this.joined && this.socket.connected) doc.start();
    }
    return doc;
  }

  release(docId: string): void {
    this.docs.get(docId)?.destroy();
    this.docs.delete(docId);
    this.full.delete(docId);
    this.gone.delete(docId);
  }

  subscribe(listener: (status: CollabStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    for (const doc of this.docs.values()) doc.destroy();
    this.docs.clear();
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
    this.socket.off('system:resync', this.onConnect);
    this.socket.off('doc:message', this.onDoc);
    this.socket.off('doc:awareness', this.onAwareness);
    if (this.socket.connected) this.socket.emit('room:leave', { room: this.room }, () => undefined);
    this.listeners.clear();
  }

  private readonly notify = (): void => {
    const status = this.status;
    for (const listener of this.listeners) listener(status);
  };

  /** A text at its limit or removed stops alone; any other refusal (rights gone, room removed) stops the room. */
  private readonly refuse = (code: string, docId?: string): void => {
    if (docId && code === 'BAD_USER_INPUT') this.full.add(docId);
    else if (docId && code === 'NOT_FOUND') this.gone.add(docId);
    else this.refusal = code;
    this.notify();
  };

  private stopped(docId: string): boolean {
    return this.full.has(docId) || this.gone.has(docId);
  }

  private readonly onConnect = (): void => {
    this.socket.emit('room:join', { room: this.room }, (reply) => {
      if (!reply.ok && reply.code === 'TOO_MANY_REQUESTS') return void timeout(RETRY_AFTER_MS, () => this.socket.connected && this.onConnect());
      if (!reply.ok) return this.refuse(reply.code);
      this.joined = true;
      // A text at its limit or removed stays stopped: its change would only be sent and refused again.
      for (const [docId, doc] of this.docs) if (!this.stopped(docId)) doc.start();
      this.notify();
    });
  };

  private readonly onDisconnect = (): void => {
    for (const doc of this.docs.values()) doc.stop();
    this.notify();
  };

  private readonly onDoc = (payload: DocMessage): void => {
    if (payload.room !== this.room) return;
    const message = payload.message instanceof Uint8Array ? payload.message : new Uint8Array(payload.message);
    this.docs.get(payload.docId)?.receive(message);
  };

  private readonly onAwareness = (payload: DocAwarenessPayload): void => {
    if (payload.room !== this.room) return;
    this.docs.get(payload.docId)?.receiveAwareness(payload.update, payload.gone);
  };
}
