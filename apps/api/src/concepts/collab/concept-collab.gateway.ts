import { UseFilters } from '@nestjs/common';
import { ConnectedSocket, MessageBody, type OnGatewayDisconnect, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { type Ack, type SectionAwarenessPayload, type SectionDocMessage, type SectionDocSyncReply, SOCKET_PATH } from '@verbund/shared';
import { Access } from '../../core/access/access.decorator.js';
import type { AppSocket } from '../../core/realtime/realtime.service.js';
import { WsAckExceptionFilter } from '../../core/realtime/ws-ack-exception.filter.js';
import { WsViewer, type WsViewerData } from '../../core/realtime/ws-viewer.decorator.js';
import { ConceptCollab } from './concept-collab.service.js';

/** The shared editor's events; who may send them for which section is decided in ConceptCollab. */
@WebSocketGateway({ path: SOCKET_PATH, serveClient: false })
@UseFilters(WsAckExceptionFilter)
export class ConceptCollabGateway implements OnGatewayDisconnect {
  constructor(private readonly collab: ConceptCollab) {}

  @SubscribeMessage('concept:sync')
  @Access('AUTHENTICATED')
  async sync(
    @ConnectedSocket() socket: AppSocket,
    @WsViewer() viewer: WsViewerData,
    @MessageBody() payload: SectionDocMessage,
  ): Promise<Ack<SectionDocSyncReply>> {
    return { ok: true, data: await this.collab.sync(socket, viewer.userId, payload) };
  }

  @SubscribeMessage('concept:update')
  @Access('AUTHENTICATED')
  async update(
    @ConnectedSocket() socket: AppSocket,
    @WsViewer() viewer: WsViewerData,
    @MessageBody() payload: SectionDocMessage,
  ): Promise<Ack<{ stored: true }>> {
    await this.collab.update(socket, viewer.userId, payload);
    return { ok: true, data: { stored: true } };
  }

  @SubscribeMessage('concept:awareness')
  @Access('AUTHENTICATED')
  async awareness(
    @ConnectedSocket() socket: AppSocket,
    @WsViewer() viewer: WsViewerData,
    @MessageBody() payload: SectionAwarenessPayload,
  ): Promise<Ack<{ sent: true }>> {
    await this.collab.awareness(socket, viewer.userId, payload);
    return { ok: true, data: { sent: true } };
  }

  handleDisconnect(socket: AppSocket): void {
    void this.collab.disconnected(socket);
  }
}
