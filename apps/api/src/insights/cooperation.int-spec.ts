import { addMember, createGroup, createUser, signIn } from '../../test/support/factories.js';
import { startTestApp, type TestApp, type TestClient } from '../../test/support/test-app.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { CooperationRefresh } from './cooperation-refresh.js';

interface Neighbour {
  municipality: { ags: string };
  kinds: { kind: string; count: number }[];
  gap: boolean;
  landkreisAndCity: boolean;
  acrossKreis: boolean;
}
const QUERY = '{ cooperation(ags: "14729") { municipality { ags } kinds { kind count } gap landkreisAndCity acrossKreis } }';
const code = (res: { errors?: { extensions: { code: string } }[] }) => res.errors?.[0]?.extensions.code ?? 'OK';

describe('cooperation insights: what neighbours do together, from stored figures', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let refresh: CooperationRefresh;
  let kreis: TestClient;
  let stadt: TestClient;
  let kreisUser: string;
  let stadtUser: string;
  const neighbour = async (ags: string) => {
    const res = await kreis.graphql<{ cooperation: Neighbour[] }>(QUERY);
    expect(res.errors).toBeUndefined();
    return res.data!.cooperation.find((n) => n.municipality.ags === ags)!;
  };

  beforeAll(async () => {
    t = await startTestApp({}, { directory: true });
    prisma = t.app.get(PrismaService);
    refresh = t.app.get(CooperationRefresh);
    const [k, s] = [await createUser(prisma), await createUser(prisma)];
    await addMember(prisma, k.id, '14729');
    await addMember(prisma, s.id, '14713');
    [kreisUser, stadtUser] = [k.id, s.id];
    [kreis, stadt] = [await signIn(t, k.email), await signIn(t, s.email)];
  });
  afterAll(async () => t.close());

  it('a shared closed group turns the Landkreis and the kreisfreie Stadt beside it from a gap into cooperating, without naming it', async () => {
    await refresh.refresh();
    const before = await neighbour('14713');
    expect(before).toMatchObject({ gap: true, kinds: [], landkreisAndCity: true });
    // Every bordering Kreis is listed, across the Land border too.
    const landkreis = await prisma.municipality.findUniqueOrThrow({ where: { ags: '14729' } });
    const borders = await prisma.municipalityBorder.findMany({ where: { fromId: landkreis.id, level: 'KREIS', viaAgs: '' }, include: { to: true } });
    const listed = (await kreis.graphql<{ cooperation: Neighbour[] }>(QUERY)).data!.cooperation.map((n) => n.municipality.ags);
    expect(listed).toEqual(expect.arrayContaining(borders.map((b) => b.to.ags)));

    await createGroup(prisma, 'Vertrauliche Runde der Sozialämter', kreisUser, [stadtUser], 'CLOSED');
    await refresh.refresh();
    const after = await neighbour('14713');
    expect(after).toMatchObject({ gap: false, kinds: [{ kind: 'GROUP', count: 1 }] });
    const raw = JSON.stringify((await kreis.graphql(QUERY)).data);
    expect(raw).not.toContain('Vertrauliche');
  });

  it('the stored figures equal a direct recount', async () => {
    await createGroup(prisma, 'Zweite Gruppe', stadtUser, [kreisUser], 'OPEN');
    await refresh.refresh();
    const [a, b] = await Promise.all(['14713', '14729'].map((ags) => prisma.municipality.findUniqueOrThrow({ where: { ags } })));
    const shared = await prisma.workingGroup.count({
      where: {
        AND: [a!, b!].map((m) => ({
          members: { some: { status: 'ACTIVE', user: { memberships: { some: { status: 'CONFIRMED', organization: { locatedInId: m.id } } } } } },
        })),
      },
    });
    const [first, second] = [a!.id, b!.id].sort();
    const stored = await prisma.cooperationPair.findUniqueOrThrow({ where: { aId_bId_kind: { aId: first!, bId: second!, kind: 'GROUP' } } });
    expect(stored.count).toBe(shared);
    expect(shared).toBe(2);
  });

  it('two refreshes at once both finish, and the stored time is when they ran', async () => {
    const before = Date.now();
    await Promise.all([refresh.refresh(), refresh.refresh()]);
    const rows = await prisma.cooperationSnapshot.findMany();
    expect(rows.length).toBeGreaterThan(16);
    for (const row of rows) expect(Math.abs(row.refreshedAt.getTime() - before)).toBeLessThan(60_000);
  });

  it('the national figures: the pair counts as cooperating, its small weight is not shown, CSV and JSON say the same', async () => {
    const res = await t.client().graphql<{
      cooperationOverview: {
        borderingKreisPairs: number;
        borderingKreisPairsCooperating: number;
        landkreisCityPairsCooperating: number;
        links: { a: string; b: string; weight: number | null; landkreisAndCity: boolean }[];
        linkCount: number;
        kreise: { ags: string; borderingKreise: number; borderingCooperating: number; partners: number }[];
        series: { month: string }[];
      };
    }>('{ cooperationOverview { borderingKreisPairs borderingKreisPairsCooperating landkreisCityPairsCooperating links { a b weight landkreisAndCity } linkCount kreise { ags borderingKreise borderingCooperating partners } series { month } } }');
    expect(res.errors).toBeUndefined();
    const o = res.data!.cooperationOverview;
    const [{ pairs }] = await prisma.$queryRaw<{ pairs: number }[]>`
      SELECT COUNT(DISTINCT (LEAST("fromId", "toId"), GREATEST("fromId", "toId")))::int AS pairs FROM "MunicipalityBorder" WHERE level = 'KREIS' AND "viaAgs" = ''`;
    expect(o.borderingKreisPairs).toBe(pairs);
    expect(o.borderingKreisPairsCooperating).toBe(1);
    expect(o.landkreisCityPairsCooperating).toBe(1);
    // Two groups: below the threshold of three, so the weight is not shown.
    expect(o.links).toEqual([{ a: '14713', b: '14729', weight: null, landkreisAndCity: true }]);
    expect(o.linkCount).toBe(1);
    // Each Kreis with its bordering Kreise (a recount from the directory) and the one it works with.
    const landkreis = await prisma.municipality.findUniqueOrThrow({ where: { ags: '14729' } });
    const bordering = await prisma.municipalityBorder.findMany({ where: { fromId: landkreis.id, level: 'KREIS', viaAgs: '' }, distinct: ['toId'] });
    expect(o.kreise.find((k) => k.ags === '14729')).toEqual({ ags: '14729', borderingKreise: bordering.length, borderingCooperating: 1, partners: 1 });
    expect(o.kreise.filter((k) => k.partners > 0).map((k) => k.ags)).toEqual(['14713', '14729']);
    expect(o.series.map((m) => m.month)).toEqual([new Date().toISOString().slice(0, 7)]);
    const sachsen = (
      await t
        .client()
        .graphql<{ cooperationOverview: { borderingKreisPairsCooperating: number } }>('{ cooperationOverview(land: "14") { borderingKreisPairsCooperating } }')
    ).data!.cooperationOverview;
    expect(sachsen.borderingKreisPairsCooperating).toBe(1);
    const bayern = (
      await t
        .client()
        .graphql<{ cooperationOverview: { borderingKreisPairsCooperating: number } }>('{ cooperationOverview(land: "09") { borderingKreisPairsCooperating } }')
    ).data!.cooperationOverview;
    expect(bayern.borderingKreisPairsCooperating).toBe(0);

    const csv = await (await fetch(`${t.url}/data/cooperation.csv`)).text();
    const lines = csv.trim().split('\n');
    expect(lines[0]).toMatch(/^# Zusammenarbeit zweier Kommunen/);
    // Germany and each Land, each for all and then by town and country.
    expect(lines).toHaveLength(2 + 17 * 4);
    // The split is the last column, so that the columns read before it keep their places.
    expect(lines.slice(2, 6).map((l) => [l.split(',')[0], l.split(',').at(-1)])).toEqual([
      ['DE', 'alle'],
      ['DE', 'dicht'],
      ['DE', 'mittel'],
      ['DE', 'gering'],
    ]);
    expect(lines[2]!.split(',').slice(0, 3)).toEqual(['DE', String(pairs), '1']);
    const json = (await (await fetch(`${t.url}/data/cooperation.json`)).json()) as { method: string; figures: { land: string | null }[] };
    expect(json.figures).toHaveLength(17);
    expect(csv).not.toContain('Vertrauliche');
  });

  it('splits each figure by town and country: a pair counts for the class of each Kreis (of the Land), a Landkreis–Stadt pair for the Landkreis', async () => {
    type Split = {
      urbanisation: string;
      borderingKreisPairs: number;
      borderingKreisPairsCooperating: number;
      landkreisCityPairs: number;
      landkreisCityPairsCooperating: number;
      gemeindenActive: number;
    };
    const split = async (land: string | null) => {
      const res = await t
        .client()
        .graphql<{ cooperationOverview: { gemeindenActive: number; byUrbanisation: Split[] } }>(
          'query ($land: String) { cooperationOverview(land: $land) { gemeindenActive byUrbanisation { urbanisation borderingKreisPairs borderingKreisPairsCooperating landkreisCityPairs landkreisCityPairsCooperating gemeindenActive } } }',
          { land },
        );
      expect(res.errors).toBeUndefined();
      return res.data!.cooperationOverview;
    };
    // A recount from the directory: in a Land's figures only its own Kreise give their class (Berlin's pairs do
    // not count as dicht for Brandenburg), and a Landkreis–Stadt pair counts for the Landkreis when it lies there.
    const recount = (land: string | null) => prisma.$queryRaw<{ urbanisation: string; pairs: number; city: number }[]>`
      WITH pairs AS (
        SELECT DISTINCT LEAST(f.ags, t.ags) AS a, GREATEST(f.ags, t.ags) AS b
        FROM "MunicipalityBorder" bd JOIN "Municipality" f ON f.id = bd."fromId" JOIN "Municipality" t ON t.id = bd."toId"
        WHERE bd.level = 'KREIS' AND bd."viaAgs" = ''
      ),
      classed AS (
        SELECT ma.urbanisation AS au, mb.urbanisation AS bu, ma.kind AS ak, mb.kind AS bk,
          (${land}::text IS NULL OR ma."landCode" = ${land}) AS ain, (${land}::text IS NULL OR mb."landCode" = ${land}) AS bin
        FROM pairs JOIN "Municipality" ma ON ma.ags = pairs.a JOIN "Municipality" mb ON mb.ags = pairs.b
      )
      SELECT c.u::text AS urbanisation,
        COUNT(*) FILTER (WHERE (ain AND au = c.u) OR (bin AND bu = c.u))::int AS pairs,
        COUNT(*) FILTER (WHERE (ak = 'LANDKREIS' AND bk = 'KREISFREIE_STADT' AND ((ain AND au = c.u) OR (NOT ain AND bu = c.u)))
          OR (bk = 'LANDKREIS' AND ak = 'KREISFREIE_STADT' AND ((bin AND bu = c.u) OR (NOT bin AND au = c.u))))::int AS city
      FROM classed, unnest(enum_range(NULL::"Urbanisation")) AS c(u) WHERE ain OR bin GROUP BY c.u`;
    for (const land of [null, '12']) {
      const figures = await split(land);
      const expected = await recount(land);
      expect(expected).toHaveLength(3);
      for (const r of expected) {
        expect(figures.byUrbanisation.find((s) => s.urbanisation === r.urbanisation)).toMatchObject({
          borderingKreisPairs: r.pairs,
          landkreisCityPairs: r.city,
        });
      }
    }
    const o = await split(null);
    // The Stadt Leipzig is dicht besiedelt, the Landkreis Leipzig mostly of middle density: their pair counts for both, and as Landkreis–Stadt for the Landkreis's class.
    expect(o.byUrbanisation.map((s) => [s.urbanisation, s.borderingKreisPairsCooperating, s.landkreisCityPairsCooperating])).toEqual([
      ['DICHT', 1, 0],
      ['MITTEL', 1, 1],
      ['GERING', 0, 0],
    ]);
    expect(o.byUrbanisation.reduce((sum, s) => sum + s.gemeindenActive, 0)).toBe(o.gemeindenActive);

    // A Gemeinde is active on Verbund with a confirmed member: a request waiting for a decision makes it none.
    const applicant = await createUser(prisma);
    const request = await addMember(prisma, applicant.id, '14729030');
    await prisma.membership.update({ where: { id: request.id }, data: { status: 'REQUESTED' } });
    await refresh.refresh();
    expect((await split(null)).gemeindenActive).toBe(o.gemeindenActive);
    await prisma.membership.update({ where: { id: request.id }, data: { status: 'CONFIRMED' } });
    await refresh.refresh();
    expect((await split(null)).gemeindenActive).toBe(o.gemeindenActive + 1);
    await prisma.membership.delete({ where: { id: request.id } });
    await refresh.refresh();
  });

  it('an offer open to two Landkreise ties each to the provider, not the two to each other', async () => {
    const [stadtM, kreisM, nordM] = await Promise.all(['14713', '14729', '14730'].map((ags) => prisma.municipality.findUniqueOrThrow({ where: { ags } })));
    const provider = await prisma.organization.findFirstOrThrow({ where: { representsId: stadtM!.id } });
    await prisma.offer.create({
      data: {
        kind: 'MIGRATIONSBERATUNG',
        title: 'Beratung',
        description: '',
        topics: ['BERATUNG_BEGLEITUNG'],
        providerOrganizationId: provider.id,
        homeId: stadtM!.id,
        homeKreisId: stadtM!.id,
        openTo: 'OWN',
        languages: ['de'],
        contact: 'Referat',
        areas: { create: [{ municipalityId: kreisM!.id }, { municipalityId: nordM!.id }] },
      },
    });
    await refresh.refresh();
    const offerPairs = await prisma.cooperationPair.findMany({ where: { kind: 'OFFER' } });
    const key = (a: string, b: string) => [a, b].sort().join(':');
    expect(offerPairs.map((p) => key(p.aId, p.bId)).sort()).toEqual([key(stadtM!.id, kreisM!.id), key(stadtM!.id, nordM!.id)].sort());
  });

  it('an event ties its organiser and co-organisers together until it is cancelled', async () => {
    const [kreisM, nordM] = await Promise.all(['14729', '14730'].map((ags) => prisma.municipality.findUniqueOrThrow({ where: { ags } })));
    const organizer = (await prisma.membership.findFirstOrThrow({ where: { userId: kreisUser } })).organizationId;
    const partner = (await addMember(prisma, (await createUser(prisma)).id, '14730')).organizationId;
    const created = await kreis.graphql<{ createEvent: { id: string } }>('mutation ($i: CreateEventInput!) { createEvent(input: $i) { id } }', {
      i: {
        kind: 'FACHTAG',
        title: 'Fachtag Nord-Süd',
        description: '',
        topics: ['SPRACHE'],
        startsAt: '2027-06-01T09:00',
        endsAt: '2027-06-01T12:00',
        address: 'Markt 1, 04552 Borna',
        latitude: 51.1245,
        longitude: 12.4966,
        openTo: 'EVERYONE',
        audiences: ['FACHKRAEFTE'],
        organizerOrganizationId: organizer,
        coOrganizerIds: [partner],
      },
    });
    expect(created.errors).toBeUndefined();
    const pairs = () =>
      prisma.cooperationPair.count({
        where: {
          kind: 'EVENT',
          OR: [
            { aId: kreisM!.id, bId: nordM!.id },
            { aId: nordM!.id, bId: kreisM!.id },
          ],
        },
      });
    await refresh.refresh();
    expect(await pairs()).toBe(1);
    expect(code(await kreis.graphql(`mutation { cancelEvent(id: "${created.data!.createEvent.id}") { id } }`))).toBe('OK');
    await refresh.refresh();
    expect(await pairs()).toBe(0);
  });

  it('refuses an unknown Land and an unknown key clearly', async () => {
    expect(code(await t.client().graphql('{ cooperationOverview(land: "99") { land } }'))).toBe('BAD_USER_INPUT');
    expect(code(await kreis.graphql('{ cooperation(ags: "99999") { gap } }'))).toBe('NOT_FOUND');
  });

  it("is for the municipality's own members", async () => {
    expect(code(await stadt.graphql(QUERY))).toBe('FORBIDDEN');
    expect(code(await stadt.graphql('{ cooperation(ags: "14713") { gap } }'))).toBe('OK');
  });
});
