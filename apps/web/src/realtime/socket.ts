import { type ClientToServerEvents, type ServerToClientEvents, SOCKET_PATH } from '@verbund/shared';
import { io, type Socket } from 'socket.io-client';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: AppSocket | undefined;

/** One socket per tab, on the same origin and session as the GraphQL requests. */
export function getSocket(): AppSocket {
  socket ??= io({ path: SOCKET_PATH, withCredentials: true, transports: ['websocket', 'polling'] });
  return socket;
}
