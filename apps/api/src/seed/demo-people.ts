import { hashPassword } from '../accounts/password.js';
import type { PrismaService } from '../core/database/prisma.service.js';

/** Documented in the README: sign in with these to try Verbund. Never loaded in production unless asked. */
export const DEMO_PEOPLE = [
  { name: 'Alex Admin', email: 'admin@verbund.example', password: 'Verbund-Demo-Admin-2026', platformAdmin: true },
  {
    name: 'Ina Integration',
    email: 'integration@landkreis-leipzig.example',
    password: 'Verbund-Demo-Leipzig-2026',
    adminOf: '14729',
  },
  { name: 'Lea Leipzig', email: 'integration@stadt-leipzig.example', password: 'Verbund-Demo-Stadt-2026', adminOf: '14713' },
  { name: 'Nils Nordsachsen', email: 'integration@nordsachsen.example', password: 'Verbund-Demo-Nordsachsen-2026', adminOf: '14730' },
  // Far from Leipzig: what is open only to Leipzig's neighbours is not shown here.
  { name: 'Mia München', email: 'integration@landkreis-muenchen.example', password: 'Verbund-Demo-Muenchen-2026', adminOf: '09184' },
  // A colleague in the Landkreis: its admin sees whom to remove once they leave the office.
  { name: 'Emil Ehrenamt', email: 'ehrenamt@landkreis-leipzig.example', password: 'Verbund-Demo-Ehrenamt-2026', memberOf: '14729' },
] as const;

/** Idempotent: existing people keep their password and memberships (also ended ones stay ended). */
export async function seedDemoPeople(prisma: PrismaService): Promise<void> {
  for (const person of DEMO_PEOPLE) {
    const existing = await prisma.user.findUnique({ where: { email: person.email } });
    const user =
      existing ??
      (await prisma.user.create({
        data: {
          name: person.name,
          email: person.email,
          passwordHash: await hashPassword(person.password),
          emailVerifiedAt: new Date(),
          platformRole: 'platformAdmin' in person ? 'ADMIN' : 'USER',
        },
      }));
    const ags = 'adminOf' in person ? person.adminOf : 'memberOf' in person ? person.memberOf : null;
    // Only with a new account: a membership someone ended in the demo stays ended after a restart.
    if (!ags || existing) continue;
    const municipality = await prisma.municipality.findUnique({ where: { ags } });
    if (!municipality) continue;
    const organization = await prisma.organization.upsert({
      where: { representsId: municipality.id },
      update: {},
      create: { kind: 'MUNICIPALITY', name: municipality.displayName, representsId: municipality.id, locatedInId: municipality.id },
    });
    await prisma.membership.upsert({
      where: { userId_organizationId: { userId: user.id, organizationId: organization.id } },
      update: {},
      create: {
        userId: user.id,
        organizationId: organization.id,
        role: 'adminOf' in person ? 'ADMIN' : 'MEMBER',
        status: 'CONFIRMED',
        function: 'adminOf' in person ? 'INTEGRATIONSKOORDINATION' : 'EHRENAMTSKOORDINATION',
        topics: 'adminOf' in person ? ['SPRACHE', 'ARBEIT_AUSBILDUNG'] : ['EHRENAMT'],
        decidedAt: new Date(),
      },
    });
  }
}
