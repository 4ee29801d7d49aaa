import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../generated/prisma/client.js';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { clearCookie, readCookie, setCookie } from '../core/http/cookies.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { unauthenticated } from '../core/errors/app-error.js';
import { newToken, tokenHash } from './tokens.js';

/** Refreshing lastSeenAt on every request would write on every request; once a minute is enough. */
const TOUCH_AFTER_MS = 60_000;

export interface ViewerSession {
  user: User;
  sessionId: string;
}

/** Server-side sessions referenced by an httpOnly, SameSite=Lax cookie; idle and absolute timeouts. */
@Injectable()
export class SessionsService {
  private readonly perRequest = new WeakMap<object, Promise<ViewerSession | null>>();

  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A fresh session (a new id at every login) and its cookie. */
  /**
   * A new session for the person, if their password is still `checkedHash` (the one just checked): the row is held
   * while the session is written, and a password change replaces it and ends all sessions in one transaction, so
   * either the change comes first and this refuses (false), or it ends this session too.
   */
  async start(userId: string, request: FastifyRequest, reply: FastifyReply, checkedHash?: string): Promise<boolean> {
    const token = newToken(16);
    const started = await this.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ passwordHash: string }[]>`SELECT "passwordHash" FROM "User" WHERE id = ${userId}::uuid FOR SHARE`;
      if (!row || (checkedHash !== undefined && row.passwordHash !== checkedHash)) return false;
      await tx.session.create({
        data: {
          id: tokenHash(token),
          userId,
          expiresAt: new Date(Date.now() + this.config.session.absoluteMs),
          ip: request.ip,
          userAgent: (request.headers['user-agent'] ?? '').slice(0, 300),
        },
      });
      return true;
    });
    if (!started) return false;
    setCookie(reply, this.config.session.cookieName, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.session.secureCookie,
      path: '/',
      maxAge: Math.floor(this.config.session.absoluteMs / 1000),
    });
    this.perRequest.delete(request);
    return true;
  }

  /** The signed-in person of this request, or null; looked up once per request. */
  viewer(request: FastifyRequest): Promise<ViewerSession | null> {
    let found = this.perRequest.get(request);
    if (!found) {
      found = this.fromCookieHeader(request.headers.cookie);
      this.perRequest.set(request, found);
    }
    return found;
  }

  /** The signed-in person, for operations whose guard already required one. */
  async requireUser(request: FastifyRequest): Promise<User> {
    const viewer = await this.viewer(request);
    if (!viewer) throw unauthenticated();
    return viewer.user;
  }

  /** Also used by the socket.io handshake, which carries the same cookie. */
  async fromCookieHeader(header: string | undefined): Promise<ViewerSession | null> {
    const token = readCookie(header, this.config.session.cookieName);
    if (!token || token.length > 64) return null;
    const id = tokenHash(token);
    const session = await this.prisma.session.findUnique({ where: { id }, include: { user: true } });
    if (!session) return null;
    const now = Date.now();
    if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + this.config.session.idleMs <= now) {
      await this.prisma.session.deleteMany({ where: { id } });
      return null;
    }
    if (now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
      await this.prisma.session.updateMany({ where: { id }, data: { lastSeenAt: new Date(now) } });
    }
    return { user: session.user, sessionId: id };
  }

  /**
   * For open sockets, asked once a minute: which of these sessions are still valid. A session whose sockets sent
   * something since the last check (`used`) counts as in use, as an HTTP request would, so that an hour in a live
   * room does not end in a sign-out. Expired sessions are deleted.
   */
  async stillValid(ids: string[], used: ReadonlySet<string>): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const now = Date.now();
    const rows = await this.prisma.session.findMany({ where: { id: { in: ids } }, select: { id: true, expiresAt: true, lastSeenAt: true } });
    const valid = rows.filter((s) => s.expiresAt.getTime() > now && s.lastSeenAt.getTime() + this.config.session.idleMs > now);
    const expired = rows.filter((s) => !valid.includes(s)).map((s) => s.id);
    if (expired.length) await this.prisma.session.deleteMany({ where: { id: { in: expired } } });
    const touched = valid.filter((s) => used.has(s.id) && now - s.lastSeenAt.getTime() > TOUCH_AFTER_MS).map((s) => s.id);
    if (touched.length) await this.prisma.session.updateMany({ where: { id: { in: touched } }, data: { lastSeenAt: new Date(now) } });
    return new Set(valid.map((s) => s.id));
  }

  async end(request: FastifyRequest, reply: FastifyReply): Promise<ViewerSession | null> {
    const viewer = await this.viewer(request);
    if (viewer) await this.prisma.session.deleteMany({ where: { id: viewer.sessionId } });
    this.clearCookie(reply);
    this.perRequest.set(request, Promise.resolve(null));
    return viewer;
  }

  async endAll(userId: string): Promise<number> {
    return (await this.prisma.session.deleteMany({ where: { userId } })).count;
  }

  clearCookie(reply: FastifyReply): void {
    clearCookie(reply, this.config.session.cookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.config.session.secureCookie });
  }
}
