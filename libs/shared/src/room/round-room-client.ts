import type { ChatMessagePayload, ClientToServerEvents, QueuePayload, RoundPerson, RoundPoll, ServerToClientEvents } from '../realtime/socket-events.js';

type Listener<E extends keyof ServerToClientEvents> = ServerToClientEvents[E];
// Browsers and Node both have it; this library is built without either's types.
declare function setTimeout(handler: () => void, ms: number): unknown;

/** The part of a socket.io client socket the room uses; the browser's and the tests' sockets both fit. */
export interface RoomSocket {
  readonly connected: boolean;
  emit<E extends keyof ClientToServerEvents>(event: E, ...args: Parameters<ClientToServerEvents[E]>): unknown;
  on<E extends keyof ServerToClientEvents>(event: E, listener: Listener<E>): unknown;
  on(event: 'connect' | 'disconnect', listener: () => void): unknown;
  off<E extends keyof ServerToClientEvents>(event: E, listener: Listener<E>): unknown;
  off(event: 'connect' | 'disconnect', listener: () => void): unknown;
}

export interface RoomSnapshot {
  joined: boolean;
  /** Stable error code when the server refused to let the person in. */
  refused: string | null;
  closed: boolean;
  protocolId: string | null;
  people: RoundPerson[];
  messages: ChatMessagePayload[];
  /** Messages written here and not yet stored (sent again after a reconnect with the same client id). */
  pending: { clientId: string; body: string }[];
  queue: string[];
  speaker: string | null;
  polls: RoundPoll[];
  /** The last refusal of something this client sent (e.g. TOO_MANY_REQUESTS), for the person to read. */
  error: { code: string; message: string } | null;
}

const byId = (a: ChatMessagePayload, b: ChatMessagePayload) => (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0);
/** Refusals that sending again would not change. */
const FINAL = new Set(['BAD_USER_INPUT', 'TOO_MANY_REQUESTS']);
const RETRY_MS = 1_000;
const newClientId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

/**
 * One person's view of a round's live room over socket.io. The server's order is the order: messages are kept by
 * id, and after every (re)join the client asks for exactly what came after the last id it has. What the person
 * wrote stays pending until the server acknowledges it and is sent again, with the same client id, after a
 * reconnect, so that nothing is lost and nothing shows twice.
 */
export class RoundRoomClient {
  private snapshot: RoomSnapshot = {
    joined: false,
    refused: null,
    closed: false,
    protocolId: null,
    people: [],
    messages: [],
    pending: [],
    queue: [],
    speaker: null,
    polls: [],
    error: null,
  };
  private readonly listeners = new Set<() => void>();
  private readonly ids = new Set<string>();
  private destroyed = false;
  /** A join refused for pace waits to be asked again (one wait, however many joins were refused meanwhile). */
  private paced = false;
  private pacedError: RoomSnapshot['error'] = null;

  constructor(
    private readonly socket: RoomSocket,
    readonly roundId: string,
    /** Called when something outside the socket events changed (action items, agenda): fetch the room again. */
    private readonly changed: () => void = () => undefined,
  ) {
    socket.on('connect', this.join);
    socket.on('system:resync', this.join);
    socket.on('disconnect', this.onDisconnect);
    socket.on('chat:message', this.onMessage);
    socket.on('chat:hidden', this.onHidden);
    socket.on('presence:update', this.onPresence);
    socket.on('queue:update', this.onQueue);
    socket.on('poll:update', this.onPoll);
    socket.on('room:changed', this.onChanged);
    socket.on('room:closed', this.onClosed);
    if (socket.connected) this.join();
  }

  get state(): RoomSnapshot {
    return this.snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  send(body: string): void {
    const entry = { clientId: newClientId(), body };
    this.update({ pending: [...this.snapshot.pending, entry], error: null });
    if (this.snapshot.joined && this.socket.connected) this.deliver(entry);
  }

  raiseHand(): void {
    this.queueCall('hand:raise', { roundId: this.roundId });
  }

  lowerHand(personId?: string): void {
    this.queueCall('hand:lower', { roundId: this.roundId, ...(personId ? { personId } : {}) });
  }

  nextSpeaker(preferNew = false): void {
    this.queueCall('queue:next', { roundId: this.roundId, preferNew });
  }

  clearQueue(): void {
    this.queueCall('queue:clear', { roundId: this.roundId });
  }

  destroy(): void {
    this.socket.off('connect', this.join);
    this.socket.off('system:resync', this.join);
    this.socket.off('disconnect', this.onDisconnect);
    this.socket.off('chat:message', this.onMessage);
    this.socket.off('chat:hidden', this.onHidden);
    this.socket.off('presence:update', this.onPresence);
    this.socket.off('queue:update', this.onQueue);
    this.socket.off('poll:update', this.onPoll);
    this.socket.off('room:changed', this.onChanged);
    this.socket.off('room:closed', this.onClosed);
    if (this.socket.connected) this.socket.emit('round:leave', { roundId: this.roundId }, () => undefined);
    this.listeners.clear();
    this.destroyed = true;
  }

  private readonly join = (): void => {
    // Messages that arrive live once the server has let us in may be newer than what we missed: the catch-up
    // starts from what we had before joining.
    const had = this.snapshot.messages.at(-1)?.id ?? null;
    this.socket.emit('round:join', { roundId: this.roundId }, (reply) => {
      // Being too fast (the pace is shared by all of a person's tabs) passes: the room is asked again shortly.
      if (!reply.ok && reply.code === 'TOO_MANY_REQUESTS') {
        if (!this.paced) {
          this.paced = true;
          setTimeout(() => {
            this.paced = false;
            if (!this.destroyed && this.socket.connected && !this.snapshot.joined) this.join();
          }, RETRY_MS);
        }
        this.pacedError = { code: reply.code, message: reply.message };
        return this.update({ joined: false, error: this.pacedError });
      }
      if (!reply.ok) return this.update({ refused: reply.code, joined: false });
      // The join's own refusal for pace is over; a refusal of something else stays for the person to read.
      const error = this.snapshot.error === this.pacedError ? null : this.snapshot.error;
      this.pacedError = null;
      this.update({ joined: true, refused: null, error, people: reply.data.people, queue: reply.data.queue.queue, speaker: reply.data.queue.speaker });
      for (const poll of reply.data.polls) this.onPoll({ roundId: this.roundId, poll });
      // The latest messages were read after the server let us in: nothing between them and the live ones is missing.
      if (had === null) this.add(reply.data.messages);
      this.catchUp(had ?? reply.data.messages.at(-1)?.id ?? null, () => {
        for (const entry of this.snapshot.pending) this.deliver(entry);
      });
    });
  };

  /** Exactly the messages after `afterId`, page by page. */
  private catchUp(afterId: string | null, done: () => void): void {
    this.socket.emit('chat:sync', { roundId: this.roundId, afterId }, (missed) => {
      if (!missed.ok) return done();
      this.add(missed.data);
      const last = missed.data.at(-1)?.id;
      if (last) this.catchUp(last, done);
      else done();
    });
  }

  private deliver(entry: { clientId: string; body: string }): void {
    this.socket.emit('chat:send', { roundId: this.roundId, clientId: entry.clientId, body: entry.body }, (reply) => {
      // A refusal of the message itself is final; anything else (the socket was not in the room yet after a
      // reconnect, the server failed) keeps it pending for the next join. Lost acks keep it too.
      if (!reply.ok && !FINAL.has(reply.code)) {
        // Tried again shortly while the room is joined; otherwise with the next join.
        setTimeout(() => {
          if (this.snapshot.joined && this.socket.connected && this.snapshot.pending.some((p) => p.clientId === entry.clientId)) this.deliver(entry);
        }, RETRY_MS);
        return this.update({ error: { code: reply.code, message: reply.message } });
      }
      this.update({
        pending: this.snapshot.pending.filter((p) => p.clientId !== entry.clientId),
        error: reply.ok ? null : { code: reply.code, message: reply.message },
      });
    });
  }

  private queueCall(
    event: 'hand:raise' | 'hand:lower' | 'queue:next' | 'queue:clear',
    payload: { roundId: string; personId?: string; preferNew?: boolean },
  ): void {
    (this.socket.emit as (e: string, p: unknown, ack: (reply: { ok: boolean; data?: QueuePayload; code?: string; message?: string }) => void) => void)(
      event,
      payload,
      (reply) => {
        if (reply.ok && reply.data) this.onQueue(reply.data);
        else this.update({ error: { code: reply.code ?? 'INTERNAL_SERVER_ERROR', message: reply.message ?? '' } });
      },
    );
  }

  private add(messages: ChatMessagePayload[]): void {
    const fresh = messages.filter((m) => m.roundId === this.roundId && !this.ids.has(m.id));
    if (!fresh.length) return;
    for (const m of fresh) this.ids.add(m.id);
    this.update({ messages: [...this.snapshot.messages, ...fresh].sort(byId) });
  }

  private readonly onMessage = (message: ChatMessagePayload): void => this.add([message]);

  private readonly onHidden = ({ roundId, id }: { roundId: string; id: string }): void => {
    if (roundId !== this.roundId) return;
    this.update({ messages: this.snapshot.messages.map((m) => (m.id === id ? { ...m, hidden: true, html: '' } : m)) });
  };

  private readonly onPresence = ({ roundId, people }: { roundId: string; people: RoundPerson[] }): void => {
    if (roundId === this.roundId) this.update({ people });
  };

  private readonly onQueue = (q: QueuePayload): void => {
    if (q.roundId === this.roundId) this.update({ queue: q.queue, speaker: q.speaker });
  };

  private readonly onPoll = ({ roundId, poll }: { roundId: string; poll: RoundPoll }): void => {
    if (roundId !== this.roundId) return;
    const known = this.snapshot.polls.some((p) => p.id === poll.id);
    this.update({ polls: known ? this.snapshot.polls.map((p) => (p.id === poll.id ? poll : p)) : [...this.snapshot.polls, poll] });
  };

  private readonly onChanged = ({ roundId }: { roundId: string }): void => {
    if (roundId === this.roundId) this.changed();
  };

  private readonly onClosed = ({ roundId, protocolId }: { roundId: string; protocolId: string | null }): void => {
    if (roundId !== this.roundId) return;
    this.update({ closed: true, protocolId, joined: false, pending: [] });
    this.changed();
  };

  private readonly onDisconnect = (): void => this.update({ joined: false });

  private update(change: Partial<RoomSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}
