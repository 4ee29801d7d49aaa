/**
 * The one map of socket.io events and their payloads, used by the API gateways and the web client alike.
 * Rooms are named after what they carry (`user:<id>`, `round:<id>`, `group:<id>`).
 */
export const SOCKET_PATH = '/socket.io';

export interface WelcomePayload {
  /** Server time at connection, ISO 8601. */
  serverTime: string;
  /** Whether the handshake carried a valid session. */
  authenticated: boolean;
}

export interface PingPayload {
  sentAt: string;
}

export interface PongPayload {
  sentAt: string;
  receivedAt: string;
}

/** A room a client may ask to join; the server asks the owning domain whether this person may. */
export type RoomName = `group:${string}` | `round:${string}` | `concept:${string}`;

export interface RoomRequest {
  room: RoomName;
}

/** Who is in a room now: each person once, however many tabs they have open. */
export interface PresencePayload {
  room: RoomName;
  userIds: string[];
}

/** A new notification for the person (room `user:<id>`), already in their language. */
export interface NotificationPayload {
  id: string;
  kind: string;
  text: string;
  link: string;
  createdAt: string;
  unreadCount: number;
}

/**
 * The shared editor: every section of a concept is its own Yjs document. `message` is a y-protocols sync message
 * (step 1, step 2 or update); binary arrives as a Node `Buffer` on the server and an `ArrayBuffer` in browsers.
 */
export interface SectionDocMessage {
  conceptId: string;
  sectionId: string;
  message: Uint8Array | ArrayBuffer;
}

/** The answer to sync step 1: the server's step 2 (what the client lacks) and its own step 1 (to learn what it lacks). */
export interface SectionDocSyncReply {
  update: Uint8Array | ArrayBuffer;
  stateVector: Uint8Array | ArrayBuffer;
}

/** Cursors and names in a section (a y-protocols awareness update), or the clients whose connection ended. */
export interface SectionAwarenessPayload {
  conceptId: string;
  sectionId: string;
  update?: Uint8Array | ArrayBuffer;
  gone?: number[];
}

/** Acknowledgement of a client event: either the result or a stable error code. */
export type Ack<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

export interface ServerToClientEvents {
  'system:welcome': (payload: WelcomePayload) => void;
  'room:presence': (payload: PresencePayload) => void;
  'notification:new': (payload: NotificationPayload) => void;
  /** Events may have been missed (the server lost its event feed for a while): catch up from the server. */
  'system:resync': () => void;
  'concept:doc': (payload: SectionDocMessage) => void;
  'concept:awareness': (payload: SectionAwarenessPayload) => void;
}

export interface ClientToServerEvents {
  'system:ping': (payload: PingPayload, ack: (reply: Ack<PongPayload>) => void) => void;
  'room:join': (payload: RoomRequest, ack: (reply: Ack<PresencePayload>) => void) => void;
  'room:leave': (payload: RoomRequest, ack: (reply: Ack<{ room: RoomName }>) => void) => void;
  'concept:sync': (payload: SectionDocMessage, ack: (reply: Ack<SectionDocSyncReply>) => void) => void;
  'concept:update': (payload: SectionDocMessage, ack: (reply: Ack<{ stored: true }>) => void) => void;
  'concept:awareness': (payload: SectionAwarenessPayload, ack?: (reply: Ack<{ sent: true }>) => void) => void;
}

/** The events the server may send after a transaction commits (`emitAfterCommit`), with their payloads. */
export type ServerEventName = keyof ServerToClientEvents;
export type ServerEventPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];
