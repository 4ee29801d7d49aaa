import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Prisma, User } from '../generated/prisma/client.js';
import { AuditService } from '../core/audit/audit.service.js';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { AppError, badUserInput, conflict, unauthenticated } from '../core/errors/app-error.js';
import { MailService } from '../core/mail/mail.service.js';
import { RealtimeService } from '../core/realtime/realtime.service.js';
import type { ChangePasswordInput, LoginInput, RegisterInput, RequestEmailChangeInput, ResetPasswordInput } from './dto/account.inputs.js';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem, verifyPassword } from './password.js';
import { SessionsService } from './sessions.service.js';
import { ThrottleService } from './throttle.service.js';
import { newToken, tokenHash } from './tokens.js';

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
const VERIFY_TTL_MS = 48 * 3_600_000;
const RESET_TTL_MS = 3_600_000;
const CHECK_MAIL = 'Wenn die Angaben stimmen, erhalten Sie gleich eine E-Mail mit dem nächsten Schritt.';
const BAD_LOGIN = 'E-Mail-Adresse oder Passwort ist falsch.';
const BAD_LINK = 'Dieser Link ist ungültig, abgelaufen oder wurde schon benutzt.';

export function normalizeEmail(email: string): string {
  const normalized = email.trim().toLowerCase();
  if (normalized.length > 254 || !EMAIL.test(normalized)) throw badUserInput('Bitte geben Sie eine gültige E-Mail-Adresse an.', { field: 'email' });
  return normalized;
}

function assertPassword(password: string, context: { email?: string; name?: string }, field = 'password') {
  const problem = passwordProblem(password, context);
  if (!problem) return;
  // A stable reason next to the German text, so that clients can say it in their own language.
  const reason = password.length < MIN_PASSWORD_LENGTH ? 'PASSWORD_TOO_SHORT' : password.length > MAX_PASSWORD_LENGTH ? 'PASSWORD_TOO_LONG' : 'PASSWORD_COMMON';
  throw badUserInput(problem, { field, reason });
}

/** Registration, confirmation, login, logout and passwords. Answers never reveal whether an email is known. */
@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly sessions: SessionsService,
    private readonly throttle: ThrottleService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly realtime: RealtimeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async register(input: RegisterInput, ip: string): Promise<string> {
    const name = input.name.trim();
    if (name.length < 2 || name.length > 100) throw badUserInput('Bitte geben Sie Ihren Namen an (2 bis 100 Zeichen).', { field: 'name' });
    const email = normalizeEmail(input.email);
    assertPassword(input.password, { email, name });
    await this.throttle.beforeMail('register', ip, email);
    // Hashed before the lookup, so that a registered address does not answer faster than a new one.
    const passwordHash = await hashPassword(input.password);
    const existing = await this.prisma.user.findUnique({ where: { email } });
    if (existing) {
      await this.mail.send({
        to: email,
        subject: 'Verbund: Registrierung mit Ihrer Adresse',
        text: `Guten Tag,\n\njemand hat versucht, sich mit dieser E-Mail-Adresse bei Verbund zu registrieren. Sie haben bereits ein Konto.\nFalls Sie Ihr Passwort vergessen haben: ${this.config.publicUrl}/passwort-vergessen\n`,
      });
      return CHECK_MAIL;
    }
    const token = newToken(32);
    await this.prisma.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { name, email, passwordHash } });
      await tx.emailToken.create({
        data: { id: tokenHash(token), userId: created.id, purpose: 'VERIFY_EMAIL', expiresAt: new Date(Date.now() + VERIFY_TTL_MS) },
      });
      await this.audit.record('REGISTERED', { actorId: created.id, subjectId: created.id, ip }, tx);
      return created;
    });
    await this.mail.send({
      to: email,
      subject: 'Verbund: Bitte bestätigen Sie Ihre E-Mail-Adresse',
      // No name: whoever registers chooses it, and the address is not yet known to be theirs.
      text: `Guten Tag,\n\nbitte bestätigen Sie Ihre E-Mail-Adresse für Verbund mit diesem Link (48 Stunden gültig):\n${this.config.publicUrl}/email-bestaetigen?token=${token}\n\nWenn Sie sich nicht registriert haben, ignorieren Sie diese E-Mail.\n`,
    });
    return CHECK_MAIL;
  }

  /** Marks a single-use token used; null when unknown, expired or used. */
  private async consumeToken(token: string, purpose: 'VERIFY_EMAIL' | 'RESET_PASSWORD' | 'CHANGE_EMAIL') {
    if (token.length > 100) return null;
    const id = tokenHash(token);
    const used = await this.prisma.emailToken.updateMany({
      where: { id, purpose, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    return used.count ? this.prisma.emailToken.findUnique({ where: { id } }) : null;
  }

  async verifyEmail(token: string, ip: string): Promise<void> {
    const row = await this.consumeToken(token, 'VERIFY_EMAIL');
    if (!row) throw badUserInput(BAD_LINK, { field: 'token' });
    await this.prisma.$transaction(async (tx) => {
      const user = await tx.user.update({ where: { id: row.userId }, data: { emailVerifiedAt: new Date() } });
      // Working groups that invited this address before it had an account: now the invitations are the person's.
      const invitations = await tx.groupEmailInvitation.findMany({ where: { email: user.email } });
      await tx.groupMember.createMany({
        data: invitations.map((i) => ({
          groupId: i.groupId,
          userId: user.id,
          status: 'INVITED' as const,
          invitedById: i.invitedById,
          invitedVia: 'EMAIL' as const,
        })),
        skipDuplicates: true,
      });
      await tx.groupEmailInvitation.deleteMany({ where: { email: user.email } });
    });
    await this.audit.record('EMAIL_VERIFIED', { actorId: row.userId, subjectId: row.userId, ip });
  }

  async login(input: LoginInput, request: FastifyRequest, reply: FastifyReply): Promise<User> {
    const email = normalizeEmail(input.email);
    try {
      await this.throttle.beforePasswordCheck(email, request.ip);
    } catch (err) {
      await this.audit.record('LOGIN_THROTTLED', { ip: request.ip, data: { email } });
      throw err;
    }
    const user = await this.prisma.user.findUnique({ where: { email } });
    const ok = input.password.length <= 1024 && (await verifyPassword(user?.passwordHash ?? null, input.password));
    if (!user || !ok) {
      await this.audit.record('LOGIN_FAILED', { subjectId: user?.id, ip: request.ip, data: { email } });
      throw new AppError('UNAUTHENTICATED', BAD_LOGIN, { reason: 'BAD_CREDENTIALS' });
    }
    if (!user.emailVerifiedAt) {
      throw new AppError('FORBIDDEN', 'Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse über den Link in unserer E-Mail.', { reason: 'EMAIL_NOT_VERIFIED' });
    }
    await this.throttle.passwordAccepted(email, request.ip);
    // A session id from before the login is never reused (fixation): end it, start a new one, for the password
    // checked: one changed meanwhile (a reset because the old one leaked) is not let in.
    await this.sessions.end(request, reply);
    if (!(await this.sessions.start(user.id, request, reply, user.passwordHash))) {
      await this.audit.record('LOGIN_FAILED', { subjectId: user.id, ip: request.ip, data: { email } });
      throw new AppError('UNAUTHENTICATED', BAD_LOGIN, { reason: 'BAD_CREDENTIALS' });
    }
    await this.audit.record('LOGIN', { actorId: user.id, subjectId: user.id, ip: request.ip });
    return user;
  }

  async logout(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const ended = await this.sessions.end(request, reply);
    if (ended) this.realtime.disconnectSession(ended.sessionId);
    if (ended) await this.audit.record('LOGOUT', { actorId: ended.user.id, subjectId: ended.user.id, ip: request.ip });
  }

  /** Ends every session and every open socket of the person. */
  async logoutEverywhere(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const viewer = await this.sessions.viewer(request);
    if (!viewer) throw unauthenticated();
    await this.endEverything(viewer.user.id);
    this.sessions.clearCookie(reply);
    await this.audit.record('LOGOUT_EVERYWHERE', { actorId: viewer.user.id, subjectId: viewer.user.id, ip: request.ip });
  }

  /**
   * After a password change or reset: no session, socket, pending mailed link or calendar address of before stays
   * valid (a calendar address is made anew when next asked for).
   */
  private async endEverything(userId: string): Promise<void> {
    await this.sessions.endAll(userId);
    await this.prisma.emailToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
    await this.prisma.user.update({ where: { id: userId }, data: { calendarToken: null } });
    this.realtime.disconnectUser(userId);
  }

  /** The new password and the end of every session in one step: a login checked against the old one cannot slip in between. */
  private async replacePassword(userId: string, data: Prisma.UserUpdateInput): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data });
      await tx.session.deleteMany({ where: { userId } });
    });
    await this.endEverything(userId);
  }

  /** Answers before anything is looked up or sent, so that the time taken says nothing about the address. */
  async requestPasswordReset(rawEmail: string, ip: string): Promise<string> {
    const email = normalizeEmail(rawEmail);
    await this.throttle.beforeMail('password-reset', ip, email);
    void this.sendResetLink(email, ip).catch((err: unknown) => this.logger.error(`password reset mail failed: ${(err as Error).message}`));
    return CHECK_MAIL;
  }

  private async sendResetLink(email: string, ip: string): Promise<void> {
    const user = await this.prisma.user.findUnique({ where: { email } });
    if (user) {
      const token = newToken(32);
      await this.prisma.emailToken.create({
        data: { id: tokenHash(token), userId: user.id, purpose: 'RESET_PASSWORD', expiresAt: new Date(Date.now() + RESET_TTL_MS) },
      });
      await this.mail.send({
        to: email,
        subject: 'Verbund: Passwort zurücksetzen',
        text: `Guten Tag${user.emailVerifiedAt ? ` ${user.name}` : ''},\n\nmit diesem Link legen Sie ein neues Passwort fest (eine Stunde gültig):\n${this.config.publicUrl}/passwort-zuruecksetzen?token=${token}\n\nWenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail.\n`,
      });
      await this.audit.record('PASSWORD_RESET_REQUESTED', { subjectId: user.id, ip });
    }
  }

  async resetPassword(input: ResetPasswordInput, ip: string): Promise<void> {
    // A refused new password must not use up the link: check it before the token is consumed.
    const pending =
      input.token.length <= 100
        ? await this.prisma.emailToken.findFirst({
            where: { id: tokenHash(input.token), purpose: 'RESET_PASSWORD', usedAt: null, expiresAt: { gt: new Date() } },
            include: { user: true },
          })
        : null;
    if (!pending) throw badUserInput(BAD_LINK, { field: 'token' });
    assertPassword(input.newPassword, { email: pending.user.email, name: pending.user.name }, 'newPassword');
    const row = await this.consumeToken(input.token, 'RESET_PASSWORD');
    if (!row) throw badUserInput(BAD_LINK, { field: 'token' });
    const user = pending.user;
    // Proving control of the mailbox also confirms the address.
    await this.replacePassword(user.id, { passwordHash: await hashPassword(input.newPassword), emailVerifiedAt: user.emailVerifiedAt ?? new Date() });
    await this.audit.record('PASSWORD_RESET', { actorId: user.id, subjectId: user.id, ip });
  }

  /** Ends every session, then starts a fresh one for this browser. */
  async changePassword(input: ChangePasswordInput, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const viewer = await this.sessions.viewer(request);
    if (!viewer) throw unauthenticated();
    const { user } = viewer;
    await this.checkPassword(user, input.currentPassword, request.ip, 'currentPassword', 'Das bisherige Passwort stimmt nicht.');
    assertPassword(input.newPassword, { email: user.email, name: user.name }, 'newPassword');
    const passwordHash = await hashPassword(input.newPassword);
    await this.replacePassword(user.id, { passwordHash });
    await this.sessions.start(user.id, request, reply, passwordHash);
    await this.audit.record('PASSWORD_CHANGED', { actorId: user.id, subjectId: user.id, ip: request.ip });
  }

  /**
   * Sends a confirmation link to the new address; the address changes only when it is followed. A new address
   * that is already taken gets a notice instead, and the answer is the same either way.
   */
  async requestEmailChange(input: RequestEmailChangeInput, request: FastifyRequest): Promise<string> {
    const viewer = await this.sessions.viewer(request);
    if (!viewer) throw unauthenticated();
    const { user } = viewer;
    const newEmail = normalizeEmail(input.newEmail);
    if (newEmail === user.email) throw badUserInput('Das ist schon Ihre Adresse.', { field: 'newEmail' });
    await this.checkPassword(user, input.password, request.ip);
    await this.throttle.beforeMail('email-change', request.ip, newEmail);
    if (await this.prisma.user.findUnique({ where: { email: newEmail } })) {
      await this.mail.send({
        to: newEmail,
        subject: 'Verbund: Adressänderung',
        text: 'Guten Tag,\n\njemand wollte ein Verbund-Konto auf diese Adresse umstellen. Sie haben mit dieser Adresse bereits ein Konto; es bleibt unverändert.\n',
      });
      return CHECK_MAIL;
    }
    const token = newToken(32);
    await this.prisma.emailToken.create({
      data: { id: tokenHash(token), userId: user.id, purpose: 'CHANGE_EMAIL', newEmail, expiresAt: new Date(Date.now() + VERIFY_TTL_MS) },
    });
    await this.mail.send({
      to: newEmail,
      subject: 'Verbund: Neue E-Mail-Adresse bestätigen',
      text: `Guten Tag,\n\nbitte bestätigen Sie Ihre neue E-Mail-Adresse mit diesem Link (48 Stunden gültig):\n${this.config.publicUrl}/email-aendern?token=${token}\n`,
    });
    await this.mail.send({
      to: user.email,
      subject: 'Verbund: Änderung Ihrer E-Mail-Adresse angefragt',
      text: `Guten Tag ${user.name},\n\nfür Ihr Konto wurde eine neue E-Mail-Adresse angefragt. Sie gilt erst, wenn der Link an die neue Adresse bestätigt ist. Waren Sie das nicht, ändern Sie bitte Ihr Passwort.\n`,
    });
    await this.audit.record('EMAIL_CHANGE_REQUESTED', { actorId: user.id, subjectId: user.id, ip: request.ip });
    return CHECK_MAIL;
  }

  /** The signed-in person's password, throttled like a login so that a stolen session cannot guess it. */
  async checkPassword(user: User, password: string, ip: string, field = 'password', message = 'Das Passwort stimmt nicht.'): Promise<void> {
    await this.throttle.beforePasswordCheck(user.email, ip);
    if (!(await verifyPassword(user.passwordHash, password.slice(0, 1024)))) throw badUserInput(message, { field });
    await this.throttle.passwordAccepted(user.email, ip);
  }

  async confirmEmailChange(token: string, ip: string): Promise<void> {
    const pending =
      token.length <= 100
        ? await this.prisma.emailToken.findFirst({ where: { id: tokenHash(token), purpose: 'CHANGE_EMAIL', usedAt: null, expiresAt: { gt: new Date() } } })
        : null;
    if (!pending?.newEmail) throw badUserInput(BAD_LINK, { field: 'token' });
    if (await this.prisma.user.findUnique({ where: { email: pending.newEmail } })) throw conflict('Diese Adresse gehört inzwischen zu einem anderen Konto.');
    const row = await this.consumeToken(token, 'CHANGE_EMAIL');
    if (!row?.newEmail) throw badUserInput(BAD_LINK, { field: 'token' });
    try {
      await this.prisma.user.update({ where: { id: row.userId }, data: { email: row.newEmail, emailVerifiedAt: new Date() } });
    } catch (err) {
      // Someone registered the address between the check and the update (unique constraint).
      if ((err as { code?: string }).code === 'P2002') throw conflict('Diese Adresse gehört inzwischen zu einem anderen Konto.');
      throw err;
    }
    await this.prisma.emailToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: new Date() } });
    await this.audit.record('EMAIL_CHANGED', { actorId: row.userId, subjectId: row.userId, ip });
  }
}
