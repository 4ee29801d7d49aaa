import { addMember, createGroup, createUser, municipalityOrganization, signIn } from '../../test/support/factories.js';
import { startTestApp, type TestApp, type TestClient } from '../../test/support/test-app.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { CooperationDigest } from './cooperation-digest.js';
import { CooperationRefresh } from './cooperation-refresh.js';

interface Suggestion {
  kind: string;
  subjectId: string;
  title: string;
  startsAt: string | null;
  neighbour: { municipality: { ags: string }; gap: boolean };
}
const QUERY = '{ cooperationSuggestions(ags: "14729") { kind subjectId title startsAt neighbour { municipality { ags } gap } } }';
const code = (res: { errors?: { extensions: { code: string } }[] }) => res.errors?.[0]?.extensions.code ?? 'OK';
const DAY = 86_400_000;

/**
 * The Landkreis Leipzig (14729) and the Landkreis Mittelsachsen (14522) share a border and, at first, nothing
 * else: what Mittelsachsen takes part in becomes suggestions for the Landkreis Leipzig, as far as it is open to it.
 */
describe('cooperation suggestions: what acts on a gap, and only what is open to the municipality', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let refresh: CooperationRefresh;
  let kreis: TestClient;
  let kreisUser: string;
  let mittelUser: string;
  let mittelOrg: string;
  let mittelId: string;
  const suggestions = async () => {
    const res = await kreis.graphql<{ cooperationSuggestions: Suggestion[] }>(QUERY);
    expect(res.errors).toBeUndefined();
    return res.data!.cooperationSuggestions;
  };
  const titles = async () => (await suggestions()).map((s) => `${s.kind} ${s.title}`).sort();
  const event = (title: string, openTo: 'OWN' | 'NEIGHBOURS', startsIn = 10 * DAY) =>
    prisma.event.create({
      data: {
        kind: 'NETZWERKTREFFEN',
        title,
        description: '',
        topics: ['EHRENAMT'],
        startsAt: new Date(Date.now() + startsIn),
        endsAt: new Date(Date.now() + startsIn + 2 * 3600_000),
        lastEndsAt: new Date(Date.now() + startsIn + 2 * 3600_000),
        organizerOrganizationId: mittelOrg,
        homeId: mittelId,
        homeKreisId: mittelId,
        openTo,
        languages: ['de'],
        audiences: ['FACHKRAEFTE'],
      },
    });

  beforeAll(async () => {
    t = await startTestApp({}, { directory: true });
    prisma = t.app.get(PrismaService);
    refresh = t.app.get(CooperationRefresh);
    const [k, m] = [await createUser(prisma), await createUser(prisma)];
    await addMember(prisma, k.id, '14729');
    await addMember(prisma, m.id, '14522');
    [kreisUser, mittelUser] = [k.id, m.id];
    mittelOrg = (await municipalityOrganization(prisma, '14522')).id;
    mittelId = (await prisma.municipality.findUniqueOrThrow({ where: { ags: '14522' } })).id;
    kreis = await signIn(t, k.email);
  });
  afterAll(async () => t.close());

  it('suggests the neighbour’s open group, coming event and offer open to it, but no closed group, own-only event or past event', async () => {
    await createGroup(prisma, 'Ehrenamt Mittelsachsen', mittelUser, [], 'OPEN');
    await createGroup(prisma, 'Interne Runde Mittelsachsen', mittelUser, [], 'CLOSED');
    await event('Netzwerktreffen für Nachbarn', 'NEIGHBOURS');
    await event('Nur für Mittelsachsen', 'OWN');
    await event('Schon vorbei', 'NEIGHBOURS', -10 * DAY);
    await prisma.offer.create({
      data: {
        kind: 'BERATUNGSSTELLE',
        title: 'Beratung für die Nachbarn',
        description: '',
        topics: ['BERATUNG_BEGLEITUNG'],
        providerOrganizationId: mittelOrg,
        homeId: mittelId,
        homeKreisId: mittelId,
        openTo: 'NEIGHBOURS',
        languages: ['de'],
        contact: 'Sozialamt',
      },
    });
    await refresh.refresh();

    expect(await titles()).toEqual(['EVENT Netzwerktreffen für Nachbarn', 'GROUP Ehrenamt Mittelsachsen', 'OFFER Beratung für die Nachbarn']);
    const found = await suggestions();
    expect(found.every((s) => s.neighbour.municipality.ags === '14522' && s.neighbour.gap)).toBe(true);
    expect(found.find((s) => s.kind === 'EVENT')!.startsAt).not.toBeNull();
    expect(JSON.stringify(found)).not.toContain('Interne Runde');
  });

  it('suggests the neighbour’s coming round when its audience includes the municipality, and a concept it adapted', async () => {
    const series = await prisma.roundSeries.create({
      data: {
        title: 'Austausch Unterbringung',
        description: '',
        topics: ['WOHNEN'],
        hostOrganizationId: mittelOrg,
        audience: 'NEIGHBOURS',
        videoUrl: 'https://meet.example/unterbringung',
        firstStartsAt: new Date(Date.now() + 5 * DAY),
        durationMinutes: 90,
      },
    });
    const startsAt = new Date(Date.now() + 5 * DAY);
    await prisma.round.create({
      data: { seriesId: series.id, originalStartsAt: startsAt, startsAt, endsAt: new Date(startsAt.getTime() + 90 * 60_000) },
    });
    const elsewhere = await municipalityOrganization(prisma, '09184');
    const upstream = await prisma.concept.create({
      data: { title: 'Integrationskonzept München', topics: [], licence: 'CC_BY_4_0', organizationId: elsewhere.id },
    });
    const adaptation = await prisma.concept.create({
      data: { title: 'Integrationskonzept Mittelsachsen', topics: [], licence: 'CC_BY_4_0', organizationId: mittelOrg, upstreamConceptId: upstream.id },
    });
    await prisma.concept.create({
      data: { title: 'Entwurf ohne Version', topics: [], licence: 'CC_BY_4_0', organizationId: mittelOrg, upstreamConceptId: upstream.id },
    });
    await prisma.conceptVersion.create({
      data: { conceptId: adaptation.id, number: 1, title: adaptation.title, licence: adaptation.licence, note: '', sections: [] },
    });

    const found = await suggestions();
    expect(found.map((s) => s.kind)).toEqual(['GROUP', 'ROUND', 'EVENT']);
    expect(found[1]).toMatchObject({ title: 'Austausch Unterbringung', startsAt: startsAt.toISOString() });

    // Three per neighbour: with the group gone, the offer and then the concept come up.
    await prisma.workingGroup.deleteMany({ where: { name: 'Ehrenamt Mittelsachsen' } });
    await prisma.round.deleteMany({ where: { seriesId: series.id } });
    expect((await suggestions()).map((s) => `${s.kind} ${s.title}`)).toEqual([
      'EVENT Netzwerktreffen für Nachbarn',
      'OFFER Beratung für die Nachbarn',
      'CONCEPT Integrationskonzept Mittelsachsen',
    ]);
  });

  it('the weekly digest tells each member once, in the kind they chose', async () => {
    const digest = t.app.get(CooperationDigest);
    const other = await createUser(prisma);
    await addMember(prisma, other.id, '14729');
    await prisma.notificationPreference.create({ data: { userId: other.id, kind: 'COOPERATION_SUGGESTION', channel: 'OFF' } });

    await digest.send();
    const written = await prisma.notification.findMany({ where: { kind: 'COOPERATION_SUGGESTION', userId: kreisUser } });
    expect(written).toHaveLength(3);
    expect(written.every((n) => n.channel === 'DIGEST')).toBe(true);
    expect(await prisma.notification.count({ where: { kind: 'COOPERATION_SUGGESTION', userId: other.id } })).toBe(0);
    const texts = await kreis.graphql<{ notifications: { nodes: { text: string; link: string }[] } }>('{ notifications(first: 10) { nodes { text link } } }');
    expect(texts.data!.notifications.nodes.map((n) => n.text)).toContain(
      'Noch keine Zusammenarbeit zwischen Landkreis Leipzig und Landkreis Mittelsachsen: Das Angebot „Beratung für die Nachbarn“ aus Landkreis Mittelsachsen ist offen für Landkreis Leipzig.',
    );
    // A concept is named as published: the neighbour's working title is its drafters' alone.
    await prisma.concept.updateMany({ where: { title: 'Integrationskonzept Mittelsachsen' }, data: { title: 'Arbeitstitel Mittelsachsen' } });
    const renamed = await kreis.graphql<{ notifications: { nodes: { text: string }[] } }>('{ notifications(first: 10) { nodes { text } } }');
    expect(renamed.data!.notifications.nodes.map((n) => n.text)).toContain(
      'Noch keine Zusammenarbeit zwischen Landkreis Leipzig und Landkreis Mittelsachsen: Landkreis Mittelsachsen hat das Konzept „Integrationskonzept Mittelsachsen“ angepasst.',
    );

    await digest.send();
    expect(await prisma.notification.count({ where: { kind: 'COOPERATION_SUGGESTION', userId: kreisUser } })).toBe(3);

    // A neighbour's weekly round is suggested once, not again each week with its next date.
    const series = await prisma.roundSeries.create({
      data: {
        title: 'Wöchentlicher Austausch Sprachmittlung',
        description: '',
        topics: ['SPRACHE'],
        hostOrganizationId: mittelOrg,
        audience: 'NEIGHBOURS',
        videoUrl: 'https://meet.example/sprachmittlung',
        firstStartsAt: new Date(Date.now() + DAY),
        durationMinutes: 60,
      },
    });
    const dates = [1, 8].map((days) => new Date(Date.now() + days * DAY));
    await prisma.round.createMany({
      data: dates.map((startsAt) => ({ seriesId: series.id, originalStartsAt: startsAt, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) })),
    });
    await digest.send();
    expect(await prisma.notification.count({ where: { kind: 'COOPERATION_SUGGESTION', userId: kreisUser } })).toBe(4);
    const held = new Date(Date.now() - DAY);
    await prisma.round.updateMany({
      where: { seriesId: series.id, startsAt: dates[0] },
      data: { startsAt: held, endsAt: new Date(held.getTime() + 3_600_000) },
    });
    await digest.send();
    expect(await prisma.notification.count({ where: { kind: 'COOPERATION_SUGGESTION', userId: kreisUser } })).toBe(4);
    await prisma.roundSeries.delete({ where: { id: series.id } });
  });

  it("the Landkreis's staff looking at one of its Gemeinden see only what is open to them too", async () => {
    // A Gemeinde of the Landkreis Leipzig and one of Mittelsachsen across the Kreis border, from the directory.
    const border = await prisma.municipalityBorder.findFirstOrThrow({
      where: { level: 'GEMEINDE', from: { ags: { startsWith: '14729' }, isGemeinde: true }, to: { ags: { startsWith: '14522' }, isGemeinde: true } },
      include: { from: true, to: true },
    });
    const nearby = await prisma.event.create({
      data: {
        kind: 'NETZWERKTREFFEN',
        title: 'Nur für die Nachbargemeinden',
        description: '',
        topics: ['EHRENAMT'],
        startsAt: new Date(Date.now() + 5 * DAY),
        endsAt: new Date(Date.now() + 5 * DAY + 3600_000),
        lastEndsAt: new Date(Date.now() + 5 * DAY + 3600_000),
        organizerOrganizationId: (await municipalityOrganization(prisma, border.to.ags)).id,
        homeId: border.to.id,
        homeKreisId: mittelId,
        openTo: 'NEIGHBOURS',
        languages: ['de'],
        audiences: ['FACHKRAEFTE'],
      },
    });
    const query = `{ cooperationSuggestions(ags: "${border.from.ags}") { kind title } }`;
    const local = await createUser(prisma);
    await addMember(prisma, local.id, border.from.ags);
    const own = await (await signIn(t, local.email)).graphql<{ cooperationSuggestions: { title: string }[] }>(query);
    expect(own.data!.cooperationSuggestions.map((s) => s.title)).toContain('Nur für die Nachbargemeinden');
    // Open to the Gemeinde's neighbours, not to the Landkreis: its staff may look at the Gemeinde, but not at the event.
    expect(code(await kreis.graphql(`{ event(id: "${nearby.id}") { id } }`))).toBe('NOT_FOUND');
    const viaKreis = await kreis.graphql<{ cooperationSuggestions: { title: string }[] }>(query);
    expect(viaKreis.errors).toBeUndefined();
    expect(viaKreis.data!.cooperationSuggestions.map((s) => s.title)).not.toContain('Nur für die Nachbargemeinden');
    await prisma.event.delete({ where: { id: nearby.id } });
  });

  it('a neighbour one already works with is no gap and suggests nothing', async () => {
    await createGroup(prisma, 'Gemeinsame Gruppe', kreisUser, [mittelUser], 'OPEN');
    await refresh.refresh();
    expect(await suggestions()).toEqual([]);
  });

  it("is for the municipality's own members", async () => {
    const stranger = await createUser(prisma);
    await addMember(prisma, stranger.id, '14713');
    const client = await signIn(t, stranger.email);
    expect(code(await client.graphql(QUERY))).toBe('FORBIDDEN');
    expect(code(await t.client().graphql(QUERY))).toBe('UNAUTHENTICATED');
    expect(code(await kreis.graphql('{ cooperationSuggestions(ags: "99999") { kind } }'))).toBe('NOT_FOUND');
  });
});
