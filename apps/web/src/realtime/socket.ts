import { type ClientToServerEvents, type ServerToClientEvents, SOCKET_PATH } from '@verbund/shared';
import type { Socket } from 'socket.io-client';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: Promise<AppSocket> | undefined;

/**
 * One socket per tab, on the same origin and session as the GraphQL requests. The client library is its own
 * chunk, loaded after the first render: no page needs it to show.
 */
export function getSocket(): Promise<AppSocket> {
  socket ??= import('socket.io-client').then(({ io }) => io({ path: SOCKET_PATH, withCredentials: true, transports: ['websocket', 'polling'] }));
  return socket;
}

/** Whom the tab's socket is connected for, as far as the page knows (null: not known yet). */
let sessionOf: string | undefined | null = null;

/**
 * The server puts a socket into the person's rooms at its handshake, from the session cookie: when the signed-in
 * person changes (sign-in, sign-out; sign-out also ends the old socket), the socket connects anew. The frame calls
 * this with whoever the server says is signed in.
 */
export function followSession(viewerId: string | undefined): void {
  if (sessionOf !== null && sessionOf !== viewerId) void getSocket().then((s) => s.disconnect().connect());
  sessionOf = viewerId;
}

/**
 * After signing in in this tab. A socket opened before (the sign-in page has one) carries no session, and the frame
 * may learn who is signed in only later (it arrives with Apollo).
 */
export function signedInAs(viewerId: string): void {
  if (socket && sessionOf !== viewerId) void socket.then((s) => s.disconnect().connect());
  sessionOf = viewerId;
}
