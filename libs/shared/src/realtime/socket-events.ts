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
 * Shared Yjs documents, addressed by the room they belong to and an id within it: each section of a concept
 * (room `concept:<id>`, doc = the section's id) and the shared notes of a round's date (room `round:<id>`, doc =
 * the date's id). `message` is a y-protocols sync message (step 1, step 2 or update); binary arrives as a Node
 * `Buffer` on the server and an `ArrayBuffer` in browsers.
 */
export interface DocMessage {
  room: RoomName;
  docId: string;
  message: Uint8Array | ArrayBuffer;
}

/** The answer to sync step 1: the server's step 2 (what the client lacks) and its own step 1 (to learn what it lacks). */
export interface DocSyncReply {
  update: Uint8Array | ArrayBuffer;
  stateVector: Uint8Array | ArrayBuffer;
}

/** Cursors and names in a document (a y-protocols awareness update), or the clients whose connection ended. */
export interface DocAwarenessPayload {
  room: RoomName;
  docId: string;
  update?: Uint8Array | ArrayBuffer;
  gone?: number[];
}

/** Someone in a round's live room, with where they work (for grouping by municipality and organisation). */
export interface RoundPerson {
  id: string;
  name: string;
  organizations: { name: string; municipality: string }[];
}

export interface RoundPresencePayload {
  roundId: string;
  people: RoundPerson[];
}

/** A chat message as everyone sees it: Markdown rendered and sanitised on the server; hidden ones keep their place. */
export interface ChatMessagePayload {
  roundId: string;
  id: string;
  authorId: string | null;
  authorName: string;
  clientId: string;
  html: string;
  createdAt: string;
  hidden: boolean;
}

/** The speaking list: hands in the order the server received them, and who speaks now. */
export interface QueuePayload {
  roundId: string;
  queue: string[];
  speaker: string | null;
}

export interface RoundPoll {
  id: string;
  question: string;
  options: string[];
  multiple: boolean;
  anonymous: boolean;
  open: boolean;
  counts: number[];
  /** Named polls: who chose each option. */
  voters: string[][];
}

export interface PollPayload {
  roundId: string;
  poll: RoundPoll;
}

export interface RoundRoomState {
  people: RoundPerson[];
  messages: ChatMessagePayload[];
  queue: QueuePayload;
  polls: RoundPoll[];
}

export interface RoundRequest {
  roundId: string;
}

export interface ChatSend {
  roundId: string;
  /** Chosen by the client once per message: a resend with the same id is stored and shown once. */
  clientId: string;
  body: string;
}

/** chat:send is answered with the stored message's id, or a stable error code. */
export type ChatAck = { ok: true; message: { id: string; createdAt: string } } | { ok: false; code: string; message: string };

/** Acknowledgement of a client event: either the result or a stable error code. */
export type Ack<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

export interface ServerToClientEvents {
  'system:welcome': (payload: WelcomePayload) => void;
  'room:presence': (payload: PresencePayload) => void;
  'notification:new': (payload: NotificationPayload) => void;
  /** Events may have been missed (the server lost its event feed for a while): catch up from the server. */
  'system:resync': () => void;
  'doc:message': (payload: DocMessage) => void;
  'doc:awareness': (payload: DocAwarenessPayload) => void;
  'chat:message': (payload: ChatMessagePayload) => void;
  'chat:hidden': (payload: { roundId: string; id: string }) => void;
  'presence:update': (payload: RoundPresencePayload) => void;
  'queue:update': (payload: QueuePayload) => void;
  'poll:update': (payload: PollPayload) => void;
  /** Action items, the agenda or the room's state changed: fetch the room again. */
  'room:changed': (payload: RoundRequest) => void;
  'room:closed': (payload: { roundId: string; protocolId: string | null }) => void;
}

export interface ClientToServerEvents {
  'system:ping': (payload: PingPayload, ack: (reply: Ack<PongPayload>) => void) => void;
  'room:join': (payload: RoomRequest, ack: (reply: Ack<PresencePayload>) => void) => void;
  'room:leave': (payload: RoomRequest, ack: (reply: Ack<{ room: RoomName }>) => void) => void;
  'doc:sync': (payload: DocMessage, ack: (reply: Ack<DocSyncReply>) => void) => void;
  'doc:update': (payload: DocMessage, ack: (reply: Ack<{ stored: true }>) => void) => void;
  'doc:awareness': (payload: DocAwarenessPayload, ack?: (reply: Ack<{ sent: true }>) => void) => void;
  'round:join': (payload: RoundRequest, ack: (reply: Ack<RoundRoomState>) => void) => void;
  'round:leave': (payload: RoundRequest, ack: (reply: Ack<RoundRequest>) => void) => void;
  'chat:send': (payload: ChatSend, ack: (reply: ChatAck) => void) => void;
  'chat:sync': (payload: { roundId: string; afterId: string | null }, ack: (reply: Ack<ChatMessagePayload[]>) => void) => void;
  'hand:raise': (payload: RoundRequest, ack: (reply: Ack<QueuePayload>) => void) => void;
  /** Lowers one's own hand; moderators may name someone else's (`personId`) to take them off the list. */
  'hand:lower': (payload: RoundRequest & { personId?: string }, ack: (reply: Ack<QueuePayload>) => void) => void;
  /** Moderators: the next speaker, optionally preferring people who have not spoken yet. */
  'queue:next': (payload: RoundRequest & { preferNew?: boolean }, ack: (reply: Ack<QueuePayload>) => void) => void;
  'queue:clear': (payload: RoundRequest, ack: (reply: Ack<QueuePayload>) => void) => void;
}

/** The events the server may send after a transaction commits (`emitAfterCommit`), with their payloads. */
export type ServerEventName = keyof ServerToClientEvents;
export type ServerEventPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];
