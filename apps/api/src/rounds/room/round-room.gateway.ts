import { UseFilters } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { type Ack, type ChatAck, type ChatMessagePayload, type QueuePayload, type RoundRequest, type RoundRoomState, SOCKET_PATH } from '@verbund/shared';
import { Access } from '../../core/access/access.decorator.js';
import { badUserInput, forbidden } from '../../core/errors/app-error.js';
import type { AppSocket } from '../../core/realtime/realtime.service.js';
import { WsAckExceptionFilter } from '../../core/realtime/ws-ack-exception.filter.js';
import { WsViewer, type WsViewerData } from '../../core/realtime/ws-viewer.decorator.js';
import { isUuid } from '../../core/validation/ids.js';
import { RoundChat } from './round-chat.js';
import { RoundPolls } from './round-polls.js';
import { RoundPresence } from './round-presence.js';
import { RoundRoomAccess } from './round-room-access.js';
import { RoundSpeakers } from './round-speakers.js';
import { roomName } from './room-state.js';

/**
 * The live room's socket events. Every event names its round and is checked on the server: the socket must have
 * joined the room, and its person must still take part (or moderate, for the moderators' events).
 */
@WebSocketGateway({ path: SOCKET_PATH, serveClient: false })
@UseFilters(WsAckExceptionFilter)
export class RoundRoomGateway {
  constructor(
    private readonly access: RoundRoomAccess,
    private readonly presence: RoundPresence,
    private readonly chat: RoundChat,
    private readonly speakers: RoundSpeakers,
    private readonly polls: RoundPolls,
  ) {}

  @SubscribeMessage('round:join')
  @Access('AUTHENTICATED')
  async join(@ConnectedSocket() socket: AppSocket, @WsViewer() viewer: WsViewerData, @MessageBody() payload: RoundRequest): Promise<Ack<RoundRoomState>> {
    const roundId = this.roundId(payload);
    await this.access.participant(viewer.userId, roundId);
    const people = await this.presence.enter(socket, viewer.userId, roundId);
    const [messages, queue, polls] = await Promise.all([this.chat.latest(roundId, 100), this.speakers.state(roundId), this.polls.list(roundId, true)]);
    return { ok: true, data: { people, messages, queue, polls } };
  }

  @SubscribeMessage('round:leave')
  @Access('AUTHENTICATED')
  async leave(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: RoundRequest): Promise<Ack<RoundRequest>> {
    const roundId = this.roundId(payload);
    await this.presence.exit(socket, roundId);
    return { ok: true, data: { roundId } };
  }

  @SubscribeMessage('chat:send')
  @Access('AUTHENTICATED')
  async send(
    @ConnectedSocket() socket: AppSocket,
    @WsViewer() viewer: WsViewerData,
    @MessageBody() payload: { roundId?: unknown; clientId?: unknown; body?: unknown },
  ): Promise<ChatAck> {
    const roundId = await this.inRoom(socket, viewer, payload);
    const message = await this.chat.send(viewer.userId, roundId, payload.clientId, payload.body);
    return { ok: true, message: { id: message.id, createdAt: message.createdAt } };
  }

  @SubscribeMessage('chat:sync')
  @Access('AUTHENTICATED')
  async sync(
    @ConnectedSocket() socket: AppSocket,
    @WsViewer() viewer: WsViewerData,
    @MessageBody() payload: { roundId?: unknown; afterId?: unknown },
  ): Promise<Ack<ChatMessagePayload[]>> {
    const roundId = await this.inRoom(socket, viewer, payload);
    return { ok: true, data: await this.chat.since(roundId, payload.afterId) };
  }

  @SubscribeMessage('hand:raise')
  @Access('AUTHENTICATED')
  async raise(@ConnectedSocket() socket: AppSocket, @WsViewer() viewer: WsViewerData, @MessageBody() payload: RoundRequest): Promise<Ack<QueuePayload>> {
    const roundId = await this.inRoom(socket, viewer, payload);
    return { ok: true, data: await this.speakers.raise(roundId, viewer.userId) };
  }

  @SubscribeMessage('hand:lower')
  @Access('AUTHENTICATED')
  async lower(
    @ConnectedSocket() socket: AppSocket,
    @WsViewer() viewer: WsViewerData,
    @MessageBody() payload: RoundRequest & { personId?: unknown },
  ): Promise<Ack<QueuePayload>> {
    const other = payload?.personId !== undefined && payload.personId !== viewer.userId;
    const roundId = await this.inRoom(socket, viewer, payload, other);
    if (other && !isUuid(String(payload.personId))) throw badUserInput('Unbekannte Person.', { field: 'personId' });
    return { ok: true, data: await this.speakers.lower(roundId, other ? String(payload.personId) : viewer.userId) };
  }

  @SubscribeMessage('queue:next')
  @Access('AUTHENTICATED')
  async next(
    @ConnectedSocket() socket: AppSocket,
    @WsViewer() viewer: WsViewerData,
    @MessageBody() payload: RoundRequest & { preferNew?: unknown },
  ): Promise<Ack<QueuePayload>> {
    const roundId = await this.inRoom(socket, viewer, payload, true);
    return { ok: true, data: await this.speakers.next(roundId, payload.preferNew === true) };
  }

  @SubscribeMessage('queue:clear')
  @Access('AUTHENTICATED')
  async clear(@ConnectedSocket() socket: AppSocket, @WsViewer() viewer: WsViewerData, @MessageBody() payload: RoundRequest): Promise<Ack<QueuePayload>> {
    const roundId = await this.inRoom(socket, viewer, payload, true);
    return { ok: true, data: await this.speakers.clear(roundId) };
  }

  private roundId(payload: { roundId?: unknown } | undefined): string {
    const roundId = String(payload?.roundId ?? '');
    if (!isUuid(roundId)) throw badUserInput('Unbekannter Termin.', { field: 'roundId' });
    return roundId;
  }

  private async inRoom(socket: AppSocket, viewer: WsViewerData, payload: { roundId?: unknown } | undefined, moderatorOnly = false): Promise<string> {
    const roundId = this.roundId(payload);
    if (!socket.rooms.has(roomName(roundId))) throw forbidden('Treten Sie zuerst dem Raum bei.');
    await this.access.mayTakePart(viewer.userId, roundId, moderatorOnly);
    return roundId;
  }
}
