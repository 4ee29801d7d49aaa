import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { safeNext } from '@verbund/shared';
import * as oidc from 'openid-client';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AppConfig } from '../../core/config/config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { clearCookie, readCookie, setCookie } from '../../core/http/cookies.js';
import { hashPassword } from '../password.js';
import { SessionsService } from '../sessions.service.js';
import { newToken } from '../tokens.js';

const FLOW_COOKIE = 'verbund_sso';
const FLOW_TTL_S = 600;

interface Flow {
  verifier: string;
  state: string;
  nonce: string;
  next: string;
}

/**
 * Single sign-on through OpenID Connect (authorization code with PKCE, state and nonce). The person is matched
 * by the verified email address the provider vouches for; a first sign-in creates the account.
 */
@Injectable()
export class SsoService {
  private readonly logger = new Logger(SsoService.name);
  private discovered?: Promise<oidc.Configuration>;

  constructor(
    private readonly prisma: PrismaService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.oidc);
  }

  private configuration(): Promise<oidc.Configuration> {
    const settings = this.config.oidc!;
    const issuer = new URL(settings.issuer);
    // Plain http only for a provider on this machine outside production (development and tests).
    const insecure = !this.config.production && issuer.protocol === 'http:';
    this.discovered ??= oidc
      .discovery(issuer, settings.clientId, settings.clientSecret, undefined, insecure ? { execute: [oidc.allowInsecureRequests] } : undefined)
      .catch((err: unknown) => {
        this.discovered = undefined;
        throw err;
      });
    return this.discovered;
  }

  private get redirectUri(): string {
    return `${this.config.publicUrl}/auth/sso/callback`;
  }

  async start(next: unknown, reply: FastifyReply): Promise<void> {
    const config = await this.configuration();
    const flow: Flow = { verifier: oidc.randomPKCECodeVerifier(), state: oidc.randomState(), nonce: oidc.randomNonce(), next: safeNext(next) };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    setCookie(reply, FLOW_COOKIE, Buffer.from(JSON.stringify(flow)).toString('base64url'), {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.session.secureCookie,
      path: '/auth/sso',
      maxAge: FLOW_TTL_S,
    }).redirect(url.href, 302);
  }

  async callback(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const raw = readCookie(request.headers.cookie, FLOW_COOKIE);
    clearCookie(reply, FLOW_COOKIE, { path: '/auth/sso' });
    try {
      if (!raw) throw new Error('no sign-on in progress');
      const flow = JSON.parse(Buffer.from(raw, 'base64url').toString()) as Flow;
      const config = await this.configuration();
      const current = new URL(request.url, this.config.publicUrl);
      const tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('no ID token');
      // Providers put email and name into the ID token or only behind the userinfo endpoint.
      const claims = { ...(await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub)), ...idClaims };
      const email = typeof claims?.email === 'string' ? claims.email.trim().toLowerCase() : '';
      if (!email || claims.email_verified !== true) throw new Error('the provider sent no verified email address');
      const name = typeof claims?.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 100) : email.split('@')[0]!;
      const unusablePassword = await hashPassword(newToken(32));
      const existing = await this.prisma.user.findUnique({ where: { email } });
      const user =
        existing ??
        (await this.prisma.user.create({
          // No password: this person signs in through the provider (or sets one by "forgot password").
          data: { email, name, passwordHash: unusablePassword, emailVerifiedAt: new Date() },
        }));
      if (existing && !existing.emailVerifiedAt) {
        // Whoever registered this address without confirming it never proved to own it: their password,
        // sessions and links go, and the provider's verified owner takes the account.
        await this.prisma.$transaction([
          this.prisma.user.update({ where: { id: existing.id }, data: { emailVerifiedAt: new Date(), passwordHash: unusablePassword } }),
          this.prisma.session.deleteMany({ where: { userId: existing.id } }),
          this.prisma.emailToken.updateMany({ where: { userId: existing.id, usedAt: null }, data: { usedAt: new Date() } }),
        ]);
      }
      await this.sessions.end(request, reply);
      await this.sessions.start(user.id, request, reply);
      await this.audit.record('LOGIN', { actorId: user.id, subjectId: user.id, ip: request.ip, data: { via: 'sso' } });
      reply.redirect(flow.next, 302);
    } catch (err) {
      this.logger.warn(`single sign-on refused: ${(err as Error).message}`);
      await this.audit.record('LOGIN_FAILED', { ip: request.ip, data: { via: 'sso' } });
      reply.redirect('/anmelden?sso=fehler', 302);
    }
  }
}
