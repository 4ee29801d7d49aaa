import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { unauthenticated } from '../errors/app-error.js';
import type { SocketData } from './realtime.service.js';

export interface WsViewerData {
  userId: string;
  platformRole: string;
  sessionId: string;
}

/** The person behind a socket event, as the handshake established it; for handlers declared AUTHENTICATED. */
export const WsViewer = createParamDecorator((_: unknown, context: ExecutionContext): WsViewerData => {
  const data = context.switchToWs().getClient<{ data: SocketData }>().data;
  if (!data.userId) throw unauthenticated();
  return { userId: data.userId, platformRole: data.platformRole ?? 'USER', sessionId: data.sessionId ?? '' };
});
