import { Injectable } from '@nestjs/common';
import { PrismaService } from '../core/database/prisma.service.js';
import { AppError } from '../core/errors/app-error.js';

const WINDOW_MS = 15 * 60_000;
const BLOCK_MS = 15 * 60_000;
const LIMITS = { account: 5, ip: 20 } as const;

export type ThrottleKey = { kind: keyof typeof LIMITS; value: string };

export class TooManyAttemptsError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', `Zu viele Anmeldeversuche. Bitte warten Sie ${Math.ceil(retryAfterSeconds / 60)} Minuten.`, {
      retryAfterSeconds,
    });
  }
}

const keyOf = (k: ThrottleKey) => `${k.kind}:${k.value}`;

/** Failed logins per account and per IP, in the database so that every API process sees the same counts. */
@Injectable()
export class ThrottleService {
  constructor(private readonly prisma: PrismaService) {}

  async assertAllowed(keys: ThrottleKey[]): Promise<void> {
    const rows = await this.prisma.loginThrottle.findMany({ where: { key: { in: keys.map(keyOf) } } });
    const until = Math.max(0, ...rows.map((r) => r.blockedUntil?.getTime() ?? 0));
    if (until > Date.now()) throw new TooManyAttemptsError(Math.ceil((until - Date.now()) / 1000));
  }

  async recordFailure(keys: ThrottleKey[]): Promise<void> {
    for (const k of keys) {
      const key = keyOf(k);
      await this.prisma.$executeRaw`
        INSERT INTO "LoginThrottle" (key, failures, "windowStart") VALUES (${key}, 1, now())
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN "LoginThrottle"."windowStart" < now() - make_interval(secs => ${WINDOW_MS / 1000}) THEN 1 ELSE "LoginThrottle".failures + 1 END,
          "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < now() - make_interval(secs => ${WINDOW_MS / 1000}) THEN now() ELSE "LoginThrottle"."windowStart" END`;
      await this.prisma.$executeRaw`
        UPDATE "LoginThrottle" SET "blockedUntil" = now() + make_interval(secs => ${BLOCK_MS / 1000}), failures = 0, "windowStart" = now()
        WHERE key = ${key} AND failures >= ${LIMITS[k.kind]}`;
    }
  }

  async reset(key: ThrottleKey): Promise<void> {
    await this.prisma.loginThrottle.deleteMany({ where: { key: keyOf(key) } });
  }
}
