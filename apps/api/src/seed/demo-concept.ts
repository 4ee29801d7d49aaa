import type { INestApplicationContext } from '@nestjs/common';
import type { User } from '../generated/prisma/client.js';
import { ConceptsService } from '../concepts/concepts.service.js';
import { docFromText } from '../concepts/section-content.js';
import { UpstreamService } from '../concepts/upstream.service.js';
import { PrismaService } from '../core/database/prisma.service.js';

export const DEMO_CONCEPT = 'Integrationskonzept Leipziger Raum';

const TEXTS: Record<string, string> = {
  Leitbild: 'Vielfalt ist Normalität im Leipziger Raum. Stadt und Landkreise gestalten Integration gemeinsam und über Verwaltungsgrenzen hinweg.',
  'Ausgangslage und Daten':
    'Rund 12 Prozent der Einwohnerinnen und Einwohner haben keine deutsche Staatsangehörigkeit. Viele pendeln zwischen Stadt und Umland zu Arbeit, Sprachkurs und Beratung.',
  'Handlungsfeld Sprache': 'Integrationskurse und berufsbezogene Sprachkurse werden zwischen Stadt und Landkreisen abgestimmt, damit Wartezeiten kurz bleiben.',
  'Handlungsfeld Arbeit': 'Jobcenter, Agentur für Arbeit und Kammern beraten in gemeinsamen Sprechstunden.',
};

/**
 * The demo's concept: drafted by the Leipzig working group, published twice, and adapted by Nordsachsen with one
 * local change, so that a newcomer sees versions, lineage and a pending change from upstream at once.
 */
export async function seedDemoConcept(app: INestApplicationContext, groupId: string, stadt: User, nord: User | null): Promise<void> {
  const prisma = app.get(PrismaService, { strict: false });
  const concepts = app.get(ConceptsService, { strict: false });
  const upstream = app.get(UpstreamService, { strict: false });
  const fresh = async (u: User) => (await prisma.user.findUnique({ where: { id: u.id } }))!;
  const write = (conceptId: string, sectionId: string, text: string) =>
    prisma.$transaction((tx) => concepts.setSectionContent(tx, conceptId, sectionId, docFromText(text)));

  const concept = await concepts.create(await fresh(stadt), {
    title: DEMO_CONCEPT,
    summary: 'Gemeinsames Rahmenkonzept der Stadt Leipzig und der umliegenden Landkreise.',
    topics: ['SPRACHE', 'ARBEIT_AUSBILDUNG', 'VERWALTUNG_STRATEGIE'],
    groupId,
  });
  const sections = await concepts.sectionsOf(concept);
  const section = (title: string) => sections.find((s) => s.title === title)!;
  for (const [title, text] of Object.entries(TEXTS)) await write(concept.id, section(title).id, text);
  await concepts.addMeasure(await fresh(stadt), {
    conceptId: concept.id,
    sectionId: section('Handlungsfeld Sprache').id,
    title: 'Gemeinsame Kursplatzbörse',
    responsible: 'Integrationskoordination Stadt Leipzig',
    partners: 'Landkreis Leipzig, Landkreis Nordsachsen, Kursträger',
    timeline: '2027',
    indicator: 'Wartezeit auf einen Kursplatz unter 6 Wochen',
  });
  await upstream.publish(await fresh(stadt), concept.id, 'Erste gemeinsame Fassung');
  if (!nord) return;

  const organization = await prisma.organization.findFirst({ where: { memberships: { some: { userId: nord.id, status: 'CONFIRMED' } } } });
  if (!organization) return;
  const version = await prisma.conceptVersion.findFirstOrThrow({ where: { conceptId: concept.id, number: 1 } });
  const adaptationId = await upstream.adapt(await fresh(nord), version.id, organization.id);
  const adaptation = await prisma.conceptSection.findFirstOrThrow({ where: { conceptId: adaptationId, title: 'Handlungsfeld Arbeit' } });
  await write(
    adaptationId,
    adaptation.id,
    'Das Jobcenter Nordsachsen, die Agentur für Arbeit Oschatz und die Kammern beraten in gemeinsamen Sprechstunden in Torgau und Delitzsch.',
  );

  await write(concept.id, section('Handlungsfeld Sprache').id, `${TEXTS['Handlungsfeld Sprache']} Abendkurse kommen für Berufstätige hinzu.`);
  await upstream.publish(await fresh(stadt), concept.id, 'Abendkurse im Handlungsfeld Sprache');
}
