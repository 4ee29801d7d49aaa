import { Injectable } from '@nestjs/common';
import type { ClientToServerEvents, ServerToClientEvents } from '@verbund/shared';
import type { Server } from 'socket.io';

/** What domains may do to live connections without knowing the gateways; rooms are `user:<id>`. */
@Injectable()
export class RealtimeService {
  private server?: Server<ClientToServerEvents, ServerToClientEvents>;

  attach(server: Server<ClientToServerEvents, ServerToClientEvents>): void {
    this.server = server;
  }

  /** Ends the sockets opened with one session (its logout). */
  disconnectSession(sessionId: string): void {
    this.server?.in(`session:${sessionId}`).disconnectSockets(true);
  }

  /** Ends every open socket of a person, across processes when the Redis adapter is on. */
  disconnectUser(userId: string): void {
    this.server?.in(`user:${userId}`).disconnectSockets(true);
  }
}
