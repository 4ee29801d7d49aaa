import { UseFilters } from '@nestjs/common';
import { MessageBody, type OnGatewayConnection, type OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { type Ack, type ClientToServerEvents, type PingPayload, type PongPayload, type ServerToClientEvents, SOCKET_PATH } from '@verbund/shared';
import type { Server, Socket } from 'socket.io';
import { SessionsService } from '../../accounts/sessions.service.js';
import { Access } from '../access/access.decorator.js';
import { badUserInput } from '../errors/app-error.js';
import { RealtimeService } from './realtime.service.js';
import { WsAckExceptionFilter } from './ws-ack-exception.filter.js';

type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { userId?: string; platformRole?: string }>;

/** Connection-level events every client gets, whatever feature it uses. */
@WebSocketGateway({ path: SOCKET_PATH, serveClient: false })
@UseFilters(WsAckExceptionFilter)
export class SystemGateway implements OnGatewayConnection, OnGatewayInit {
  @WebSocketServer()
  server!: Server<ClientToServerEvents, ServerToClientEvents>;

  constructor(
    private readonly sessions: SessionsService,
    private readonly realtime: RealtimeService,
  ) {}

  afterInit(server: Server<ClientToServerEvents, ServerToClientEvents>) {
    this.realtime.attach(server);
  }

  /** The handshake carries the session cookie: a live session joins the person's room `user:<id>`. */
  async handleConnection(client: AppSocket) {
    const viewer = await this.sessions.fromCookieHeader(client.handshake.headers.cookie).catch(() => null);
    if (viewer) {
      client.data.userId = viewer.user.id;
      client.data.platformRole = viewer.user.platformRole;
      await client.join([`user:${viewer.user.id}`, `session:${viewer.sessionId}`]);
    }
    client.emit('system:welcome', { serverTime: new Date().toISOString(), authenticated: Boolean(viewer) });
  }

  @SubscribeMessage('system:ping')
  @Access('PUBLIC')
  ping(@MessageBody() payload: PingPayload): Ack<PongPayload> {
    if (typeof payload?.sentAt !== 'string') throw badUserInput('sentAt fehlt.');
    return { ok: true, data: { sentAt: payload.sentAt, receivedAt: new Date().toISOString() } };
  }
}
