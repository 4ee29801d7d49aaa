import { UseFilters } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { type Ack, type PingPayload, type PongPayload, SOCKET_PATH } from '@verbund/shared';
import { SessionsService } from '../../accounts/sessions.service.js';
import { Access } from '../access/access.decorator.js';
import { badUserInput } from '../errors/app-error.js';
import { type AppServer, type AppSocket, RealtimeService } from './realtime.service.js';
import { WsAckExceptionFilter } from './ws-ack-exception.filter.js';
import { WsViewer, type WsViewerData } from './ws-viewer.decorator.js';

/** Connection-level events every client gets, whatever feature it uses. */
@WebSocketGateway({ path: SOCKET_PATH, serveClient: false })
@UseFilters(WsAckExceptionFilter)
export class SystemGateway implements OnGatewayConnection, OnGatewayInit {
  @WebSocketServer()
  server!: AppServer;

  constructor(
    private readonly sessions: SessionsService,
    private readonly realtime: RealtimeService,
  ) {}

  /**
   * The handshake is checked in socket.io middleware, which socket.io awaits before the connection exists: no
   * event of the socket reaches a handler before its session is known. A live session joins `user:<id>`.
   */
  afterInit(server: AppServer) {
    this.realtime.attach(server);
    server.use((socket: AppSocket, next) => {
      this.sessions
        .fromCookieHeader(socket.handshake.headers.cookie)
        .catch(() => null)
        .then(async (viewer) => {
          if (viewer) {
            socket.data.userId = viewer.user.id;
            socket.data.platformRole = viewer.user.platformRole;
            socket.data.sessionId = viewer.sessionId;
            await socket.join([`user:${viewer.user.id}`, `session:${viewer.sessionId}`]);
          }
          next();
        })
        .catch((error: unknown) => next(error instanceof Error ? error : new Error(String(error))));
    });
  }

  handleConnection(client: AppSocket) {
    client.on('disconnecting', () => void this.realtime.leaveAll(client));
    client.emit('system:welcome', { serverTime: new Date().toISOString(), authenticated: Boolean(client.data.userId) });
  }

  @SubscribeMessage('system:ping')
  @Access('PUBLIC')
  ping(@MessageBody() payload: PingPayload): Ack<PongPayload> {
    if (typeof payload?.sentAt !== 'string') throw badUserInput('sentAt fehlt.');
    return { ok: true, data: { sentAt: payload.sentAt, receivedAt: new Date().toISOString() } };
  }

  @SubscribeMessage('room:join')
  @Access('AUTHENTICATED')
  async joinRoom(@ConnectedSocket() client: AppSocket, @WsViewer() viewer: WsViewerData, @MessageBody() payload: { room?: unknown }) {
    return { ok: true, data: await this.realtime.join(client, viewer.userId, String(payload?.room ?? '')) };
  }

  @SubscribeMessage('room:leave')
  @Access('AUTHENTICATED')
  async leaveRoom(@ConnectedSocket() client: AppSocket, @MessageBody() payload: { room?: unknown }) {
    const room = String(payload?.room ?? '');
    await this.realtime.leave(client, room);
    return { ok: true, data: { room } };
  }
}
