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

/**
 * After signing in in this tab: the socket was opened without the session (the sign-in page has one too), and its
 * rooms are decided at the handshake, so it connects anew with the session cookie.
 */
export async function renewSocketSession(): Promise<void> {
  if (socket) (await socket).disconnect().connect();
}
