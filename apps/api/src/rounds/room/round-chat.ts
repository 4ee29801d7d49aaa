import { Inject, Injectable } from '@nestjs/common';
import pLimit, { type LimitFunction } from 'p-limit';
import type { AppConfig } from '../../core/config/config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import type { ChatMessagePayload } from '@verbund/shared';
import type { Prisma } from '../../generated/prisma/client.js';
import { AuditService } from '../../core/audit/audit.service.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { AppError, badUserInput, forbidden, notFound } from '../../core/errors/app-error.js';
import { renderMarkdown } from '../../core/markdown/markdown.js';
import { RealtimeService } from '../../core/realtime/realtime.service.js';
import type { User } from '../../generated/prisma/client.js';
import { roomName } from './room-state.js';

export const MAX_MESSAGE_CHARS = 2_000;
/** The rendered message must fit a NOTIFY with its envelope. */
const MAX_HTML_BYTES = 6_000;
const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;
const RATE_WINDOW_MS = 10_000;
const REPLAY_MAX = 500;
const NAME_TTL_MS = 60_000;

const MESSAGE_SELECT = {
  id: true,
  roundId: true,
  authorId: true,
  clientId: true,
  html: true,
  createdAt: true,
  hiddenAt: true,
  author: { select: { name: true } },
} as const;
type MessageRow = Prisma.RoundMessageGetPayload<{ select: typeof MESSAGE_SELECT }>;

export const toChatMessage = (m: MessageRow): ChatMessagePayload => ({
  roundId: m.roundId,
  id: m.id.toString(),
  authorId: m.authorId,
  authorName: m.author?.name ?? '',
  clientId: m.clientId,
  html: m.hiddenAt ? '' : m.html,
  createdAt: m.createdAt.toISOString(),
  hidden: Boolean(m.hiddenAt),
});

/**
 * The chat of a round's live room. A message is stored before it is acknowledged and goes out after its commit;
 * the room's lock makes ids commit in order, so the order is the same for everyone and a client that reconnects
 * asks for exactly what came after the last id it saw.
 */
@Injectable()
export class RoundChat {
  private readonly recent = new Map<string, number[]>();
  private readonly names = new Map<string, { name: string; until: number }>();
  /** One write at a time per room in this process: a burst waits here instead of holding every pooled connection. */
  private readonly writers = new Map<string, LimitFunction>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly realtime: RealtimeService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Stores the message once per client id (a resend answers the stored one) and announces it after commit. */
  async send(userId: string, roundId: string, clientId: unknown, body: unknown): Promise<ChatMessagePayload> {
    if (typeof clientId !== 'string' || !CLIENT_ID.test(clientId)) throw badUserInput('Ungültige Nachrichtenkennung.', { field: 'clientId' });
    const markdown = typeof body === 'string' ? body.trim() : '';
    if (!markdown) throw badUserInput('Die Nachricht ist leer.', { field: 'body' });
    if (markdown.length > MAX_MESSAGE_CHARS) throw badUserInput(`Höchstens ${MAX_MESSAGE_CHARS} Zeichen.`, { field: 'body', limit: MAX_MESSAGE_CHARS });
    const { html } = renderMarkdown(markdown);
    if (Buffer.byteLength(html) > MAX_HTML_BYTES) throw badUserInput('Die Nachricht ist zu lang.', { field: 'body', limit: MAX_MESSAGE_CHARS });
    return this.inTurn(roundId, () => this.store(userId, roundId, clientId, markdown, html));
  }

  /**
   * One statement, its own transaction: it takes the room's lock before the insert draws the next id, checks that
   * the room is open, and sends the NOTIFY (delivered on commit, the lock released only then), so ids commit in
   * order. Only a refused insert (a resend, a closed room) costs a further read.
   */
  private async store(userId: string, roundId: string, clientId: string, markdown: string, html: string): Promise<ChatMessagePayload> {
    const stored = async () => {
      const row = await this.prisma.roundMessage.findUnique({
        where: { roundId_authorId_clientId: { roundId, authorId: userId, clientId } },
        select: MESSAGE_SELECT,
      });
      return row && toChatMessage(row);
    };
    let undo: () => void;
    try {
      undo = this.throttle(userId, roundId);
    } catch (error) {
      // A resend is answered even at the limit: it adds nothing.
      const existing = await stored();
      if (existing) return existing;
      throw error;
    }
    const author = await this.authorName(userId);
    const draft: ChatMessagePayload = { roundId, id: '', authorId: userId, authorName: author, clientId, html, createdAt: '', hidden: false };
    const envelope = this.realtime.envelope(roomName(roundId), 'chat:message', draft);
    const [row] = await this.prisma.$queryRaw<{ id: bigint; createdAt: Date }[]>`
      WITH locked AS MATERIALIZED (SELECT pg_advisory_xact_lock(hashtextextended(${`round-chat:${roundId}`}, 0))),
      inserted AS (
        INSERT INTO "RoundMessage" ("roundId", "authorId", "clientId", markdown, html, "createdAt")
        SELECT r.id, ${userId}::uuid, ${clientId}, ${markdown}, ${html}, now() AT TIME ZONE 'UTC' FROM locked, "Round" r WHERE r.id = ${roundId}::uuid AND r."roomClosedAt" IS NULL
        ON CONFLICT ("roundId", "authorId", "clientId") DO NOTHING
        RETURNING id, "createdAt"
      )
      SELECT id, "createdAt", pg_notify(${this.realtime.channel}, jsonb_set(jsonb_set(${envelope}::jsonb, '{payload,id}', to_jsonb(id::text)),
        '{payload,createdAt}', to_jsonb(to_char("createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))::text)::text AS sent FROM inserted`;
    if (row) return { ...draft, id: row.id.toString(), createdAt: row.createdAt.toISOString() };
    undo();
    const existing = await stored();
    if (!existing) throw forbidden('Der Raum ist geschlossen.');
    return existing;
  }

  /** Names change seldom; a chat sends many messages a minute. */
  private async authorName(userId: string): Promise<string> {
    const known = this.names.get(userId);
    if (known && known.until > Date.now()) return known.name;
    const user = await this.prisma.user.findUnique({ where: { id: userId }, select: { name: true } });
    if (this.names.size > 10_000) this.names.clear();
    this.names.set(userId, { name: user?.name ?? '', until: Date.now() + NAME_TTL_MS });
    return user?.name ?? '';
  }

  private async inTurn<T>(roundId: string, task: () => Promise<T>): Promise<T> {
    let limit = this.writers.get(roundId);
    if (!limit) {
      limit = pLimit(1);
      this.writers.set(roundId, limit);
    }
    try {
      return await limit(task);
    } finally {
      if (limit.activeCount === 0 && limit.pendingCount === 0) this.writers.delete(roundId);
    }
  }

  /** Every message after `afterId` (all when null), in the room's order. */
  async since(roundId: string, afterId: unknown): Promise<ChatMessagePayload[]> {
    const after = afterId === null || afterId === undefined || afterId === '' ? 0n : /^\d{1,18}$/.test(String(afterId)) ? BigInt(String(afterId)) : -1n;
    if (after < 0n) throw badUserInput('Ungültige Nachrichtenkennung.', { field: 'afterId' });
    const rows = await this.prisma.roundMessage.findMany({
      where: { roundId, id: { gt: after } },
      orderBy: { id: 'asc' },
      take: REPLAY_MAX,
      select: MESSAGE_SELECT,
    });
    return rows.map(toChatMessage);
  }

  /** The last messages of a room, oldest first. */
  async latest(roundId: string, count = 200): Promise<ChatMessagePayload[]> {
    const rows = await this.prisma.roundMessage.findMany({ where: { roundId }, orderBy: { id: 'desc' }, take: count, select: MESSAGE_SELECT });
    return rows.reverse().map(toChatMessage);
  }

  /** A moderator hides a message for everyone; the reason goes to the audit log, the text stays for it. */
  async hide(moderator: User, roundId: string, messageId: string, reason: string, ip: string | null): Promise<ChatMessagePayload> {
    const why = reason.trim();
    if (why.length < 3 || why.length > 500) throw badUserInput('Bitte einen Grund nennen (3 bis 500 Zeichen).', { field: 'reason' });
    if (!/^\d{1,18}$/.test(messageId)) throw notFound('Diese Nachricht gibt es nicht.');
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.roundMessage.findFirst({ where: { id: BigInt(messageId), roundId }, select: { id: true, hiddenAt: true, authorId: true } });
      if (!row) throw notFound('Diese Nachricht gibt es nicht.');
      const hidden = await tx.roundMessage.update({
        where: { id: row.id },
        data: row.hiddenAt ? {} : { hiddenAt: new Date(), hiddenById: moderator.id, hiddenReason: why },
        select: MESSAGE_SELECT,
      });
      if (!row.hiddenAt) {
        await this.audit.record('ROUND_MESSAGE_HIDDEN', { actorId: moderator.id, subjectId: row.authorId, ip, data: { roundId, messageId, reason: why } }, tx);
        await this.realtime.emitAfterCommit(tx, roomName(roundId), 'chat:hidden', { roundId, id: messageId });
      }
      return toChatMessage(hidden);
    });
  }

  /**
   * At most `CHAT_LIMIT_PER_10S` messages (default 10) in 10 seconds per person and room. Answers how to give the
   * slot back when the message turns out to be a resend.
   */
  private throttle(userId: string, roundId: string): () => void {
    const key = `${userId}:${roundId}`;
    const now = Date.now();
    const times = (this.recent.get(key) ?? []).filter((t) => t > now - RATE_WINDOW_MS);
    if (times.length >= this.config.chatLimit) {
      throw new AppError('TOO_MANY_REQUESTS', `Bitte etwas langsamer: höchstens ${this.config.chatLimit} Nachrichten in 10 Sekunden.`);
    }
    times.push(now);
    if (this.recent.size > 10_000) this.recent.clear();
    this.recent.set(key, times);
    return () => {
      const at = times.lastIndexOf(now);
      if (at >= 0) times.splice(at, 1);
    };
  }
}
