import type { INestApplicationContext } from '@nestjs/common';
import { PrismaService } from '../core/database/prisma.service.js';
import { DiscussionsService } from '../groups/discussions.service.js';
import { GroupMembershipService } from '../groups/group-membership.service.js';
import { GroupsService } from '../groups/groups.service.js';
import { GroupAccess, GroupRegionKind } from '../groups/models/group.model.js';
import { MaterialsService } from '../materials/materials.service.js';
import { MaterialVisibility } from '../materials/models/material.model.js';
import { CooperationDigest } from '../insights/cooperation-digest.js';
import { CooperationRefresh } from '../insights/cooperation-refresh.js';
import { seedDemoConcept } from './demo-concept.js';
import { seedDemoEvents } from './demo-events.js';
import { seedDemoNeighbours } from './demo-neighbours.js';
import { seedDemoRounds } from './demo-rounds.js';
import { DEMO_PEOPLE } from './demo-people.js';

export const DEMO_GROUP = 'AG Sprachmittlung Region Leipzig';

const GUIDE = `# Dolmetscherpool gemeinsam aufbauen

Stadt und Landkreis Leipzig teilen sich einen Pool von Sprachmittlerinnen und Sprachmittlern für Arabisch,
Dari, Ukrainisch und Russisch.

- Einsätze in Beratungsstellen, Schulen und beim Jobcenter
- Schulung zu Rolle, Schweigepflicht und Vokabular der Verwaltung
- Abrechnung über eine gemeinsame Honorarordnung

Fragen an die **Integrationskoordination** des Landkreises.`;

/**
 * A small working group with a discussion and a shared material, so that a first start shows what Verbund is
 * for. Goes through the services (search index, sanitising) like any user; skipped when the group exists.
 */
export async function seedDemoContent(app: INestApplicationContext): Promise<void> {
  const prisma = app.get(PrismaService, { strict: false });
  if (await prisma.workingGroup.findFirst({ where: { name: DEMO_GROUP } })) return;
  // A fresh user row per call: services remember a person's groups per user object, i.e. per request.
  const person = (email: string) => prisma.user.findUnique({ where: { email } });
  const [, kreis, stadt, nord] = DEMO_PEOPLE;
  // Without the directory the demo people have no memberships, and groups need confirmed members.
  const confirmed = await prisma.user.count({ where: { email: { in: [kreis.email, stadt.email] }, memberships: { some: { status: 'CONFIRMED' } } } });
  if (confirmed < 2) return;

  const groups = app.get(GroupsService, { strict: false });
  const membership = app.get(GroupMembershipService, { strict: false });
  const group = await groups.create((await person(stadt.email))!, {
    name: DEMO_GROUP,
    description: 'Stadt und Landkreis Leipzig bauen einen gemeinsamen Pool von Sprachmittlerinnen und Sprachmittlern auf.',
    topics: ['SPRACHE', 'BERATUNG_BEGLEITUNG'],
    access: GroupAccess.ON_REQUEST,
    region: { kind: GroupRegionKind.KREIS, kreisAgs: '14713' },
  });
  const ina = (await person(kreis.email))!;
  await membership.join(ina, group.id);
  await membership.decide((await person(stadt.email))!, { groupId: group.id, personId: ina.id, approve: true });
  // Nordsachsen borders both: invited by the city, it accepts (which settles its invitation notification).
  const nils = await person(nord.email);
  if (nils) {
    await membership.invite((await person(stadt.email))!, { groupId: group.id, personId: nils.id }, '127.0.0.1');
    await membership.join(nils, group.id);
  }
  await app.get(DiscussionsService, { strict: false }).start((await person(kreis.email))!, {
    groupId: group.id,
    title: 'Honorarordnung abstimmen',
    body: `Hallo @${stadt.name}, können wir die Sätze der Stadt übernehmen? Ich stelle unseren Leitfaden in die Materialien.`,
  });
  const organization = await prisma.organization.findFirstOrThrow({ where: { memberships: { some: { userId: ina.id, status: 'CONFIRMED' } } } });
  const materials = app.get(MaterialsService, { strict: false });
  const material = await materials.create((await person(kreis.email))!, {
    title: 'Leitfaden Dolmetscherpool',
    summary: 'Wie Stadt und Landkreis Leipzig Sprachmittlung gemeinsam organisieren.',
    topics: ['SPRACHE'],
    kind: 'LEITFADEN',
    languages: ['de'],
    licence: 'CC_BY_4_0',
    visibility: MaterialVisibility.MEMBERS,
    organizationId: organization.id,
    groupId: group.id,
    markdown: GUIDE,
  });
  await materials.markUsed((await person(stadt.email))!, material.id, true);
  await seedDemoConcept(app, group.id, (await person(stadt.email))!, await person(nord.email));
  await seedDemoRounds(app, group.id, (await person(stadt.email))!, await person(nord.email));
  await seedDemoEvents(app, (await person(kreis.email))!, (await person(stadt.email))!, await person(nord.email));
  await seedDemoNeighbours(app);
  // The figures of the insights and the week's suggestions, at once rather than with the nightly and weekly jobs.
  await app.get(CooperationRefresh, { strict: false }).refresh();
  await app.get(CooperationDigest, { strict: false }).send();
}
