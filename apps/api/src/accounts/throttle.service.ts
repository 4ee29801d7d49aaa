import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { AppError } from '../core/errors/app-error.js';

const WINDOW_MS = 15 * 60_000;
const BLOCK_MS = 15 * 60_000;

export type ThrottleKey = { kind: 'account' | 'ip'; value: string };

export class TooManyAttemptsError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', `Zu viele Anmeldeversuche. Bitte warten Sie ${Math.ceil(retryAfterSeconds / 60)} Minuten.`, {
      retryAfterSeconds,
    });
  }
}

const keyOf = (k: ThrottleKey) => `${k.kind}:${k.value}`;

/**
 * Login attempts per account and per IP, in the database so that every API process sees the same counts. An
 * attempt is counted before the password is checked, atomically, so that parallel requests cannot slip past
 * the limit; a successful login takes its attempt back.
 */
@Injectable()
export class ThrottleService {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts an attempt on every key; throws when any key is blocked or now over its limit. */
  async attempt(keys: ThrottleKey[]): Promise<void> {
    let retryAfterMs = 0;
    for (const k of keys) {
      const key = keyOf(k);
      const [row] = await this.prisma.$queryRaw<{ failures: number; blockedUntil: Date | null }[]>`
        INSERT INTO "LoginThrottle" (key, failures, "windowStart") VALUES (${key}, 1, now())
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN "LoginThrottle"."windowStart" < now() - make_interval(secs => ${WINDOW_MS / 1000}) THEN 1 ELSE "LoginThrottle".failures + 1 END,
          "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < now() - make_interval(secs => ${WINDOW_MS / 1000}) THEN now() ELSE "LoginThrottle"."windowStart" END
        RETURNING failures, "blockedUntil"`;
      if (row!.blockedUntil && row!.blockedUntil.getTime() > Date.now()) {
        retryAfterMs = Math.max(retryAfterMs, row!.blockedUntil.getTime() - Date.now());
      } else if (row!.failures > this.config.loginLimits[k.kind]) {
        await this.prisma.$executeRaw`
          UPDATE "LoginThrottle" SET "blockedUntil" = now() + make_interval(secs => ${BLOCK_MS / 1000}), failures = 0, "windowStart" = now()
          WHERE key = ${key}`;
        retryAfterMs = Math.max(retryAfterMs, BLOCK_MS);
      }
    }
    if (retryAfterMs > 0) throw new TooManyAttemptsError(Math.ceil(retryAfterMs / 1000));
  }

  /** A good login: the account starts afresh, the IP gets its attempt back. */
  async succeeded(keys: ThrottleKey[]): Promise<void> {
    for (const k of keys) {
      if (k.kind === 'account') {
        await this.prisma.loginThrottle.deleteMany({ where: { key: keyOf(k) } });
      } else {
        await this.prisma.$executeRaw`UPDATE "LoginThrottle" SET failures = GREATEST(failures - 1, 0) WHERE key = ${keyOf(k)}`;
      }
    }
  }
}
