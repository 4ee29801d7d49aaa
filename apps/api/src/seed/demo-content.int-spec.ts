import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { signIn } from '../../test/support/factories.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { DEMO_GROUP, seedDemoContent } from './demo-content.js';
import { DEMO_BERATUNG, DEMO_FACHTAG, DEMO_SHARED_POSITION } from './demo-events.js';
import { DEMO_PEOPLE, seedDemoPeople } from './demo-people.js';
import { DEMO_ROUND } from './demo-rounds.js';

describe('demo content', () => {
  let t: TestApp;
  let prisma: PrismaService;
  beforeAll(async () => {
    t = await startTestApp({}, { directory: true });
    prisma = new PrismaService(t.db.url);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await t.close();
  });

  it('does nothing while the demo people have no memberships (no directory)', async () => {
    await seedDemoPeople(prisma);
    await prisma.membership.updateMany({ data: { status: 'REQUESTED' } });
    await expect(seedDemoContent(t.app)).resolves.toBeUndefined();
    expect(await prisma.workingGroup.count()).toBe(0);
    await prisma.membership.updateMany({ data: { status: 'CONFIRMED' } });
  });

  it('seeds a group with a discussion and a searchable material, once', async () => {
    await seedDemoPeople(prisma);
    await seedDemoContent(t.app);
    await seedDemoContent(t.app);
    expect(await prisma.workingGroup.count({ where: { name: DEMO_GROUP } })).toBe(1);
    // The guide and the protocol of the last round held.
    expect(await prisma.material.count()).toBe(2);

    const nils = DEMO_PEOPLE[3];
    const client = await signIn(t, nils.email, nils.password);
    const found = await client.graphql<{ materials: { nodes: { material: { title: string; useCount: number } }[] } }>(
      '{ materials(search: "Sprachmittlerinnen") { nodes { material { title useCount } } } }',
    );
    expect(found.data!.materials.nodes.map((n) => n.material)).toContainEqual({ title: 'Leitfaden Dolmetscherpool', useCount: 1 });
    const thread = await prisma.post.findFirstOrThrow();
    expect(thread.html).toContain('class="mention"');

    // The monthly round: past dates and the next ones, Nordsachsen registered for what is ahead.
    const series = await prisma.roundSeries.findFirstOrThrow({ where: { title: DEMO_ROUND }, include: { dates: true } });
    expect(series.dates.some((d) => d.startsAt < new Date())).toBe(true);
    expect(series.dates.filter((d) => d.startsAt > new Date()).length).toBeGreaterThan(3);
    const upcoming = await client.graphql<{ rounds: { nodes: { title: string; startsAt: string; myRegistration: string | null }[] } }>(
      '{ rounds(filter: { nearMe: true }) { nodes { title startsAt myRegistration } } }',
    );
    // A date running right now (the first Wednesday at noon) was not ahead when the series registration was made.
    const next = upcoming.data!.rounds.nodes.find((n) => new Date(n.startsAt) > new Date())!;
    expect({ title: next.title, myRegistration: next.myRegistration }).toEqual({ title: DEMO_ROUND, myRegistration: 'REGISTERED' });
    // The last date held has its chat, a poll and its protocol among the group's materials.
    const held = series.dates.filter((d) => d.endsAt < new Date()).sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime())[0]!;
    expect(await prisma.roundMessage.count({ where: { roundId: held.id } })).toBeGreaterThan(2);
    // Events and offers across the borders: the Landkreis's Fachtag open to neighbours, Nordsachsen registered; the
    // city's Migrationsberatung open to residents of both Landkreise; a position two Gemeinden share.
    const events = await client.graphql<{ events: { nodes: { title: string; myRegistration: string | null }[] } }>(
      '{ events(filter: { nearMe: true }) { nodes { title myRegistration } } }',
    );
    expect(events.data!.events.nodes).toContainEqual({ title: DEMO_FACHTAG, myRegistration: 'REGISTERED' });
    const offers = await client.graphql<{ offers: { nodes: { title: string }[] } }>('{ offers(filter: { municipalityAgs: "14730" }) { nodes { title } } }');
    expect(offers.data!.offers.nodes.map((o) => o.title)).toContain(DEMO_BERATUNG);
    expect(await prisma.offer.count({ where: { title: DEMO_SHARED_POSITION, partners: { some: {} } } })).toBe(1);
    const protocol = await prisma.material.findUniqueOrThrow({ where: { id: held.protocolId! }, include: { versions: true } });
    expect(protocol.kind).toBe('PROTOKOLL');
    expect(protocol.versions[0]!.markdown).toContain('- Landkreis Nordsachsen\n- Stadt Leipzig');
  });
});
