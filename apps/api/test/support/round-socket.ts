import { type ClientToServerEvents, type ServerToClientEvents, SOCKET_PATH } from '@verbund/shared';
import { io, type Socket } from 'socket.io-client';

export type RoundClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A signed-in socket.io client, connected (websocket only, quick reconnects). */
export async function connect(url: string, cookie: string | undefined): Promise<RoundClient> {
  const socket: RoundClient = io(url, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    reconnectionDelay: 100,
    reconnectionDelayMax: 300,
    extraHeaders: cookie ? { cookie } : {},
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

type AckOf<E extends keyof ClientToServerEvents> = ClientToServerEvents[E] extends (payload: never, ack: (reply: infer R) => void) => void ? R : never;

/** Emits a client event and resolves with its acknowledgement. */
export function call<E extends keyof ClientToServerEvents>(socket: RoundClient, event: E, payload: Parameters<ClientToServerEvents[E]>[0]): Promise<AckOf<E>> {
  return new Promise((resolve) => (socket.emit as (e: string, p: unknown, ack: (reply: never) => void) => void)(event, payload, resolve));
}
