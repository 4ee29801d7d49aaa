import type { ClientToServerEvents, ServerToClientEvents } from '../realtime/socket-events.js';

type Listener<E extends keyof ServerToClientEvents> = ServerToClientEvents[E];

/**
 * The part of a socket.io client socket the shared editor uses; the browser's socket and the one of tests and
 * benchmarks both fit.
 */
export interface CollabSocket {
  readonly connected: boolean;
  emit<E extends keyof ClientToServerEvents>(event: E, ...args: Parameters<ClientToServerEvents[E]>): unknown;
  on<E extends keyof ServerToClientEvents>(event: E, listener: Listener<E>): unknown;
  on(event: 'connect' | 'disconnect', listener: () => void): unknown;
  off<E extends keyof ServerToClientEvents>(event: E, listener: Listener<E>): unknown;
  off(event: 'connect' | 'disconnect', listener: () => void): unknown;
}
