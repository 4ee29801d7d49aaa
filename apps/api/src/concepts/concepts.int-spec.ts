import { type Ack, type ClientToServerEvents, type PresencePayload, type RoomName, type ServerToClientEvents, SOCKET_PATH } from '@verbund/shared';
import JSZip from 'jszip';
import { io, type Socket } from 'socket.io-client';
import { addMember, createUser, signIn } from '../../test/support/factories.js';
import { startTestApp, type TestApp, type TestClient } from '../../test/support/test-app.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { ConceptsService } from './concepts.service.js';
import { docFromText } from './section-content.js';

interface Section {
  id: string;
  title: string;
  text: string;
  upstreamSectionId: string | null;
}
interface ConceptData {
  id: string;
  title: string;
  summary: string;
  status: string;
  editable: boolean;
  showingVersion: number | null;
  sections: Section[];
  versions: { id: string; number: number }[];
  upstream: { concept: { id: string }; adaptedFromVersion: number; latestVersion: number; pendingSections: number } | null;
}
const FIELDS =
  'id title summary status editable showingVersion sections { id title text upstreamSectionId } versions { id number } upstream { concept { id } adaptedFromVersion latestVersion pendingSections }';
const code = (res: { errors?: { extensions: { code: string } }[] }) => res.errors?.[0]?.extensions.code ?? 'OK';

describe('integration concepts: drafted together, published, adapted, compared section by section', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let drafter: TestClient;
  let adapter: TestClient;
  let outsider: TestClient;
  let adapterOrgId: string;
  let adapterId: string;
  let outsiderOrgId: string;
  let concept: ConceptData;

  /** What the shared editor stores for a section; here written directly, as the socket path will. */
  const write = (conceptId: string, sectionId: string, text: string) =>
    prisma.$transaction((tx) => t.app.get(ConceptsService).setSectionContent(tx, conceptId, sectionId, docFromText(text)));
  const section = (c: ConceptData, title: string) => c.sections.find((s) => s.title === title)!;

  beforeAll(async () => {
    t = await startTestApp({}, { directory: true });
    prisma = t.app.get(PrismaService);
    const [d, a, o] = [await createUser(prisma, { name: 'Lea Leipzig' }), await createUser(prisma, { name: 'Nils Nordsachsen' }), await createUser(prisma)];
    adapterId = a.id;
    await addMember(prisma, d.id, '14713');
    adapterOrgId = (await addMember(prisma, a.id, '14730')).organizationId;
    outsiderOrgId = (await addMember(prisma, o.id, '14729')).organizationId;
    await prisma.workingGroup.create({
      data: {
        name: 'AG Konzept Leipzig',
        description: '',
        topics: ['SPRACHE'],
        access: 'CLOSED',
        regionKind: 'BUNDESWEIT',
        members: { create: { userId: d.id, role: 'MODERATOR', status: 'ACTIVE' } },
      },
    });
    drafter = await signIn(t, d.email);
    adapter = await signIn(t, a.email);
    outsider = await signIn(t, o.email);
  });
  afterAll(async () => t.close());

  it('starts from the usual outline of a kommunales Integrationskonzept, owned by the working group', async () => {
    const groupId = (await prisma.workingGroup.findFirstOrThrow({ where: { name: 'AG Konzept Leipzig' } })).id;
    const res = await drafter.graphql<{ createConcept: ConceptData }>(`mutation ($i: CreateConceptInput!) { createConcept(input: $i) { ${FIELDS} } }`, {
      i: { title: 'Integrationskonzept Leipziger Raum', topics: ['SPRACHE', 'ARBEIT_AUSBILDUNG'], groupId },
    });
    expect(res.errors).toBeUndefined();
    concept = res.data!.createConcept;
    expect(concept.sections.map((s) => s.title)).toEqual([
      'Leitbild',
      'Ausgangslage und Daten',
      'Handlungsfeld Sprache',
      'Handlungsfeld Bildung',
      'Handlungsfeld Arbeit',
      'Handlungsfeld Wohnen',
      'Handlungsfeld Gesundheit',
      'Handlungsfeld Teilhabe',
      'Maßnahmen',
      'Umsetzung und Evaluation',
    ]);
    expect(concept).toMatchObject({ status: 'DRAFT', editable: true });
    // A draft is the group's own: nobody else finds it.
    expect(code(await outsider.graphql(`{ concept(id: "${concept.id}") { id } }`))).toBe('NOT_FOUND');
  });

  it('keeps its drafting room to its drafters', async () => {
    const join = async (client: TestClient) => {
      const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(t.url, {
        path: SOCKET_PATH,
        transports: ['websocket'],
        reconnection: false,
        extraHeaders: { cookie: client.cookie! },
      });
      try {
        return await new Promise<Ack<PresencePayload>>((resolve) => socket.emit('room:join', { room: `concept:${concept.id}` as RoomName }, resolve));
      } finally {
        socket.close();
      }
    };
    expect(await join(drafter)).toMatchObject({ ok: true });
    expect(await join(outsider)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('publishes an immutable version that every member sees, and others adapt', async () => {
    for (const [title, text] of [
      ['Leitbild', 'Vielfalt ist Normalität im Leipziger Raum.'],
      ['Handlungsfeld Sprache', 'Sprachkurse für alle Neuzugewanderten.'],
      ['Handlungsfeld Arbeit', 'Jobcenter und Kammern beraten gemeinsam.'],
    ] as const)
      await write(concept.id, section(concept, title).id, text);
    const published = await drafter.graphql<{ publishConcept: ConceptData }>(
      `mutation { publishConcept(input: { conceptId: "${concept.id}", note: "Erste Fassung" }) { ${FIELDS} } }`,
    );
    expect(published.data!.publishConcept).toMatchObject({ status: 'PUBLISHED', versions: [{ number: 1 }] });
    // Later drafting does not change what others see.
    await write(concept.id, section(concept, 'Leitbild').id, 'Entwurf, noch nicht abgestimmt');
    const seen = (await outsider.graphql<{ concept: ConceptData }>(`{ concept(id: "${concept.id}") { ${FIELDS} } }`)).data!.concept;
    expect(seen).toMatchObject({ editable: false, showingVersion: 1 });
    expect(section(seen, 'Leitbild').text).toBe('Vielfalt ist Normalität im Leipziger Raum.');
    const v1 = await outsider.graphql<{ conceptVersionSections: Section[] }>(
      `{ conceptVersionSections(conceptId: "${concept.id}", number: 1) { id title text } }`,
    );
    expect(v1.data!.conceptVersionSections.find((s) => s.title === 'Leitbild')!.text).toBe('Vielfalt ist Normalität im Leipziger Raum.');
    expect(code(await outsider.graphql(`{ conceptVersionSections(conceptId: "${concept.id}", number: 9) { id } }`))).toBe('NOT_FOUND');
    expect(code(await outsider.graphql(`mutation { addConceptSection(input: { conceptId: "${concept.id}", title: "Fremd" }) { id } }`))).toBe('FORBIDDEN');
    await write(concept.id, section(concept, 'Leitbild').id, 'Vielfalt ist Normalität im Leipziger Raum.');

    // A new working title is the drafters' until it is published, in the concept and in its exports.
    const TITLE = 'title summary editable';
    const renamed = await drafter.graphql<{ updateConcept: { title: string } }>(
      `mutation { updateConcept(input: { conceptId: "${concept.id}", title: "Arbeitstitel, noch offen", summary: "Entwurf: Vielfalt kostet 80.000 Euro" }) { ${TITLE} } }`,
    );
    expect(renamed.data!.updateConcept).toMatchObject({ title: 'Arbeitstitel, noch offen', summary: 'Entwurf: Vielfalt kostet 80.000 Euro', editable: true });
    // Neither the list's word filter nor the search's snippet reads the working text for others; drafters find it.
    const filtered = async (client: TestClient, words: string) =>
      (
        await client.graphql<{ concepts: { nodes: { id: string }[] } }>(`{ concepts(search: "${words}", first: 100) { nodes { id } } }`)
      ).data!.concepts.nodes.some((c) => c.id === concept.id);
    expect([await filtered(outsider, 'Arbeitstitel'), await filtered(outsider, '80.000'), await filtered(drafter, 'Arbeitstitel')]).toEqual([
      false,
      false,
      true,
    ]);
    expect(await filtered(outsider, published.data!.publishConcept.title)).toBe(true);
    const found = await outsider.graphql<{ search: { nodes: { concept: { title: string } | null; snippet: { text: string }[] }[] } }>(
      '{ search(search: "Vielfalt", first: 10) { nodes { concept { title } snippet { text } } } }',
    );
    const hit = found.data!.search.nodes.find((n) => n.concept?.title === published.data!.publishConcept.title)!;
    expect(hit.snippet.map((p) => p.text).join('')).toContain('Normalität');
    expect(hit.snippet.map((p) => p.text).join('')).not.toContain('80.000');
    const reader = (await outsider.graphql<{ concept: { title: string; summary: string } }>(`{ concept(id: "${concept.id}") { ${TITLE} } }`)).data!.concept;
    expect(reader).toMatchObject({ title: published.data!.publishConcept.title, summary: published.data!.publishConcept.summary, editable: false });
    const listed = await outsider.graphql<{ concepts: { nodes: { id: string; title: string }[] } }>('{ concepts(first: 100) { nodes { id title } } }');
    expect(listed.data!.concepts.nodes.find((c) => c.id === concept.id)!.title).toBe(published.data!.publishConcept.title);
    const docx = await fetch(`${t.url}/concepts/${concept.id}/export.docx`, { headers: { cookie: outsider.cookie! } });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).not.toContain('Arbeitstitel');
    await drafter.graphql(
      `mutation { updateConcept(input: { conceptId: "${concept.id}", title: "${published.data!.publishConcept.title}", summary: "${published.data!.publishConcept.summary}" }) { id } }`,
    );
  });

  it('an adaptation of version 1 tells, per section, what changed upstream, locally, or on both sides; take and keep settle it', async () => {
    const v1 = await prisma.conceptVersion.findFirstOrThrow({ where: { conceptId: concept.id, number: 1 } });
    const versionId = v1.id;
    // An adaptation starts from the version's title, not from what the drafters are working on meanwhile.
    await drafter.graphql(`mutation { updateConcept(input: { conceptId: "${concept.id}", title: "Arbeitstitel vor der Anpassung" }) { id } }`);
    const adapted = await adapter.graphql<{ adaptConcept: ConceptData }>(
      `mutation { adaptConcept(input: { versionId: "${versionId}", organizationId: "${adapterOrgId}" }) { ${FIELDS} } }`,
    );
    await drafter.graphql(`mutation { updateConcept(input: { conceptId: "${concept.id}", title: "${v1.title}" }) { id } }`);
    expect(adapted.errors).toBeUndefined();
    const local = adapted.data!.adaptConcept;
    expect(local.title).toBe(v1.title);
    expect(local.upstream).toMatchObject({ concept: { id: concept.id }, adaptedFromVersion: 1, latestVersion: 1, pendingSections: 0 });
    expect(section(local, 'Handlungsfeld Sprache').upstreamSectionId).toBe(section(concept, 'Handlungsfeld Sprache').id);
    // A second adaptation by the same organisation is refused: it takes changes in the first.
    expect(code(await adapter.graphql(`mutation { adaptConcept(input: { versionId: "${versionId}", organizationId: "${adapterOrgId}" }) { id } }`))).toBe(
      'CONFLICT',
    );

    // Locally: B (Sprache) and C (Arbeit). Upstream: A (Leitbild) and B, published as version 2.
    await write(local.id, section(local, 'Handlungsfeld Sprache').id, 'Sprachkurse mit Kinderbetreuung in Nordsachsen.');
    await write(local.id, section(local, 'Handlungsfeld Arbeit').id, 'Jobcenter Nordsachsen, Kammern und Ausländerbehörde.');
    await write(concept.id, section(concept, 'Leitbild').id, 'Vielfalt ist Normalität und Auftrag im Leipziger Raum.');
    await write(concept.id, section(concept, 'Handlungsfeld Sprache').id, 'Sprachkurse für alle, auch abends.');
    await drafter.graphql(`mutation { publishConcept(input: { conceptId: "${concept.id}", note: "Leitbild geschärft, Abendkurse" }) { id } }`);

    const changes = await adapter.graphql<{
      conceptUpstreamChanges: {
        section: { id: string; title: string };
        state: string;
        upstreamText: string | null;
        localText: string | null;
        upstreamVersion: number;
      }[];
    }>(`{ conceptUpstreamChanges(conceptId: "${local.id}") { section { id title } state upstreamText localText upstreamVersion } }`);
    const state = (title: string) => changes.data!.conceptUpstreamChanges.find((c) => c.section.title === title)!.state;
    expect([state('Leitbild'), state('Handlungsfeld Sprache'), state('Handlungsfeld Arbeit')]).toEqual(['UPSTREAM_CHANGED', 'BOTH_CHANGED', 'LOCAL_CHANGED']);
    expect(changes.data!.conceptUpstreamChanges.filter((c) => c.state !== 'UNCHANGED')).toHaveLength(3);
    const afterPublish = (await adapter.graphql<{ concept: ConceptData }>(`{ concept(id: "${local.id}") { ${FIELDS} } }`)).data!.concept;
    expect(afterPublish.upstream).toMatchObject({ latestVersion: 2, pendingSections: 2 });

    // Its maker hears of the new version.
    const note = await prisma.notification.findFirstOrThrow({ where: { userId: adapterId, kind: 'CONCEPT_UPSTREAM_CHANGED' } });
    expect(note.payload).toMatchObject({ conceptId: local.id, upstreamConceptId: concept.id, versionNumber: 2 });
    // Its text names the version as published, not what the drafters call it meanwhile.
    await drafter.graphql(`mutation { updateConcept(input: { conceptId: "${concept.id}", title: "Arbeitstitel nach Version 2" }) { id } }`);
    const told = await adapter.graphql<{ notifications: { nodes: { kind: string; text: string }[] } }>('{ notifications(first: 50) { nodes { kind text } } }');
    const text = told.data!.notifications.nodes.find((n) => n.kind === 'CONCEPT_UPSTREAM_CHANGED')!.text;
    expect(text).toContain(`„${v1.title}“ ist in Version 2 erschienen`);
    expect(text).not.toContain('Arbeitstitel');
    await drafter.graphql(`mutation { updateConcept(input: { conceptId: "${concept.id}", title: "${v1.title}" }) { id } }`);

    // A decision is on the version the drafter compared with: one published since is looked at first.
    expect(changes.data!.conceptUpstreamChanges.every((c) => c.upstreamVersion === 2)).toBe(true);
    const stale = await adapter.graphql(
      `mutation { keepLocalSection(input: { conceptId: "${local.id}", sectionId: "${section(local, 'Leitbild').id}", upstreamVersion: 1 }) { id } }`,
    );
    expect([code(stale), stale.errors?.[0]?.message]).toEqual([
      'CONFLICT',
      'Inzwischen ist Version 2 der Vorlage erschienen: Bitte sehen Sie sich ihre Änderungen noch einmal an.',
    ]);
    const take = await adapter.graphql<{ takeUpstreamSection: ConceptData }>(
      `mutation { takeUpstreamSection(input: { conceptId: "${local.id}", sectionId: "${section(local, 'Leitbild').id}", upstreamVersion: 2 }) { ${FIELDS} } }`,
    );
    expect(section(take.data!.takeUpstreamSection, 'Leitbild').text).toBe('Vielfalt ist Normalität und Auftrag im Leipziger Raum.');
    const keep = await adapter.graphql<{ keepLocalSection: ConceptData }>(
      `mutation { keepLocalSection(input: { conceptId: "${local.id}", sectionId: "${section(local, 'Handlungsfeld Sprache').id}", upstreamVersion: 2 }) { ${FIELDS} } }`,
    );
    expect(section(keep.data!.keepLocalSection, 'Handlungsfeld Sprache').text).toBe('Sprachkurse mit Kinderbetreuung in Nordsachsen.');
    expect(keep.data!.keepLocalSection.upstream!.pendingSections).toBe(0);
    // Nothing left to decide, and both decisions are recorded.
    expect(
      code(
        await adapter.graphql(
          `mutation { keepLocalSection(input: { conceptId: "${local.id}", sectionId: "${section(local, 'Leitbild').id}", upstreamVersion: 2 }) { id } }`,
        ),
      ),
    ).toBe('CONFLICT');
    expect((await prisma.conceptSectionDecision.findMany({ where: { conceptId: local.id }, orderBy: { decidedAt: 'asc' } })).map((d) => d.decision)).toEqual([
      'TAKE_UPSTREAM',
      'KEEP_LOCAL',
    ]);
    // The adaptation is Nordsachsen's draft: the upstream's drafters do not even see it.
    expect(code(await drafter.graphql(`{ conceptUpstreamChanges(conceptId: "${local.id}") { state } }`))).toBe('NOT_FOUND');

    const lineage = await outsider.graphql<{
      conceptLineage: {
        ancestors: { concept: { id: string } }[];
        adaptations: { concept: { id: string }; organization: { name: string }; adaptedFromVersion: number }[];
      };
    }>(
      `{ conceptLineage(conceptId: "${concept.id}") { ancestors { concept { id } } adaptations { concept { id } organization { name } adaptedFromVersion } } }`,
    );
    // The adaptation is a draft of Nordsachsen: an outsider does not see it yet.
    expect(lineage.data!.conceptLineage).toEqual({ ancestors: [], adaptations: [] });
    expect(
      (
        await outsider.graphql<{ sectionAdaptations: unknown[] }>(
          `{ sectionAdaptations(conceptId: "${concept.id}", sectionId: "${section(concept, 'Leitbild').id}") { text } }`,
        )
      ).data!.sectionAdaptations,
    ).toEqual([]);
    await adapter.graphql(`mutation { publishConcept(input: { conceptId: "${local.id}", note: "Für Nordsachsen angepasst" }) { id } }`);
    // Who adapted a section, and how: one click from the upstream's section.
    const how = async (title: string) =>
      (
        await outsider.graphql<{ sectionAdaptations: { organization: { name: string }; adapted: boolean; text: string }[] }>(
          `{ sectionAdaptations(conceptId: "${concept.id}", sectionId: "${section(concept, title).id}") { organization { name } adapted text } }`,
        )
      ).data!.sectionAdaptations;
    expect(await how('Handlungsfeld Sprache')).toEqual([
      { organization: { name: 'Landkreis Nordsachsen' }, adapted: true, text: 'Sprachkurse mit Kinderbetreuung in Nordsachsen.' },
    ]);
    expect((await how('Leitbild'))[0]).toMatchObject({ adapted: false });
    // Published, others see it, and still cannot decide for it.
    expect(code(await drafter.graphql(`{ conceptUpstreamChanges(conceptId: "${local.id}") { state } }`))).toBe('FORBIDDEN');
    const after = await outsider.graphql<{
      conceptLineage: { adaptations: { concept: { id: string }; organization: { name: string }; adaptedFromVersion: number }[] };
    }>(`{ conceptLineage(conceptId: "${concept.id}") { adaptations { concept { id } organization { name } adaptedFromVersion } } }`);
    expect(after.data!.conceptLineage.adaptations).toEqual([
      { concept: { id: local.id }, organization: { name: 'Landkreis Nordsachsen' }, adaptedFromVersion: 1 },
    ]);
  });

  it('exports a Word document and a PDF for a council resolution, with the attribution of the upstream and its licence', async () => {
    const adaptation = await prisma.concept.findFirstOrThrow({ where: { upstreamConceptId: concept.id } });
    const url = `${t.url}/concepts/${adaptation.id}/export.docx`;
    expect((await fetch(url)).status).toBe(401);
    const res = await fetch(url, { headers: { cookie: outsider.cookie! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=.*\.docx/);
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toContain('Jobcenter Nordsachsen, Kammern und Ausländerbehörde.');
    expect(xml).toContain('Beruht auf „Integrationskonzept Leipziger Raum“ von AG Konzept Leipzig, Version 2');
    expect(xml).toContain('CC BY 4.0');
    // The same as PDF.
    const pdf = await fetch(url.replace('.docx', '.pdf'), { headers: { cookie: outsider.cookie! } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/attachment; filename=.*\.pdf/);
    const { PDFParse } = await import('pdf-parse');
    const parser = new PDFParse({ data: new Uint8Array(await pdf.arrayBuffer()) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    expect(text).toContain('Jobcenter Nordsachsen, Kammern und Ausländerbehörde.');
    expect(text).toContain('Beruht auf „Integrationskonzept Leipziger Raum“ von AG Konzept Leipzig, Version 2');
    expect(text).toContain('CC BY 4.0');
    // A draft is not exported to others.
    const draft = await prisma.concept.create({
      data: { title: 'Geheimer Entwurf', topics: ['SPRACHE'], licence: 'CC_BY_4_0', organizationId: adaptation.organizationId },
    });
    for (const format of ['docx', 'pdf']) {
      expect((await fetch(`${t.url}/concepts/${draft.id}/export.${format}`, { headers: { cookie: outsider.cookie! } })).status).toBe(404);
    }
  });

  it('drafters comment on sections, mention each other, resolve; others cannot read along', async () => {
    const colleague = await createUser(prisma, { name: 'Ina Integration' });
    await addMember(prisma, colleague.id, '14729');
    const groupId = (await prisma.workingGroup.findFirstOrThrow({ where: { name: 'AG Konzept Leipzig' } })).id;
    await prisma.groupMember.create({ data: { groupId, userId: colleague.id, role: 'MEMBER', status: 'ACTIVE' } });
    const sectionId = section(concept, 'Handlungsfeld Sprache').id;
    const added = await drafter.graphql<{ addConceptComment: { id: string; html: string; author: { name: string } }[] }>(
      `mutation ($i: AddConceptCommentInput!) { addConceptComment(input: $i) { id html author { name } } }`,
      { i: { conceptId: concept.id, sectionId, body: '@Ina Integration, stimmen die **Abendkurse** mit dem Landkreis?' } },
    );
    expect(added.errors).toBeUndefined();
    const [comment] = added.data!.addConceptComment;
    expect(comment!.author.name).toBe('Lea Leipzig');
    expect(comment!.html).toContain('<strong>Abendkurse</strong>');
    const note = await prisma.notification.findFirstOrThrow({ where: { userId: colleague.id, kind: 'CONCEPT_COMMENT_MENTION' } });
    expect(note.payload).toMatchObject({ conceptId: concept.id, sectionId, commentId: comment!.id });
    const ina = await signIn(t, colleague.email);
    const listed = await ina.graphql<{ notifications: { nodes: { text: string; link: string }[] } }>('{ notifications(first: 1) { nodes { text link } } }');
    expect(listed.data!.notifications.nodes[0]).toEqual({
      text: 'Lea Leipzig hat Sie in einem Kommentar zu „Handlungsfeld Sprache“ in „Integrationskonzept Leipziger Raum“ erwähnt.',
      link: `/konzepte/${concept.id}#kommentar-${comment!.id}`,
    });
    const resolved = await ina.graphql<{ resolveConceptComment: { resolvedAt: string | null; resolvedBy: { name: string } | null }[] }>(
      `mutation { resolveConceptComment(input: { conceptId: "${concept.id}", commentId: "${comment!.id}" }) { resolvedAt resolvedBy { name } } }`,
    );
    expect(resolved.data!.resolveConceptComment[0]).toMatchObject({ resolvedAt: expect.any(String), resolvedBy: { name: 'Ina Integration' } });
    // Reading the comments changes nothing: the concept keeps its place in the lists (ordered by last change).
    const changedAt = async (id: string) => (await prisma.concept.findUniqueOrThrow({ where: { id } })).updatedAt;
    const before = await changedAt(concept.id);
    expect((await ina.graphql<{ conceptComments: unknown[] }>(`{ conceptComments(conceptId: "${concept.id}") { id } }`)).data!.conceptComments).toHaveLength(1);
    const adaptation = await prisma.concept.findFirstOrThrow({ where: { upstreamConceptId: concept.id } });
    const adaptedBefore = await changedAt(adaptation.id);
    expect(code(await adapter.graphql(`{ conceptUpstreamChanges(conceptId: "${adaptation.id}") { state } }`))).toBe('OK');
    expect([await changedAt(concept.id), await changedAt(adaptation.id)]).toEqual([before, adaptedBefore]);
    // Published, the concept is visible to others; its comments are the drafters' own.
    expect(code(await outsider.graphql(`{ conceptComments(conceptId: "${concept.id}") { id } }`))).toBe('FORBIDDEN');
    expect(
      code(await drafter.graphql(`mutation { addConceptComment(input: { conceptId: "${concept.id}", sectionId: "${sectionId}", body: "   " }) { id } }`)),
    ).toBe('BAD_USER_INPUT');
  });

  it('two colleagues adapting at once make one adaptation, and the second hears of it', async () => {
    const versionId = (await prisma.conceptVersion.findFirstOrThrow({ where: { conceptId: concept.id, number: 1 } })).id;
    const colleagues = await Promise.all([createUser(prisma), createUser(prisma)]);
    const { organizationId } = await addMember(prisma, colleagues[0]!.id, '14626');
    await addMember(prisma, colleagues[1]!.id, '14626');
    const clients = await Promise.all(colleagues.map((c) => signIn(t, c.email)));
    const ADAPT = `mutation { adaptConcept(input: { versionId: "${versionId}", organizationId: "${organizationId}" }) { id } }`;
    const both = await Promise.all(clients.map((c) => c.graphql(ADAPT)));
    expect(both.map(code).sort()).toEqual(['CONFLICT', 'OK']);
    expect(await prisma.concept.count({ where: { upstreamConceptId: concept.id, organizationId } })).toBe(1);
  });

  it('a concept under all rights reserved cannot be adapted, and none by its own organisation', async () => {
    const own = await drafter.graphql<{ createConcept: ConceptData }>(`mutation ($i: CreateConceptInput!) { createConcept(input: $i) { ${FIELDS} } }`, {
      i: {
        title: 'Internes Papier',
        topics: ['SPRACHE'],
        organizationId: (await prisma.membership.findFirstOrThrow({ where: { user: { name: 'Lea Leipzig' } } })).organizationId,
        licence: 'ALL_RIGHTS_RESERVED',
        outline: 'EMPTY',
      },
    });
    const id = own.data!.createConcept.id;
    expect(own.data!.createConcept.sections).toEqual([]);
    expect(code(await drafter.graphql(`mutation { publishConcept(input: { conceptId: "${id}", note: "Leer" }) { id } }`))).toBe('BAD_USER_INPUT');
    await drafter.graphql(`mutation { addConceptSection(input: { conceptId: "${id}", title: "Ziele" }) { id } }`);
    await drafter.graphql(`mutation { publishConcept(input: { conceptId: "${id}", note: "Erste Fassung" }) { id } }`);
    const versionId = (await prisma.conceptVersion.findFirstOrThrow({ where: { conceptId: id } })).id;
    expect(code(await adapter.graphql(`mutation { adaptConcept(input: { versionId: "${versionId}", organizationId: "${adapterOrgId}" }) { id } }`))).toBe(
      'FORBIDDEN',
    );
    // Nor by its own organisation, under any licence: it is already theirs.
    const leasOrg = (await prisma.concept.findUniqueOrThrow({ where: { id } })).organizationId;
    expect(code(await drafter.graphql(`mutation { adaptConcept(input: { versionId: "${versionId}", organizationId: "${leasOrg}" }) { id } }`))).toBe(
      'CONFLICT',
    );
  });

  it('sections and measures: added, renamed, moved, removed, validated', async () => {
    const id = concept.id;
    const withSections = async (q: string) => (await drafter.graphql<Record<string, ConceptData>>(q)).data!;
    const added = Object.values(
      await withSections(`mutation { addConceptSection(input: { conceptId: "${id}", title: "Digitale Teilhabe", position: 1 }) { ${FIELDS} } }`),
    )[0]!;
    expect(added.sections[1]!.title).toBe('Digitale Teilhabe');
    const sectionId = added.sections[1]!.id;
    const moved = Object.values(
      await withSections(`mutation { moveConceptSection(input: { conceptId: "${id}", sectionId: "${sectionId}", position: 0 }) { ${FIELDS} } }`),
    )[0]!;
    expect(moved.sections[0]!.id).toBe(sectionId);
    const measure = await drafter.graphql<{ addConceptMeasure: { sections: { id: string; measures: { id: string; title: string; status: string }[] }[] } }>(
      `mutation { addConceptMeasure(input: { conceptId: "${id}", sectionId: "${sectionId}", title: "WLAN in Gemeinschaftsunterkünften", responsible: "Sozialamt", status: RUNNING }) { sections { id measures { id title status } } } }`,
    );
    expect(measure.data!.addConceptMeasure.sections[0]!.measures).toEqual([
      { id: expect.any(String), title: 'WLAN in Gemeinschaftsunterkünften', status: 'RUNNING' },
    ]);
    expect(code(await drafter.graphql(`mutation { addConceptMeasure(input: { conceptId: "${id}", sectionId: "${sectionId}", title: "  " }) { id } }`))).toBe(
      'BAD_USER_INPUT',
    );
    const removed = Object.values(
      await withSections(`mutation { removeConceptSection(input: { conceptId: "${id}", sectionId: "${sectionId}" }) { ${FIELDS} } }`),
    )[0]!;
    expect(removed.sections.map((s) => s.id)).not.toContain(sectionId);
    // The row stays for versions and adaptations that refer to it.
    expect(await prisma.conceptSection.findUnique({ where: { id: sectionId } })).toMatchObject({ removedAt: expect.any(Date) });
    expect(code(await drafter.graphql(`mutation { renameConceptSection(input: { conceptId: "${id}", sectionId: "${sectionId}", title: "X" }) { id } }`))).toBe(
      'NOT_FOUND',
    );
  });
  it('a published version keeps the licence it was published under; a new licence applies from the next version', async () => {
    const LICENCE = '{ concept(id: "ID") { licence versions { number licence } } }'.replace('ID', concept.id);
    type Licences = { concept: { licence: string; versions: { number: number; licence: string }[] } };
    const changed = await drafter.graphql<{ updateConcept: { licence: string } }>(
      `mutation { updateConcept(input: { conceptId: "${concept.id}", licence: ALL_RIGHTS_RESERVED }) { licence } }`,
    );
    expect(changed.data!.updateConcept.licence).toBe('ALL_RIGHTS_RESERVED');
    // Readers see what the published versions were granted under, and may still adapt them.
    const read = (await outsider.graphql<Licences>(LICENCE)).data!.concept;
    expect(read.licence).toBe('CC_BY_4_0');
    expect(read.versions.map((v) => v.licence)).toEqual(['CC_BY_4_0', 'CC_BY_4_0']);
    const latest = await prisma.conceptVersion.findFirstOrThrow({ where: { conceptId: concept.id }, orderBy: { number: 'desc' } });
    const adapted = await outsider.graphql<{ adaptConcept: { id: string; licence: string } }>(
      `mutation { adaptConcept(input: { versionId: "${latest.id}", organizationId: "${outsiderOrgId}" }) { id licence } }`,
    );
    expect(adapted.errors).toBeUndefined();
    expect(adapted.data!.adaptConcept.licence).toBe('CC_BY_4_0');
    const docx = await fetch(`${t.url}/concepts/${concept.id}/export.docx`, { headers: { cookie: outsider.cookie! } });
    const xml = (await (await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toContain('Lizenz: CC BY 4.0');

    // The next version is published under the new licence: from it on, readers see that one.
    await drafter.graphql(`mutation { publishConcept(input: { conceptId: "${concept.id}", note: "Neue Lizenz" }) { id } }`);
    const after = (await outsider.graphql<Licences>(LICENCE)).data!.concept;
    expect([after.licence, ...after.versions.map((v) => v.licence)]).toEqual(['ALL_RIGHTS_RESERVED', 'ALL_RIGHTS_RESERVED', 'CC_BY_4_0', 'CC_BY_4_0']);
  });
});
