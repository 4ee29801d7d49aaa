import { addMember, createUser, signIn } from '../../test/support/factories.js';
import { startTestApp, type TestApp, type TestClient } from '../../test/support/test-app.js';
import { PrismaService } from '../core/database/prisma.service.js';

interface Place {
  ags: string;
  name: string;
  kind: string;
  urbanisation: string | null;
  urbanisationShares: { dicht: number; mittel: number; gering: number } | null;
  populationDensity: number;
}
const PLACE = 'ags name kind urbanisation urbanisationShares { dicht mittel gering } populationDensity';
const NEIGHBOURS = `query ($ags: String!) { neighbours(ags: $ags, first: 60) { municipality { ${PLACE} } reasons } }`;

/** On the real bundle: Destatis' degree of urbanisation in the directory, "similar" by structure, and the Stadt / Land filters. */
describe('Stadt und Land: settlement structure and similar municipalities', () => {
  let t: TestApp;
  let prisma: PrismaService;
  const place = async (ags: string) =>
    (await t.client().graphql<{ municipality: Place }>(`query ($ags: String!) { municipality(ags: $ags) { ${PLACE} } }`, { ags })).data!.municipality;
  const similar = async (ags: string) =>
    (await t.client().graphql<{ neighbours: { municipality: Place; reasons: string[] }[] }>(NEIGHBOURS, { ags }))
      .data!.neighbours.filter((n) => n.reasons.includes('SIMILAR'))
      .map((n) => n.municipality);

  beforeAll(async () => {
    t = await startTestApp({}, { directory: true });
    prisma = t.app.get(PrismaService);
  });
  afterAll(async () => t.close());

  it("gives each Gemeinde the official file's class, and each Kreis the shares of its people", async () => {
    // GV-ISys 31.12.2024, column "Grad der Verstädterung".
    expect((await place('14713')).urbanisation).toBe('DICHT');
    expect((await place('01060063')).urbanisation).toBe('DICHT');
    expect((await place('14729060')).urbanisation).toBe('MITTEL');
    expect((await place('14730140')).urbanisation).toBe('GERING');
    const landkreis = await place('14729');
    expect(landkreis).toMatchObject({ urbanisation: 'MITTEL', urbanisationShares: { dicht: 0, mittel: 0.706, gering: 0.294 }, populationDensity: 158 });
    // The shares are of the population: a recount from the Gemeinden.
    const gemeinden = await prisma.municipality.findMany({ where: { parent: { ags: '14729' } } });
    const total = gemeinden.reduce((s, g) => s + g.population, 0);
    const rural = gemeinden.filter((g) => g.urbanisation === 'GERING').reduce((s, g) => s + g.population, 0);
    expect(Math.round((rural / total) * 1000) / 1000).toBe(0.294);
  });

  it("finds Dresden among Leipzig's similar municipalities, and no Landkreis", async () => {
    const peers = await similar('14713');
    expect(peers.map((p) => p.name)).toContain('Stadt Dresden');
    expect(peers.every((p) => p.kind === 'KREISFREIE_STADT' && p.urbanisation === 'DICHT')).toBe(true);
  });

  it('gives a small rural Gemeinde small rural Gemeinden, not towns of its size in a conurbation', async () => {
    const jesewitz = await place('14730140');
    const peers = await similar('14730140');
    expect(peers).toHaveLength(5);
    for (const p of peers) {
      expect(p).toMatchObject({ kind: 'GEMEINDE', urbanisation: 'GERING' });
      expect(p.populationDensity).toBeLessThanOrEqual(jesewitz.populationDensity * 2);
    }
  });

  describe('filters by town and country', () => {
    type Where = 'stadt' | 'jesewitz' | 'borsdorf';
    let clients: Record<Where, TestClient>;
    const orgs = {} as Record<Where, string>;
    const each = async (make: (name: Where, client: TestClient, org: string) => Promise<{ errors?: unknown }>) => {
      for (const name of ['stadt', 'jesewitz', 'borsdorf'] as const) expect((await make(name, clients[name], orgs[name])).errors).toBeUndefined();
    };
    beforeAll(async () => {
      const entries = await Promise.all(
        (
          [
            ['stadt', '14713'],
            ['jesewitz', '14730140'],
            ['borsdorf', '14729060'],
          ] as const
        ).map(async ([name, ags]) => {
          const user = await createUser(prisma);
          await addMember(prisma, user.id, ags);
          const client = await signIn(t, user.email);
          const org = await prisma.organization.findFirstOrThrow({ where: { locatedIn: { ags } } });
          orgs[name] = org.id;
          const res = await client.graphql('mutation ($i: CreateMaterialInput!) { createMaterial(input: $i) { id } }', {
            i: {
              title: `Leitfaden aus ${name}`,
              summary: '',
              topics: ['SPRACHE'],
              kind: 'LEITFADEN',
              languages: ['de'],
              licence: 'CC_BY_4_0',
              visibility: 'MEMBERS',
              organizationId: org.id,
              markdown: '# Leitfaden',
            },
          });
          expect(res.errors).toBeUndefined();
          return [name, client] as const;
        }),
      );
      clients = Object.fromEntries(entries) as typeof clients;
    });

    it('materials: exactly those published in municipalities of the chosen classes', async () => {
      const titles = async (urbanisation: string[]) =>
        (
          await clients.stadt.graphql<{ materials: { nodes: { material: { title: string } }[] } }>(
            'query ($f: MaterialsFilter) { materials(filter: $f, first: 50) { nodes { material { title } } } }',
            { f: { urbanisation } },
          )
        )
          .data!.materials.nodes.map((n) => n.material.title)
          .sort();
      expect(await titles(['GERING'])).toEqual(['Leitfaden aus jesewitz']);
      expect(await titles(['DICHT', 'MITTEL'])).toEqual(['Leitfaden aus borsdorf', 'Leitfaden aus stadt']);
    });

    it('groups: those with active members from such municipalities', async () => {
      const create = await clients.jesewitz.graphql<{ createGroup: { id: string } }>('mutation ($i: CreateGroupInput!) { createGroup(input: $i) { id } }', {
        i: { name: 'Ehrenamt auf dem Land', description: '', topics: ['EHRENAMT'], access: 'OPEN', region: { kind: 'BUNDESWEIT' } },
      });
      expect(create.errors).toBeUndefined();
      const names = async (urbanisation: string[]) =>
        (
          await clients.stadt.graphql<{ groups: { nodes: { name: string }[] } }>(
            'query ($f: GroupsFilter) { groups(filter: $f, first: 50) { nodes { name } } }',
            {
              f: { urbanisation },
            },
          )
        ).data!.groups.nodes.map((g) => g.name);
      expect(await names(['GERING'])).toEqual(['Ehrenamt auf dem Land']);
      expect(await names(['DICHT'])).toEqual([]);
    });

    it('concepts: those owned by organisations in such municipalities', async () => {
      await each(async (name, client, organizationId) => {
        const made = await client.graphql<{ createConcept: { id: string } }>('mutation ($i: CreateConceptInput!) { createConcept(input: $i) { id } }', {
          i: { title: `Integrationskonzept ${name}`, topics: ['SPRACHE'], organizationId },
        });
        if (made.errors) return made;
        return client.graphql(`mutation { publishConcept(input: { conceptId: "${made.data!.createConcept.id}", note: "Erste Fassung" }) { id } }`);
      });
      const titles = async (urbanisation: string[]) =>
        (
          await clients.stadt.graphql<{ concepts: { nodes: { title: string }[] } }>(
            'query ($f: ConceptsFilter) { concepts(filter: $f, first: 50) { nodes { title } } }',
            { f: { urbanisation } },
          )
        )
          .data!.concepts.nodes.map((c) => c.title)
          .sort();
      expect(await titles(['GERING'])).toEqual(['Integrationskonzept jesewitz']);
      expect(await titles(['DICHT', 'MITTEL'])).toEqual(['Integrationskonzept borsdorf', 'Integrationskonzept stadt']);
    });

    it('rounds: those hosted by organisations, or groups with members, in such municipalities', async () => {
      await each((name, client, hostOrganizationId) =>
        client.graphql('mutation ($i: CreateRoundInput!) { createRound(input: $i) { id } }', {
          i: {
            title: `Austauschrunde ${name}`,
            description: '',
            topics: ['SPRACHE'],
            videoUrl: 'https://meet.jit.si/verbund-stadt-land',
            durationMinutes: 60,
            startsAt: '2027-06-10T10:00',
            hostOrganizationId,
          },
        }),
      );
      const group = await prisma.workingGroup.findFirstOrThrow({ where: { name: 'Ehrenamt auf dem Land' } });
      const byGroup = await clients.jesewitz.graphql('mutation ($i: CreateRoundInput!) { createRound(input: $i) { id } }', {
        i: {
          title: 'Ehrenamtsrunde',
          description: '',
          topics: ['EHRENAMT'],
          videoUrl: 'https://meet.jit.si/ehrenamt',
          durationMinutes: 60,
          startsAt: '2027-06-11T10:00',
          hostGroupId: group.id,
        },
      });
      expect(byGroup.errors).toBeUndefined();
      const titles = async (urbanisation: string[]) =>
        (
          await clients.stadt.graphql<{ rounds: { nodes: { series: { title: string } }[] } }>(
            'query ($f: RoundsFilter) { rounds(filter: $f, first: 50) { nodes { series { title } } } }',
            { f: { urbanisation, from: '2027-06-01T00:00:00Z', to: '2027-07-01T00:00:00Z' } },
          )
        )
          .data!.rounds.nodes.map((r) => r.series.title)
          .sort();
      expect(await titles(['GERING'])).toEqual(['Austauschrunde jesewitz', 'Ehrenamtsrunde']);
      expect(await titles(['DICHT', 'MITTEL'])).toEqual(['Austauschrunde borsdorf', 'Austauschrunde stadt']);
    });

    it('events: those organised in such municipalities, also as co-organiser', async () => {
      await each((name, client, organizerOrganizationId) =>
        client.graphql('mutation ($i: CreateEventInput!) { createEvent(input: $i) { id } }', {
          i: {
            kind: 'NETZWERKTREFFEN',
            title: `Netzwerktreffen ${name}`,
            description: '',
            topics: ['SPRACHE'],
            startsAt: '2027-06-15T09:00',
            endsAt: '2027-06-15T12:00',
            onlineUrl: 'https://meet.jit.si/netzwerk',
            openTo: 'EVERYONE',
            audiences: ['FACHKRAEFTE'],
            organizerOrganizationId,
            ...(name === 'stadt' ? { coOrganizerIds: [orgs.jesewitz] } : {}),
          },
        }),
      );
      const titles = async (urbanisation: string[]) =>
        (
          await clients.borsdorf.graphql<{ events: { nodes: { title: string }[] } }>(
            'query ($f: EventsFilter) { events(filter: $f, first: 50) { nodes { title } } }',
            { f: { urbanisation, from: '2027-06-01T00:00:00Z', to: '2027-07-01T00:00:00Z' } },
          )
        )
          .data!.events.nodes.map((e) => e.title)
          .sort();
      expect(await titles(['GERING'])).toEqual(['Netzwerktreffen jesewitz', 'Netzwerktreffen stadt']);
      expect(await titles(['MITTEL'])).toEqual(['Netzwerktreffen borsdorf']);
    });

    it('offers: those of providers, or partners, in such municipalities', async () => {
      await each((name, client, providerOrganizationId) =>
        client.graphql('mutation ($i: CreateOfferInput!) { createOffer(input: $i) { id } }', {
          i: {
            kind: 'BERATUNGSSTELLE',
            title: `Beratung ${name}`,
            description: '',
            topics: ['BERATUNG_BEGLEITUNG'],
            openTo: 'EVERYONE',
            contact: 'Integrationsbüro',
            providerOrganizationId,
            ...(name === 'borsdorf' ? { partnerIds: [orgs.jesewitz] } : {}),
          },
        }),
      );
      const titles = async (urbanisation: string[]) =>
        (
          await clients.stadt.graphql<{ offers: { nodes: { title: string }[] } }>(
            'query ($f: OffersFilter) { offers(filter: $f, first: 50) { nodes { title } } }',
            {
              f: { urbanisation },
            },
          )
        )
          .data!.offers.nodes.map((o) => o.title)
          .sort();
      expect(await titles(['GERING'])).toEqual(['Beratung borsdorf', 'Beratung jesewitz']);
      expect(await titles(['DICHT'])).toEqual(['Beratung stadt']);
    });
  });
});
