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
    let clients: Record<'stadt' | 'jesewitz' | 'borsdorf', TestClient>;
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
  });
});
