import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { JobsService } from '../core/jobs/jobs.service.js';
import { MailService } from '../core/mail/mail.service.js';
import { asLocale, type Locale, NOTIFICATION_KINDS } from './notification-kinds.js';
import { type Described, describe } from './notification-texts.js';
import { EMAIL_JOB } from './notifications.service.js';
import { newMailKey, unsubscribeToken } from './unsubscribe-token.js';

export const DIGEST_JOB = 'notifications.digest';
const DAY_MS = 24 * 3_600_000;
const DIGEST_DAYS = 7;

const WORDS = {
  de: {
    hello: 'Guten Tag',
    open: 'Ansehen',
    digestSubject: (n: number) => `Verbund: ${n === 1 ? 'eine Neuigkeit' : `${n} Neuigkeiten`} von gestern`,
    digestIntro: 'das ist seit gestern auf Verbund für Sie geschehen:',
    stop: 'Diese Art von Benachrichtigung nicht mehr per E-Mail erhalten',
    settings: 'Alle Einstellungen',
  },
  en: {
    hello: 'Hello',
    open: 'Open',
    digestSubject: (n: number) => `Verbund: ${n === 1 ? 'one update' : `${n} updates`} since yesterday`,
    digestIntro: 'this happened for you on Verbund since yesterday:',
    stop: 'Stop receiving this kind of notification by mail',
    settings: 'All settings',
  },
} as const;

interface Recipient {
  id: string;
  email: string;
  locale: string;
  mailKey: string | null;
}

/** Mails about notifications: one at once per EMAIL notification, and one daily digest per person. Nothing twice. */
@Injectable()
export class NotificationMailer {
  constructor(
    private readonly prisma: PrismaService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    jobs: JobsService,
  ) {
    jobs.define<{ id: string }>({ name: EMAIL_JOB, handler: ({ id }) => this.mailOne(id), queue: { retryLimit: 5, retryDelay: 30, retryBackoff: true } });
    jobs.define({ name: DIGEST_JOB, cron: config.jobs.digestCron, handler: () => this.sendDigests().then(() => undefined) });
  }

  private async keyOf(tx: Prisma.TransactionClient, user: Recipient): Promise<string> {
    if (user.mailKey) return user.mailKey;
    const key = newMailKey();
    // Two mails made at once may both find no key: the first one written wins, the other reads it.
    await tx.user.updateMany({ where: { id: user.id, mailKey: null }, data: { mailKey: key } });
    return (await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { mailKey: true } })).mailKey!;
  }

  private lines(items: Described[], locale: Locale): string {
    return items.map((d) => `- ${d.text}\n  ${WORDS[locale].open}: ${this.config.publicUrl}${d.link}`).join('\n');
  }

  /** The mail-at-once job: under the row's lock, so that a retried job cannot send it a second time. */
  async mailOne(id: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Notification" WHERE id = ${id}::uuid AND "mailedAt" IS NULL FOR UPDATE`;
      if (!row) return;
      const notification = await tx.notification.findUniqueOrThrow({
        where: { id },
        include: { user: { select: { id: true, email: true, locale: true, mailKey: true } } },
      });
      const locale = asLocale(notification.user.locale);
      const [described] = await describe(tx, [notification], locale);
      const key = await this.keyOf(tx, notification.user);
      const unsubscribeUrl = `${this.config.publicUrl}/abbestellen?token=${unsubscribeToken(key, notification.user.id, notification.kind)}`;
      const w = WORDS[locale];
      await this.mail.send(
        {
          to: notification.user.email,
          subject: `Verbund: ${NOTIFICATION_KINDS[notification.kind].subject[locale]}`,
          text: `${w.hello},\n\n${described!.text}\n${w.open}: ${this.config.publicUrl}${described!.link}\n\n${w.stop}: ${unsubscribeUrl}\n${w.settings}: ${this.config.publicUrl}/benachrichtigungen\n`,
          unsubscribeUrl,
        },
        { tx },
      );
      await tx.notification.update({ where: { id }, data: { mailedAt: new Date() } });
    });
  }

  /**
   * The daily digest (07:00 Europe/Berlin): per person one mail with their unread DIGEST notifications not yet
   * mailed, of the last week at most (a run that starts late or is missed loses nothing; what lay unread for longer
   * is old news). Marking them mailed and queueing the mail happen in one transaction: nothing twice.
   */
  async sendDigests(now = new Date()): Promise<number> {
    const since = new Date(now.getTime() - DIGEST_DAYS * DAY_MS);
    const people = await this.prisma.notification.findMany({
      where: { channel: 'DIGEST', mailedAt: null, readAt: null, createdAt: { gte: since } },
      distinct: ['userId'],
      select: { userId: true },
    });
    let sent = 0;
    for (const { userId } of people) {
      const mailed = await this.prisma.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<{ id: string }[]>`
          UPDATE "Notification" SET "mailedAt" = ${now}
          WHERE "userId" = ${userId}::uuid AND channel = 'DIGEST' AND "mailedAt" IS NULL AND "readAt" IS NULL AND "createdAt" >= ${since}
          RETURNING id`;
        if (rows.length === 0) return false;
        const notifications = await tx.notification.findMany({ where: { id: { in: rows.map((r) => r.id) } }, orderBy: { createdAt: 'asc' } });
        const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, locale: true, mailKey: true } });
        const locale = asLocale(user.locale);
        const w = WORDS[locale];
        const described = await describe(tx, notifications, locale);
        const key = await this.keyOf(tx, user);
        const kinds = [...new Set(notifications.map((n) => n.kind))];
        const stops = kinds.map((kind) => `${this.config.publicUrl}/abbestellen?token=${unsubscribeToken(key, user.id, kind)}`);
        await this.mail.send(
          {
            to: user.email,
            subject: w.digestSubject(notifications.length),
            text: `${w.hello},\n\n${w.digestIntro}\n\n${this.lines(described, locale)}\n\n${w.stop}:\n${stops.join('\n')}\n${w.settings}: ${this.config.publicUrl}/benachrichtigungen\n`,
            unsubscribeUrl: stops.length === 1 ? stops[0] : undefined,
          },
          { tx },
        );
        return true;
      });
      if (mailed) sent++;
    }
    return sent;
  }
}
