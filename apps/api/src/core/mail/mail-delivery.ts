import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { AppConfig } from '../config/config.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** RFC 8058 one-click unsubscribe address, for mails a person may turn off. */
  unsubscribeUrl?: string;
}

/** Written under a temporary name and renamed: a reader of the outbox never sees a half-written file. */
async function writeWhole(file: string, content: string | Buffer): Promise<void> {
  await fs.promises.writeFile(`${file}.part`, content, { mode: 0o600 });
  await fs.promises.rename(`${file}.part`, file);
}

/**
 * One delivery attempt: through SMTP when SMTP_URL is set; otherwise the mail is written as an .eml file to the
 * outbox directory (listed at /dev/mail outside production), so that no mail is ever lost silently.
 */
export class MailDelivery {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    this.transport = config.mail.smtpUrl
      ? nodemailer.createTransport(config.mail.smtpUrl)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async deliver(mail: Mail): Promise<void> {
    const { unsubscribeUrl, ...message } = mail;
    const headers = unsubscribeUrl ? { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : undefined;
    const info = await this.transport.sendMail({ from: this.config.mail.from, ...message, headers });
    if (this.config.mail.smtpUrl) return;
    await fs.promises.mkdir(this.config.mail.outboxDir, { recursive: true, mode: 0o700 });
    const file = path.join(this.config.mail.outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`);
    await writeWhole(file, (info as unknown as { message: Buffer }).message);
    // The decoded text beside it, for the /dev/mail viewer (the .eml body is quoted-printable).
    await writeWhole(file.replace(/\.eml$/, '.json'), JSON.stringify(mail));
    this.logger.log(`mail "${mail.subject}" written to the outbox`);
  }

  /** Outbox mails, newest first. */
  outbox(): (Mail & { id: string })[] {
    const dir = this.config.mail.outboxDir;
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .reverse()
      .map((file) => ({ id: file.replace(/\.json$/, ''), ...(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Mail) }));
  }
}
