import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import type { Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { AppError } from '../core/errors/app-error.js';

const LOGIN_WINDOW_MS = 15 * 60_000;
const MAIL_WINDOW_MS = 60 * 60_000;
const KNOWN_FOR_MS = 90 * 24 * 3_600_000;
const DAY_MS = 24 * 3_600_000;
/** Requests to join one group per person and day: asking again after a withdrawal or a refusal is normal, a loop is not. */
const JOIN_REQUESTS_PER_GROUP = 3;
/** Requests to join any group per person and day. */
const JOIN_REQUESTS_TOTAL = 30;

function waitText(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  if (minutes <= 90) return minutes === 1 ? '1 Minute' : `${minutes} Minuten`;
  return `${Math.ceil(minutes / 60)} Stunden`;
}

export class TooManyAttemptsError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    what = 'Anmeldeversuche',
  ) {
    super('TOO_MANY_REQUESTS', `Zu viele ${what}. Bitte warten Sie ${waitText(retryAfterSeconds)}.`, { retryAfterSeconds });
  }
}

/** Actions that send mail to an address the caller names. */
export type MailAction = 'register' | 'password-reset' | 'email-change' | 'invitation';

interface Rule {
  key: string;
  limit: number;
  windowMs: number;
}

/**
 * Limits in the database, so that every API process sees the same counts. An attempt is counted before the
 * costly or mailing step, atomically, so that parallel requests cannot slip past a limit.
 *
 * Password checks are counted per account and IP, and per IP: a stranger elsewhere cannot lock a person
 * out. An account-wide limit against guesses spread over many addresses applies only to IPs the person has
 * not signed in from before (ADR 0008).
 */
@Injectable()
export class ThrottleService {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts a password check for the account from this IP; throws while any of its limits is exceeded. */
  async beforePasswordCheck(email: string, ip: string): Promise<void> {
    const limits = this.config.loginLimits;
    const rules: Rule[] = [
      { key: `login:account+ip:${email}|${ip}`, limit: limits.account, windowMs: LOGIN_WINDOW_MS },
      { key: `login:ip:${ip}`, limit: limits.ip, windowMs: LOGIN_WINDOW_MS },
    ];
    if (!(await this.isKnown(email, ip))) rules.push({ key: `login:account:${email}`, limit: limits.accountTotal, windowMs: LOGIN_WINDOW_MS });
    await this.enforce(rules, 'Anmeldeversuche');
  }

  /** The right password: the account starts afresh, the IP gets its attempt back and is known from now on. */
  async passwordAccepted(email: string, ip: string): Promise<void> {
    await this.prisma.loginThrottle.deleteMany({ where: { key: { in: [`login:account+ip:${email}|${ip}`, `login:account:${email}`] } } });
    await this.prisma.$executeRaw`UPDATE "LoginThrottle" SET failures = GREATEST(failures - 1, 0) WHERE key = ${`login:ip:${ip}`}`;
    const known = `login:known:${email}|${ip}`;
    await this.prisma.loginThrottle.upsert({ where: { key: known }, create: { key: known }, update: { windowStart: new Date() } });
  }

  /** Mails to an address named by the caller: limited per IP and per address, each per hour. */
  async beforeMail(action: MailAction, ip: string, address: string): Promise<void> {
    const limits = this.config.mailLimits;
    await this.enforce(
      [
        { key: `mail:${action}:ip:${ip}`, limit: limits.ip, windowMs: MAIL_WINDOW_MS },
        { key: `mail:${action}:to:${address}`, limit: limits.address, windowMs: MAIL_WINDOW_MS },
      ],
      'Anfragen',
    );
  }

  /**
   * Each request to join a group tells its moderators: limited per person for that group and in all, counted in the
   * transaction that makes the request.
   */
  async beforeJoinRequest(tx: Prisma.TransactionClient, userId: string, groupId: string): Promise<void> {
    await this.enforce(
      [
        { key: `group-request:${userId}|${groupId}`, limit: JOIN_REQUESTS_PER_GROUP, windowMs: DAY_MS },
        { key: `group-request:${userId}`, limit: JOIN_REQUESTS_TOTAL, windowMs: DAY_MS },
      ],
      'Beitrittsanfragen',
      tx,
    );
  }

  /** What the counters know of a person goes with the account. */
  async forget(email: string, userId: string): Promise<void> {
    const to = `:to:${email}`;
    await this.prisma.$executeRaw`
      DELETE FROM "LoginThrottle" WHERE key = ${`login:account:${email}`}
        OR starts_with(key, ${`login:account+ip:${email}|`}) OR starts_with(key, ${`login:known:${email}|`})
        OR (starts_with(key, 'mail:') AND right(key, ${to.length}) = ${to})
        OR key = ${`group-request:${userId}`} OR starts_with(key, ${`group-request:${userId}|`})`;
  }

  private async isKnown(email: string, ip: string): Promise<boolean> {
    const row = await this.prisma.loginThrottle.findUnique({ where: { key: `login:known:${email}|${ip}` } });
    return Boolean(row && row.windowStart.getTime() > Date.now() - KNOWN_FOR_MS);
  }

  /**
   * Counts on every rule's key; throws when any is blocked or now over its limit (blocked for one window). An
   * attempt refused by a block counts on no key: it would only lengthen the others' blocks. Inside a transaction
   * (`tx`) the count is part of what the attempt writes: a refused attempt rolls its count back with everything
   * else, so nothing is blocked and the limit holds until the window that began with the first attempt ends.
   */
  private async enforce(rules: Rule[], what: string, tx?: Prisma.TransactionClient): Promise<void> {
    const db = tx ?? this.prisma;
    const blocked = await db.loginThrottle.findMany({
      where: { key: { in: rules.map((r) => r.key) }, blockedUntil: { gt: new Date() } },
      select: { blockedUntil: true },
    });
    if (blocked.length > 0) {
      const until = Math.max(...blocked.map((b) => b.blockedUntil!.getTime()));
      throw new TooManyAttemptsError(Math.ceil((until - Date.now()) / 1000), what);
    }
    let retryAfterMs = 0;
    for (const { key, limit, windowMs } of rules) {
      const seconds = windowMs / 1000;
      const [row] = await db.$queryRaw<{ failures: number; blockedUntil: Date | null; windowStart: Date }[]>`
        INSERT INTO "LoginThrottle" (key, failures, "windowStart") VALUES (${key}, 1, now())
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN "LoginThrottle"."windowStart" < now() - make_interval(secs => ${seconds}) THEN 1 ELSE "LoginThrottle".failures + 1 END,
          "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < now() - make_interval(secs => ${seconds}) THEN now() ELSE "LoginThrottle"."windowStart" END
        RETURNING failures, "blockedUntil", "windowStart"`;
      if (row!.blockedUntil && row!.blockedUntil.getTime() > Date.now()) {
        retryAfterMs = Math.max(retryAfterMs, row!.blockedUntil.getTime() - Date.now());
      } else if (row!.failures > limit && tx) {
        retryAfterMs = Math.max(retryAfterMs, row!.windowStart.getTime() + windowMs - Date.now(), 1000);
      } else if (row!.failures > limit) {
        await db.$executeRaw`
          UPDATE "LoginThrottle" SET "blockedUntil" = now() + make_interval(secs => ${seconds}), failures = 0, "windowStart" = now()
          WHERE key = ${key}`;
        retryAfterMs = Math.max(retryAfterMs, windowMs);
      }
    }
    if (retryAfterMs > 0) throw new TooManyAttemptsError(Math.ceil(retryAfterMs / 1000), what);
  }
}
