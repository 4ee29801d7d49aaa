import { addMember, createUser, signIn } from '../../test/support/factories.js';
import { startTestApp, type TestApp, type TestClient } from '../../test/support/test-app.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { ConceptsService } from '../concepts/concepts.service.js';
import { docFromText } from '../concepts/section-content.js';

interface Hit {
  kind: 'MATERIAL' | 'CONCEPT';
  material: { title: string } | null;
  concept: { title: string } | null;
  snippet: { text: string; highlight: boolean }[];
}
const SEARCH =
  'query ($s: String!, $f: Int, $o: Int) { search(search: $s, first: $f, offset: $o) { totalCount nodes { kind material { title } concept { title } snippet { text highlight } } } }';

describe('one search box for materials and published concepts', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let lea: TestClient;
  let applicant: TestClient;
  const search = async (client: TestClient, s: string, f = 20, o = 0) => client.graphql<{ search: { totalCount: number; nodes: Hit[] } }>(SEARCH, { s, f, o });
  const titles = (nodes: Hit[]) => nodes.map((n) => `${n.kind}: ${n.material?.title ?? n.concept?.title}`);

  beforeAll(async () => {
    t = await startTestApp({}, { directory: true });
    prisma = t.app.get(PrismaService);
    const user = await createUser(prisma, { name: 'Lea Leipzig' });
    const { organizationId } = await addMember(prisma, user.id, '14713');
    const unconfirmed = await createUser(prisma);
    lea = await signIn(t, user.email);
    applicant = await signIn(t, unconfirmed.email);
    const material = await lea.graphql('mutation ($i: CreateMaterialInput!) { createMaterial(input: $i) { id } }', {
      i: {
        organizationId,
        title: 'Leitfaden Dolmetscherpool',
        summary: 'Wie ein Dolmetscherpool im Landkreis entsteht.',
        kind: 'LEITFADEN',
        topics: ['SPRACHE'],
        languages: ['de'],
        licence: 'CC_BY_4_0',
        visibility: 'MEMBERS',
        markdown: 'Ehrenamtliche Sprachmittlung organisieren.',
      },
    });
    expect(material.errors).toBeUndefined();
    const create = (title: string) =>
      lea.graphql<{ createConcept: { id: string; sections: { id: string }[] } }>(
        'mutation ($i: CreateConceptInput!) { createConcept(input: $i) { id sections { id } } }',
        {
          i: { title, topics: ['SPRACHE'], organizationId },
        },
      );
    const published = (await create('Integrationskonzept Stadt Leipzig')).data!.createConcept;
    await prisma.$transaction((tx) =>
      t.app
        .get(ConceptsService)
        .setSectionContent(tx, published.id, published.sections[2]!.id, docFromText('Ein gemeinsamer Dolmetscherpool für Stadt und Umland.')),
    );
    expect((await lea.graphql(`mutation { publishConcept(input: { conceptId: "${published.id}", note: "Erste Fassung" }) { id } }`)).errors).toBeUndefined();
    const draft = (await create('Dolmetscherpool-Entwurf')).data!.createConcept;
    expect(draft.id).toBeTruthy();
  });
  afterAll(async () => t.close());

  it('finds both kinds with the German search (a word inside a compound, folded umlauts), published concepts only', async () => {
    const res = await search(lea, 'Dolmetscher');
    expect(res.errors).toBeUndefined();
    expect(titles(res.data!.search.nodes).sort()).toEqual(['CONCEPT: Integrationskonzept Stadt Leipzig', 'MATERIAL: Leitfaden Dolmetscherpool']);
    expect(res.data!.search.totalCount).toBe(2);
    const concept = res.data!.search.nodes.find((n) => n.kind === 'CONCEPT')!;
    expect(concept.snippet.filter((p) => p.highlight).map((p) => p.text.toLowerCase())).toContain('dolmetscherpool');
    // The material ranks first: the word is in its title.
    expect(res.data!.search.nodes[0]!.kind).toBe('MATERIAL');
    expect(titles((await search(lea, 'Stadt Umland')).data!.search.nodes)).toEqual(['CONCEPT: Integrationskonzept Stadt Leipzig']);
  });

  it('pages through the merged list', async () => {
    const first = await search(lea, 'Dolmetscher', 1, 0);
    const second = await search(lea, 'Dolmetscher', 1, 1);
    expect([...titles(first.data!.search.nodes), ...titles(second.data!.search.nodes)]).toEqual(titles((await search(lea, 'Dolmetscher')).data!.search.nodes));
    // The web app's "Weitere anzeigen" asks for 30 at a time: deep pages answer too (past the materials' own 100).
    const deep = await search(lea, 'Dolmetscher', 30, 90);
    expect(deep.errors).toBeUndefined();
    expect(deep.data!.search).toEqual({ totalCount: 2, nodes: [] });
  });

  it('gives people without a confirmed membership nothing, and refuses bad input with stable codes', async () => {
    expect((await search(applicant, 'Dolmetscher')).data!.search.nodes).toEqual([]);
    expect((await search(lea, '   ')).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect((await search(lea, 'Dolmetscher', 51)).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect((await search(lea, 'Dolmetscher', 10, 501)).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect((await search(t.client(), 'Dolmetscher')).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });
});
