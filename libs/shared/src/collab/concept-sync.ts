import type { RoomName, SectionAwarenessPayload, SectionDocMessage } from '../realtime/socket-events.js';
import type { CollabSocket } from './collab-socket.js';
import { type CollabUser, SectionSync } from './section-sync.js';

export type CollabStatus = 'connecting' | 'saving' | 'saved' | 'offline' | 'refused';

/**
 * The shared editor of one concept: joins its room, keeps one SectionSync per open section and routes the
 * server's messages to them. Survives reconnects: each one joins the room again and syncs every section.
 */
export class ConceptSync {
  private readonly sections = new Map<string, SectionSync>();
  private joined = false;
  private refusal: string | null = null;
  private readonly listeners = new Set<(status: CollabStatus) => void>();

  constructor(
    private readonly socket: CollabSocket,
    readonly conceptId: string,
    private readonly user: CollabUser,
  ) {
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    socket.on('system:resync', this.onConnect);
    socket.on('concept:doc', this.onDoc);
    socket.on('concept:awareness', this.onAwareness);
    if (socket.connected) this.onConnect();
  }

  get room(): RoomName {
    return `concept:${this.conceptId}`;
  }

  get status(): CollabStatus {
    if (this.refusal) return 'refused';
    if (!this.socket.connected) return this.joined ? 'offline' : 'connecting';
    if (!this.joined) return 'connecting';
    return [...this.sections.values()].some((s) => s.saving) ? 'saving' : 'saved';
  }

  /** The reason the server refused, as its stable error code. */
  get refusedWith(): string | null {
    return this.refusal;
  }

  section(sectionId: string): SectionSync {
    let section = this.sections.get(sectionId);
    if (!section) {
      section = new SectionSync(this.socket, this.conceptId, sectionId, this.user, this.notify, this.refuse);
      this.sections.set(sectionId, section);
      if (this.joined && this.socket.connected) section.start();
    }
    return section;
  }

  release(sectionId: string): void {
    this.sections.get(sectionId)?.destroy();
    this.sections.delete(sectionId);
  }

  subscribe(listener: (status: CollabStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    for (const section of this.sections.values()) section.destroy();
    this.sections.clear();
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
    this.socket.off('system:resync', this.onConnect);
    this.socket.off('concept:doc', this.onDoc);
    this.socket.off('concept:awareness', this.onAwareness);
    if (this.socket.connected) this.socket.emit('room:leave', { room: this.room }, () => undefined);
    this.listeners.clear();
  }

  private readonly notify = (): void => {
    const status = this.status;
    for (const listener of this.listeners) listener(status);
  };

  private readonly refuse = (code: string): void => {
    this.refusal = code;
    this.notify();
  };

  private readonly onConnect = (): void => {
    this.socket.emit('room:join', { room: this.room }, (reply) => {
      if (!reply.ok) return this.refuse(reply.code);
      this.joined = true;
      for (const section of this.sections.values()) section.start();
      this.notify();
    });
  };

  private readonly onDisconnect = (): void => {
    for (const section of this.sections.values()) section.stop();
    this.notify();
  };

  private readonly onDoc = (payload: SectionDocMessage): void => {
    if (payload.conceptId !== this.conceptId) return;
    const message = payload.message instanceof Uint8Array ? payload.message : new Uint8Array(payload.message);
    this.sections.get(payload.sectionId)?.receive(message);
  };

  private readonly onAwareness = (payload: SectionAwarenessPayload): void => {
    if (payload.conceptId !== this.conceptId) return;
    this.sections.get(payload.sectionId)?.receiveAwareness(payload.update, payload.gone);
  };
}
