import { Inject, type OnModuleDestroy, UseFilters } from '@nestjs/common';
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
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { badUserInput } from '../errors/app-error.js';
import { type AppServer, type AppSocket, RealtimeService } from './realtime.service.js';
import { SocketRate, SocketRates } from './socket-rate.js';
import { WsAckExceptionFilter } from './ws-ack-exception.filter.js';
import { WsViewer, type WsViewerData } from './ws-viewer.decorator.js';

/** Events a tab sends on its own, without the person doing anything. */
const PASSIVE = new Set(['system:ping', 'doc:awareness']);
/** How often open sockets' sessions are checked for their timeouts. */
const SESSION_CHECK_MS = 60_000;

/** Connection-level events every client gets, whatever feature it uses. */
@WebSocketGateway({ path: SOCKET_PATH, serveClient: false })
@UseFilters(WsAckExceptionFilter)
export class SystemGateway implements OnGatewayConnection, OnGatewayInit, OnModuleDestroy {
  @WebSocketServer()
  server!: AppServer;
  private sessionCheck?: NodeJS.Timeout;
  private lastCheck = Date.now();
  /** Events per second, per person (README: `SOCKET_EVENTS_PER_SECOND`). */
  readonly rates: SocketRates;

  constructor(
    private readonly sessions: SessionsService,
    private readonly realtime: RealtimeService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.rates = new SocketRates(config.socketEventsPerSecond);
  }

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
    this.sessionCheck = setInterval(() => void this.checkSessions().catch(() => undefined), SESSION_CHECK_MS);
    this.sessionCheck.unref();
  }

  /**
   * A session that timed out (idle or absolute) ends its sockets on this process too, as a logout does: otherwise
   * an open tab would go on receiving a group's drafts and rooms long after its session ended.
   */
  async checkSessions(): Promise<void> {
    const since = this.lastCheck;
    this.lastCheck = Date.now();
    const sessions = new Set<string>();
    const used = new Set<string>();
    for (const socket of this.server.sockets.sockets.values()) {
      const { sessionId, activeAt } = socket.data;
      if (!sessionId) continue;
      sessions.add(sessionId);
      if (activeAt !== undefined && activeAt >= since) used.add(sessionId);
    }
    const valid = await this.sessions.stillValid([...sessions], used);
    for (const sessionId of sessions) if (!valid.has(sessionId)) this.server.local.in(`session:${sessionId}`).disconnectSockets(true);
  }

  onModuleDestroy(): void {
    clearInterval(this.sessionCheck);
  }

  handleConnection(client: AppSocket) {
    const { rate, release } = this.rates.connect(client.data.userId);
    // Pings and cursors have a bucket per connection: each tab answers another person's arriving cursor with its own,
    // which must not use up what the person may type.
    const passiveRate = new SocketRate(this.rates.perSecond);
    client.on('disconnecting', () => void this.realtime.leaveAll(client));
    client.on('disconnect', release);
    client.use((packet, next) => {
      // What a person does counts as use of the session; pings and cursor heartbeats (every 15 s) do not.
      const passive = PASSIVE.has(packet[0] as string);
      if (!passive) client.data.activeAt = Date.now();
      if ((passive ? passiveRate : rate).take()) return next();
      // Dropped: answered through its acknowledgement, like any refused event.
      const ack = packet[packet.length - 1] as unknown;
      if (typeof ack === 'function')
        ack({ ok: false, code: 'TOO_MANY_REQUESTS', message: 'Bitte etwas langsamer: zu viele Nachrichten auf einmal.' } satisfies Ack<never>);
    });
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
