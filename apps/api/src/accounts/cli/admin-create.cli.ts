import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../core/config/config.js';
import { startDatabase } from '../../core/database/database-runtime.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { AppError } from '../../core/errors/app-error.js';
import { normalizeEmail } from '../accounts.service.js';
import { hashPassword } from '../password.js';
import { newToken, tokenHash } from '../tokens.js';
import { MailDelivery } from '../../core/mail/mail-delivery.js';

/**
 * `npm run admin:create -- --email x@y.de [--name "…"]`: makes a person platform admin. A new person gets a
 * mail with a link to set the password (through SMTP or the local outbox), never a password on screen.
 */
async function main() {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  if (!values.email) throw new ConfigError('usage: npm run admin:create -- --email address [--name "Full Name"]');
  const email = normalizeEmail(values.email);
  const config = loadConfig();
  const database = await startDatabase(config);
  const prisma = new PrismaService(database.url);
  try {
    const existing = await prisma.user.findUnique({ where: { email } });
    if (existing) {
      await prisma.user.update({ where: { id: existing.id }, data: { platformRole: 'ADMIN' } });
      await prisma.auditEvent.create({ data: { type: 'ROLE_CHANGED', subjectId: existing.id, data: { platformRole: 'ADMIN', via: 'admin:create' } } });
      console.log(`${email} is now a platform admin.`);
      return;
    }
    const user = await prisma.user.create({
      data: {
        email,
        name: values.name?.trim() || email.split('@')[0]!,
        // Unusable until the person sets a password through the mailed link.
        passwordHash: await hashPassword(newToken(32)),
        emailVerifiedAt: new Date(),
        platformRole: 'ADMIN',
      },
    });
    const token = newToken(32);
    await prisma.emailToken.create({
      data: { id: tokenHash(token), userId: user.id, purpose: 'RESET_PASSWORD', expiresAt: new Date(Date.now() + 24 * 3_600_000) },
    });
    await prisma.auditEvent.create({ data: { type: 'ROLE_CHANGED', subjectId: user.id, data: { platformRole: 'ADMIN', via: 'admin:create' } } });
    await new MailDelivery(config).deliver({
      to: email,
      subject: 'Verbund: Ihr Administrationskonto',
      text: `Guten Tag,\n\nfür Sie wurde ein Administrationskonto bei Verbund angelegt. Legen Sie mit diesem Link Ihr Passwort fest (24 Stunden gültig):\n${config.publicUrl}/passwort-zuruecksetzen?token=${token}\n`,
    });
    console.log(
      `${email} created as platform admin; a link to set the password was sent ${config.mail.smtpUrl ? 'by mail' : `to the outbox ${config.mail.outboxDir}`}.`,
    );
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError || err instanceof AppError ? err.message : err);
  process.exit(1);
});
