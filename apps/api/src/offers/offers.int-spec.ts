import { addMember, createUser, signIn } from '../../test/support/factories.js';
import { startTestApp, type TestApp, type TestClient } from '../../test/support/test-app.js';
import { PrismaService } from '../core/database/prisma.service.js';

const code = (res: { errors?: { extensions: { code: string } }[] }) => res.errors?.[0]?.extensions.code ?? 'OK';
const field = (res: { errors?: { extensions: Record<string, unknown> }[] }) => (res.errors?.[0]?.extensions.details as { field?: string } | undefined)?.field;

describe('standing offers: open to residents of neighbours, shared positions, archive', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let stadt: TestClient;
  let grimma: TestClient;
  let nord: TestClient;
  let muenchen: TestClient;
  let stadtOrg: string;
  let nordOrg: string;
  const base = {
    kind: 'MIGRATIONSBERATUNG',
    title: 'Migrationsberatung der Stadt Leipzig',
    description: 'Beratung zu Aufenthalt, Arbeit und Wohnen.',
    topics: ['BERATUNG_BEGLEITUNG'],
    openTo: 'OWN',
    contact: 'Referat Migration und Integration',
    email: 'beratung@stadt-leipzig.example',
    languages: ['de', 'ar'],
  };
  const create = (client: TestClient, input: Record<string, unknown>) =>
    client.graphql<{ createOffer: { id: string; alsoFor: { ags: string }[]; canEdit: boolean } }>(
      'mutation ($i: CreateOfferInput!) { createOffer(input: $i) { id canEdit alsoFor { ags } } }',
      { i: { ...base, ...input } },
    );
  const titles = async (client: TestClient, filter: Record<string, unknown> = {}) =>
    (
      await client.graphql<{ offers: { nodes: { title: string }[] } }>('query ($f: OffersFilter) { offers(filter: $f) { nodes { title } } }', { f: filter })
    ).data!.offers.nodes.map((n) => n.title);

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_LIMIT_PER_IP: '200' }, { directory: true });
    prisma = t.app.get(PrismaService);
    const [s, g, n, m] = [await createUser(prisma), await createUser(prisma), await createUser(prisma), await createUser(prisma)];
    stadtOrg = (await addMember(prisma, s.id, '14713')).organizationId;
    // Grimma is a Gemeinde of the Landkreis Leipzig: its residents are residents of the Landkreis.
    await addMember(prisma, g.id, '14729160');
    nordOrg = (await addMember(prisma, n.id, '14730')).organizationId;
    await addMember(prisma, m.id, '09184');
    [stadt, grimma, nord, muenchen] = [await signIn(t, s.email), await signIn(t, g.email), await signIn(t, n.email), await signIn(t, m.email)];
  });
  afterAll(async () => t.close());

  it("the city's Migrationsberatung open to residents of the Landkreis reaches its Gemeinden and its page, not München", async () => {
    const res = await create(stadt, { providerOrganizationId: stadtOrg, alsoForAgs: ['14729'] });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createOffer.alsoFor).toEqual([{ ags: '14729' }]);
    expect(await titles(grimma)).toContain(base.title);
    expect(await titles(grimma, { nearMe: true })).toContain(base.title);
    expect(await titles(grimma, { municipalityAgs: '14729' })).toContain(base.title);
    // Nordsachsen borders the city, but the offer is not open to its residents.
    expect(await titles(nord, { municipalityAgs: '14730' })).not.toContain(base.title);
    expect(await titles(muenchen)).not.toContain(base.title);
    expect(code(await muenchen.graphql(`{ offer(id: "${res.data!.createOffer.id}") { id } }`))).toBe('NOT_FOUND');
    // Those it is open to hear of it.
    const grimmaUser = await prisma.membership.findFirstOrThrow({ where: { organization: { locatedIn: { ags: '14729160' } } } });
    expect(await prisma.notification.count({ where: { kind: 'OFFER_NEW', userId: grimmaUser.userId } })).toBe(1);
  });

  it('a shared position names its partner, who may edit it; archiving takes it out of the lists', async () => {
    expect(field(await create(stadt, { providerOrganizationId: stadtOrg, kind: 'GETEILTE_STELLE', title: 'Geteilte Stelle' }))).toBe('partnerIds');
    const shared = await create(stadt, {
      providerOrganizationId: stadtOrg,
      kind: 'GETEILTE_STELLE',
      title: 'Geteilte Integrationskoordination',
      partnerIds: [nordOrg],
      openTo: 'NEIGHBOURS',
    });
    expect(shared.errors).toBeUndefined();
    const id = shared.data!.createOffer.id;
    const mine = await nord.graphql<{ offer: { canEdit: boolean; partners: { id: string }[] } }>(`{ offer(id: "${id}") { canEdit partners { id } } }`);
    expect(mine.data!.offer).toEqual({ canEdit: true, partners: [{ id: nordOrg }] });
    expect(code(await grimma.graphql(`mutation { archiveOffer(id: "${id}") { id } }`))).toBe('FORBIDDEN');
    expect(code(await nord.graphql(`mutation { archiveOffer(id: "${id}") { archived } }`))).toBe('OK');
    expect(await titles(nord)).not.toContain('Geteilte Integrationskoordination');
    expect(await titles(nord, { includeArchived: true })).toContain('Geteilte Integrationskoordination');
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const before = await prisma.offer.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '<b>Beratung</b>' }, 'title'],
      [{ email: 'keine-adresse' }, 'email'],
      [{ onlineUrl: 'http://beratung.example' }, 'onlineUrl'],
      [{ latitude: -33.86, longitude: 151.2 }, 'latitude'],
      [{ validFrom: '2027-05-01', validUntil: '2027-04-01' }, 'validUntil'],
      [{ alsoForAgs: ['99999'] }, 'alsoForAgs'],
    ];
    for (const [input, name] of cases) {
      const res = await create(stadt, { providerOrganizationId: stadtOrg, ...input });
      expect([name, code(res), field(res)]).toEqual([name, 'BAD_USER_INPUT', name]);
    }
    expect(code(await create(muenchen, { providerOrganizationId: stadtOrg }))).toBe('FORBIDDEN');
    expect(await prisma.offer.count()).toBe(before);
  });

  it('an offer open to a whole Land tells its 4,000 members in the one transaction that creates it', async () => {
    const emails = Array.from({ length: 4_000 }, (_, i) => `land-${i}@verbund.example`);
    await prisma.user.createMany({ data: emails.map((email) => ({ email, name: 'Kollegin im Land', passwordHash: 'x', emailVerifiedAt: new Date() })) });
    const people = await prisma.user.findMany({ where: { email: { in: emails } }, select: { id: true } });
    await prisma.membership.createMany({
      data: people.map((p) => ({ userId: p.id, organizationId: nordOrg, role: 'MEMBER', status: 'CONFIRMED', function: 'VERWALTUNG', topics: [] })),
    });
    const res = await create(stadt, { title: 'Landesweite Beratung für Fachkräfte', providerOrganizationId: stadtOrg, openTo: 'LAND', openLandCode: '14' });
    expect(code(res)).toBe('OK');
    expect(
      await prisma.notification.count({ where: { kind: 'OFFER_NEW', subjectId: res.data!.createOffer.id, userId: { in: people.map((p) => p.id) } } }),
    ).toBe(4_000);
    await prisma.membership.deleteMany({ where: { userId: { in: people.map((p) => p.id) } } });
  });
});
