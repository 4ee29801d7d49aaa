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

/** Acknowledgement of a client event: either the result or a stable error code. */
export type Ack<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

export interface ServerToClientEvents {
  'system:welcome': (payload: WelcomePayload) => void;
}

export interface ClientToServerEvents {
  'system:ping': (payload: PingPayload, ack: (reply: Ack<PongPayload>) => void) => void;
}
