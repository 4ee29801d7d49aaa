import { UseFilters } from '@nestjs/common';
import { ConnectedSocket, MessageBody, type OnGatewayDisconnect, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { type Ack, type DocAwarenessPayload, type DocMessage, type DocSyncReply, SOCKET_PATH } from '@verbund/shared';
import { Access } from '../access/access.decorator.js';
import type { AppSocket } from '../realtime/realtime.service.js';
import { WsAckExceptionFilter } from '../realtime/ws-ack-exception.filter.js';
import { WsViewer, type WsViewerData } from '../realtime/ws-viewer.decorator.js';
import { SharedDocs } from './shared-docs.service.js';

/** The shared documents' events; who may send them for which document is decided by the room's kind in SharedDocs. */
@WebSocketGateway({ path: SOCKET_PATH, serveClient: false })
@UseFilters(WsAckExceptionFilter)
export class SharedDocsGateway implements OnGatewayDisconnect {
  constructor(private readonly docs: SharedDocs) {}

  @SubscribeMessage('doc:sync')
  @Access('AUTHENTICATED')
  async sync(@ConnectedSocket() socket: AppSocket, @WsViewer() viewer: WsViewerData, @MessageBody() payload: DocMessage): Promise<Ack<DocSyncReply>> {
    return { ok: true, data: await this.docs.sync(socket, viewer.userId, payload) };
  }

  @SubscribeMessage('doc:update')
  @Access('AUTHENTICATED')
  async update(@ConnectedSocket() socket: AppSocket, @WsViewer() viewer: WsViewerData, @MessageBody() payload: DocMessage): Promise<Ack<{ stored: true }>> {
    await this.docs.update(socket, viewer.userId, payload);
    return { ok: true, data: { stored: true } };
  }

  @SubscribeMessage('doc:awareness')
  @Access('AUTHENTICATED')
  async awareness(
    @ConnectedSocket() socket: AppSocket,
    @WsViewer() viewer: WsViewerData,
    @MessageBody() payload: DocAwarenessPayload,
  ): Promise<Ack<{ sent: true }>> {
    await this.docs.awareness(socket, viewer.userId, payload);
    return { ok: true, data: { sent: true } };
  }

  handleDisconnect(socket: AppSocket): void {
    void this.docs.disconnected(socket);
  }
}
