import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { JobsService } from '../jobs/jobs.service.js';
import { type Mail, MailDelivery } from './mail-delivery.js';

export type { Mail } from './mail-delivery.js';
export const MAIL_JOB = 'mail.send';

/**
 * Every mail is a job: `send` queues it (inside the caller's transaction when given one), a worker delivers it,
 * and a failed delivery is tried again with backoff for about two hours, so an SMTP outage loses nothing.
 */
@Injectable()
export class MailService {
  private readonly delivery: MailDelivery;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly jobs: JobsService,
  ) {
    this.delivery = new MailDelivery(config);
    jobs.define<Mail>({
      name: MAIL_JOB,
      handler: (mail) => this.delivery.deliver(mail),
      queue: {
        retryLimit: config.jobs.mailRetryLimit,
        retryDelay: config.jobs.mailRetryDelaySeconds,
        retryBackoff: true,
        retryDelayMax: 900,
        expireInSeconds: 120,
        // Mails may carry links with tokens: a delivered one does not stay in the database.
        deleteAfterSeconds: 60,
      },
    });
  }

  /** Queues the mail; with `tx`, only if and when that transaction commits. */
  async send(mail: Mail, options: { tx?: Prisma.TransactionClient } = {}): Promise<void> {
    await this.jobs.send(MAIL_JOB, mail, options);
  }

  /** Outbox mails (without SMTP), newest first. */
  outbox(): (Mail & { id: string })[] {
    return this.delivery.outbox();
  }
}
