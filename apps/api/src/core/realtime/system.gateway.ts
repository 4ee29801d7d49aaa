import { UseFilters } from '@nestjs/common';
import {
  MessageBody,
  type OnGatewayConnection,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import {
  type Ack,
  type ClientToServerEvents,
  type PingPayload,
  type PongPayload,
  type ServerToClientEvents,
  SOCKET_PATH,
} from '@verbund/shared';
import type { Server, Socket } from 'socket.io';
import { Access } from '../access/access.decorator.js';
import { badUserInput } from '../errors/app-error.js';
import { WsAckExceptionFilter } from './ws-ack-exception.filter.js';

type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** Connection-level events every client gets, whatever feature it uses. */
@WebSocketGateway({ path: SOCKET_PATH, serveClient: false })
@UseFilters(WsAckExceptionFilter)
export class SystemGateway implements OnGatewayConnection {
  @WebSocketServer()
  server!: Server<ClientToServerEvents, ServerToClientEvents>;

  handleConnection(client: AppSocket) {
    client.emit('system:welcome', { serverTime: new Date().toISOString(), authenticated: false });
  }

  @SubscribeMessage('system:ping')
  @Access('PUBLIC')
  ping(@MessageBody() payload: PingPayload): Ack<PongPayload> {
    if (typeof payload?.sentAt !== 'string') throw badUserInput('sentAt fehlt.');
    return { ok: true, data: { sentAt: payload.sentAt, receivedAt: new Date().toISOString() } };
  }
}
