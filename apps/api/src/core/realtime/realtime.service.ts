import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { ClientToServerEvents, PresencePayload, RoomName, ServerEventName, ServerEventPayload, ServerToClientEvents } from '@verbund/shared';
import pg from 'pg';
import type { Server, Socket } from 'socket.io';
import type { Prisma } from '../../generated/prisma/client.js';
import { DATABASE_URL } from '../database/database.module.js';
import { badUserInput, forbidden } from '../errors/app-error.js';
import { SHARED_STORE, type SharedStore } from './shared-store.js';

const CHANNEL = 'verbund_realtime';
/** PostgreSQL refuses NOTIFY payloads from 8000 bytes on: events carry ids and short texts, never documents. */
const MAX_PAYLOAD_BYTES = 7_900;
/** Presence changes within this span go out as one list: a round's start brings hundreds of arrivals at once. */
const PRESENCE_COALESCE_MS = 250;
const ROOM = /^(group|round|concept):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export type RoomKind = 'group' | 'round' | 'concept';
/** Decides whether a person may be in a room of its domain: true to let them in. */
export type RoomAuthorizer = (userId: string, id: string) => Promise<boolean>;
export interface SocketData {
  userId?: string;
  platformRole?: string;
  sessionId?: string;
  /** When the socket last sent an event: what keeps its session from timing out while HTTP is quiet. */
  activeAt?: number;
}
/** A domain's own message between processes (`publish`), handled on every process by what it `subscribe`d. */
export type TopicHandler = (data: never) => void;
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * What domains may do to live connections without knowing the gateways. Rooms are `user:<id>` (joined at the
 * handshake) and `<kind>:<id>`, joined on request when the owning domain's authoriser agrees. Events leave after
 * the transaction that caused them commits: they travel as PostgreSQL NOTIFY, which the database delivers only
 * on commit, to every API process, and each process hands them to its own sockets.
 */
@Injectable()
export class RealtimeService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Realtime');
  private server?: AppServer;
  private readonly authorizers = new Map<RoomKind, RoomAuthorizer>();
  private readonly topics = new Map<string, TopicHandler>();
  private readonly leftHandlers = new Map<RoomKind, (id: string) => Promise<void>>();
  private lost = false;
  private listener?: pg.Client;
  private reconnect?: NodeJS.Timeout;
  private attempts = 0;
  private stopped = false;
  private readonly presenceDue = new Map<RoomName, NodeJS.Timeout>();

  constructor(
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Inject(SHARED_STORE) private readonly store: SharedStore,
  ) {}

  attach(server: AppServer): void {
    this.server = server;
  }

  /** Each domain says once who may join its rooms. */
  registerRoom(kind: RoomKind, authorize: RoomAuthorizer): void {
    if (this.authorizers.has(kind)) throw new Error(`room kind ${kind} registered twice`);
    this.authorizers.set(kind, authorize);
  }

  /** A domain hears when a socket left one of its rooms (asked to, or its connection ended). */
  onLeft(kind: RoomKind, handler: (id: string) => Promise<void>): void {
    this.leftHandlers.set(kind, handler);
  }

  async join(socket: AppSocket, userId: string, room: string): Promise<PresencePayload> {
    const match = ROOM.exec(room);
    if (!match) throw badUserInput('Unbekannter Raum.', { field: 'room' });
    const authorize = this.authorizers.get(match[1] as RoomKind);
    if (!authorize || !(await authorize(userId, match[2]!))) throw forbidden('Diesen Raum dürfen Sie nicht betreten.');
    await socket.join(room);
    await this.store.enter(room, userId, socket.id);
    return this.announce(room as RoomName);
  }

  async leave(socket: AppSocket, room: string): Promise<void> {
    const match = ROOM.exec(room);
    if (!match) throw badUserInput('Unbekannter Raum.', { field: 'room' });
    await socket.leave(room);
    if (await this.store.leave(room, socket.id)) {
      await this.announce(room as RoomName);
      await this.leftHandlers.get(match[1] as RoomKind)?.(match[2]!);
    }
  }

  /** A closing socket leaves every room it was in. */
  async leaveAll(socket: AppSocket): Promise<void> {
    for (const room of socket.rooms) if (ROOM.test(room)) await this.leave(socket, room).catch(() => undefined);
  }

  /**
   * Tells everyone in the room, on every process, who is there: each arrival and departure would otherwise send
   * the whole list to everyone (500 arrivals, 125,000 lists), so the changes of a quarter second go out as one.
   */
  private async announce(room: RoomName): Promise<PresencePayload> {
    const presence = { room, userIds: await this.store.present(room) };
    if (!this.stopped && !this.presenceDue.has(room)) {
      this.presenceDue.set(
        room,
        setTimeout(() => {
          this.presenceDue.delete(room);
          this.store
            .present(room)
            .then((userIds) => this.server?.to(room).emit('room:presence', { room, userIds }))
            // Shutting down, or the store briefly unreachable: the next change sends the list again.
            .catch(() => undefined);
        }, PRESENCE_COALESCE_MS),
      );
    }
    return presence;
  }

  /**
   * After a person lost access (left a group, was removed from it), each room their sockets are in, on every
   * process, is asked again: a group's concepts and rounds follow the group. Where the authoriser now refuses, the
   * sockets leave, so that nothing more of a private draft or a room reaches them.
   */
  async recheckRooms(userId: string): Promise<void> {
    if (!this.server) return;
    const sockets = await this.server.in(`user:${userId}`).fetchSockets();
    const rooms = new Set(sockets.flatMap((socket) => [...socket.rooms].filter((room) => ROOM.test(room))));
    for (const room of rooms) {
      const [, kind, id] = ROOM.exec(room) as unknown as [string, RoomKind, string];
      const authorize = this.authorizers.get(kind);
      if (authorize && (await authorize(userId, id).catch(() => false))) continue;
      this.server.in(`user:${userId}`).socketsLeave(room);
      let left = false;
      for (const socket of sockets) if (socket.rooms.has(room) && (await this.store.leave(room, socket.id))) left = true;
      if (left) {
        await this.announce(room as RoomName);
        await this.leftHandlers.get(kind)?.(id);
      }
    }
  }

  /**
   * Sends `event` to `room` once `db`'s transaction commits, and never when it rolls back. Outside a transaction
   * (the Prisma client itself) the event leaves at once.
   */
  async emitAfterCommit<E extends ServerEventName>(
    db: Prisma.TransactionClient,
    room: `user:${string}` | RoomName,
    event: E,
    payload: ServerEventPayload<E>,
  ): Promise<void> {
    await db.$executeRaw`SELECT pg_notify(${CHANNEL}, ${this.envelope(room, event, payload)})`;
  }

  /** Many events at once after the commit, in one statement (a notice to everyone in a Land), in the given order. */
  async emitManyAfterCommit<E extends ServerEventName>(
    db: Prisma.TransactionClient,
    events: { room: `user:${string}` | RoomName; event: E; payload: ServerEventPayload<E> }[],
  ): Promise<void> {
    if (!events.length) return;
    const messages = events.map((e) => this.envelope(e.room, e.event, e.payload));
    await db.$executeRaw`SELECT pg_notify(${CHANNEL}, m) FROM unnest(${messages}::text[]) WITH ORDINALITY AS t(m, i) ORDER BY i`;
  }

  /**
   * The NOTIFY text of an event, for a statement that sends it itself (`pg_notify(channel, …)`), completed there
   * with what only the statement knows (a new row's id).
   */
  envelope<E extends ServerEventName>(room: `user:${string}` | RoomName, event: E, payload: ServerEventPayload<E>): string {
    const message = JSON.stringify({ room, event, payload });
    if (Buffer.byteLength(message) > MAX_PAYLOAD_BYTES) throw new Error(`realtime event ${event} is too large for NOTIFY`);
    return message;
  }

  readonly channel = CHANNEL;

  /** A domain receives its `publish`ed messages, on every process, after their transaction commits. */
  subscribe(topic: string, handler: TopicHandler): void {
    if (this.topics.has(topic)) throw new Error(`realtime topic ${topic} subscribed twice`);
    this.topics.set(topic, handler);
  }

  /** Like `emitAfterCommit`, for what the domain hands to its own sockets itself (binary data, leaving out the sender). */
  async publish(db: Prisma.TransactionClient, topic: string, data: unknown): Promise<void> {
    const message = JSON.stringify({ topic, data });
    if (Buffer.byteLength(message) > MAX_PAYLOAD_BYTES) throw new Error(`realtime message on ${topic} is too large for NOTIFY`);
    await db.$executeRaw`SELECT pg_notify(${CHANNEL}, ${message})`;
  }

  /** Hands an event to this process's sockets in `room`, except the socket `except` (usually the sender). */
  emitLocal<E extends ServerEventName>(room: string, event: E, payload: ServerEventPayload<E>, except?: string): void {
    const target = this.server?.local.to(room);
    (except ? target?.except(except) : target)?.emit(event, ...([payload] as Parameters<ServerToClientEvents[E]>));
  }

  /** A NOTIFY payload is at most about 7.9 KB: larger data goes by reference (a row id) instead. */
  get maxPayloadBytes(): number {
    return MAX_PAYLOAD_BYTES - 200;
  }

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'verbund-realtime' });
    client.on('notification', (n) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      const message = JSON.parse(n.payload) as { topic?: string; data?: never; room: string; event: ServerEventName; payload: never };
      if (message.topic) return this.topics.get(message.topic)?.(message.data as never);
      // Every process receives the NOTIFY: each delivers to its own sockets only.
      this.server?.local.to(message.room).emit(message.event, message.payload);
    });
    client.on('error', (error) => {
      if (this.listener !== client) return;
      this.logger.warn(`realtime listener lost its connection: ${error.message}`);
      this.listener = undefined;
      this.lost = true;
      void client.end().catch(() => undefined);
      this.scheduleReconnect();
    });
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.attempts = 0;
      // What was sent while this process was not listening never reached its sockets: they catch up.
      if (this.lost) this.server?.local.emit('system:resync');
      this.lost = false;
    } catch (error) {
      if (this.listener === client) this.listener = undefined;
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  /** Tries again with backoff (1 s doubling to 30 s) until it listens again or the app stops. */
  private scheduleReconnect(): void {
    if (this.stopped || this.reconnect) return;
    const delay = Math.min(30_000, 1000 * 2 ** Math.min(this.attempts++, 5));
    this.reconnect = setTimeout(() => {
      this.reconnect = undefined;
      this.listen().catch((error: unknown) => {
        this.logger.warn(`realtime listener cannot reconnect: ${error instanceof Error ? error.message : String(error)}`);
        this.scheduleReconnect();
      });
    }, delay);
    this.reconnect.unref();
  }

  /** Ends the sockets opened with one session (its logout). */
  disconnectSession(sessionId: string): void {
    this.server?.in(`session:${sessionId}`).disconnectSockets(true);
  }

  /** Ends every open socket of a person, across processes when the Redis adapter is on. */
  disconnectUser(userId: string): void {
    this.server?.in(`user:${userId}`).disconnectSockets(true);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnect);
    for (const timer of this.presenceDue.values()) clearTimeout(timer);
    this.presenceDue.clear();
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.store.close();
  }
}
