import fs from 'node:fs';
import path from 'node:path';
import { pdfWith, upload } from '../../test/support/documents.js';
import { addMember, createUser, signIn, TEST_PASSWORD } from '../../test/support/factories.js';
import { startTestApp, type TestApp, type TestClient } from '../../test/support/test-app.js';
import { PrismaService } from '../core/database/prisma.service.js';

const DELETE = 'mutation ($c: ContributionChoice!) { deleteMyAccount(input: { password: "' + TEST_PASSWORD + '", contributions: $c }) }';

/** What happens to a person's posts, materials, files and moderation when they delete their account. */
describe('account deletion and contributions', () => {
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

  async function personWithContent(name: string) {
    const user = await createUser(prisma, { name });
    const { organizationId } = await addMember(prisma, user.id, '14729');
    const client = await signIn(t, user.email);
    const group = await client.graphql<{ createGroup: { id: string } }>(
      `mutation { createGroup(input: { name: "Runde von ${name}", description: "", topics: [EHRENAMT], access: OPEN, region: { kind: BUNDESWEIT } }) { id } }`,
    );
    const groupId = group.data!.createGroup.id;
    await client.graphql('mutation ($i: StartThreadInput!) { startThread(input: $i) { id } }', {
      i: { groupId, title: 'Hallo zusammen', body: `Beitrag von ${name}` },
    });
    const file = await upload(t.url, client, await pdfWith(`Datei von ${name}`), 'datei.pdf');
    const material = await client.graphql<{ createMaterial: { id: string } }>('mutation ($i: CreateMaterialInput!) { createMaterial(input: $i) { id } }', {
      i: {
        title: `Material von ${name}`,
        summary: '',
        topics: ['EHRENAMT'],
        kind: 'VORLAGE',
        languages: ['de'],
        licence: 'CC0_1_0',
        visibility: 'MEMBERS',
        organizationId,
        uploadId: file.body.id,
      },
    });
    const materialId = material.data!.createMaterial.id;
    // A colleague of the same organisation adds a version; another municipality marks it useful.
    const colleague = await createUser(prisma, { name: `Kollegin von ${name}` });
    await addMember(prisma, colleague.id, '14729');
    const colleagueClient = await signIn(t, colleague.email);
    const added = await colleagueClient.graphql('mutation ($i: AddMaterialVersionInput!) { addMaterialVersion(input: $i) { id } }', {
      i: { materialId, markdown: `Ergänzung der Kollegin von ${name}`, note: 'ergänzt' },
    });
    expect(added.errors).toBeUndefined();
    const other = await createUser(prisma, { name: `Mitglied bei ${name}` });
    await addMember(prisma, other.id, '14713');
    const otherClient: TestClient = await signIn(t, other.email);
    await otherClient.graphql('mutation ($id: ID!) { joinGroup(id: $id) { id } }', { id: groupId });
    const marked = await otherClient.graphql('mutation ($id: ID!) { markMaterialUsed(id: $id, used: true) { id } }', { id: materialId });
    expect(marked.errors).toBeUndefined();
    return { user, client, groupId, other, materialId };
  }

  /** The organisation's material survives the deletion whole: both versions, the file, the other municipality's mark. */
  async function expectMaterialKept(materialId: string, before: number) {
    const material = await prisma.material.findUniqueOrThrow({ where: { id: materialId }, include: { versions: true, uses: true } });
    expect(material.createdById).toBeNull();
    expect(material.versions).toHaveLength(2);
    expect(material.versions.find((v) => v.number === 1)!.createdById).toBeNull();
    expect(material.versions.find((v) => v.number === 2)!.createdById).not.toBeNull();
    expect(material.uses).toHaveLength(1);
    expect(files().length).toBe(before);
  }

  const files = () => fs.readdirSync(path.join(t.config.files.dir, 'files'));

  it("DELETE removes posts but keeps the organisation's materials with others' versions and marks; the group gets a new moderator", async () => {
    const { user, client, groupId, other, materialId } = await personWithContent('Dana Delete');
    const before = files().length;
    expect((await client.graphql(DELETE, { c: 'DELETE' })).errors).toBeUndefined();
    expect(await prisma.post.count({ where: { markdown: 'Beitrag von Dana Delete' } })).toBe(0);
    expect(await prisma.thread.count({ where: { groupId } })).toBe(0);
    await expectMaterialKept(materialId, before);
    const shown = await (
      await signIn(t, other.email)
    ).graphql<{ material: { createdBy: { name: string } } }>('query ($id: ID!) { material(id: $id) { createdBy { name } } }', { id: materialId });
    expect(shown.data!.material.createdBy.name).toBe('ehemaliges Mitglied');
    expect(await prisma.user.count({ where: { id: user.id } })).toBe(0);
    const member = await prisma.groupMember.findUniqueOrThrow({ where: { groupId_userId: { groupId, userId: other.id } } });
    expect(member.role).toBe('MODERATOR');
  });

  it('ANONYMISE keeps posts and materials without a name', async () => {
    const { client, groupId, materialId } = await personWithContent('Anna Anonym');
    const before = files().length;
    expect((await client.graphql(DELETE, { c: 'ANONYMISE' })).errors).toBeUndefined();
    const post = await prisma.post.findFirstOrThrow({ where: { markdown: 'Beitrag von Anna Anonym' } });
    expect(post.authorId).toBeNull();
    await expectMaterialKept(materialId, before);
    expect(await prisma.thread.count({ where: { groupId } })).toBe(1);
  });
  it('a deleted account gives its places at coming rounds and events to the first waiting, who hear of it', async () => {
    const host = await createUser(prisma, { name: 'Gastgeberin' });
    const { organizationId } = await addMember(prisma, host.id, '14713');
    const hostClient = await signIn(t, host.email);
    const round = await hostClient.graphql<{ createRound: { id: string } }>('mutation ($i: CreateRoundInput!) { createRound(input: $i) { id } }', {
      i: {
        title: 'Runde mit einem Platz',
        topics: ['SPRACHE'],
        hostOrganizationId: organizationId,
        videoUrl: 'https://meet.example/r',
        startsAt: '2027-04-07T10:00',
        durationMinutes: 60,
        capacity: 1,
      },
    });
    const event = await hostClient.graphql<{ createEvent: { id: string } }>('mutation ($i: CreateEventInput!) { createEvent(input: $i) { id } }', {
      i: {
        kind: 'FACHTAG',
        title: 'Fachtag mit einem Platz',
        description: 'Ein Platz.',
        topics: ['SPRACHE'],
        startsAt: '2027-04-08T09:00',
        endsAt: '2027-04-08T16:00',
        address: 'Rathaus Leipzig',
        openTo: 'NEIGHBOURS',
        audiences: ['FACHKRAEFTE'],
        organizerOrganizationId: organizationId,
        registrationMode: 'VERBUND',
        capacity: 1,
        registrationDeadline: '2027-04-01T12:00',
      },
    });
    const [roundId, eventId] = [round.data!.createRound.id, event.data!.createEvent.id];
    const [leaving, waiting] = [await createUser(prisma, { name: 'Geht' }), await createUser(prisma, { name: 'Wartet' })];
    for (const person of [leaving, waiting]) {
      await addMember(prisma, person.id, '14729');
      const client = await signIn(t, person.email);
      await client.graphql(`mutation { registerForRound(input: { roundId: "${roundId}" }) { id } }`);
      await client.graphql(`mutation { registerForEvent(id: "${eventId}") { id } }`);
    }
    expect((await (await signIn(t, leaving.email)).graphql(DELETE, { c: 'DELETE' })).errors).toBeUndefined();
    const places = await Promise.all([
      prisma.roundRegistration.findMany({ where: { roundId }, select: { userId: true, status: true } }),
      prisma.eventRegistration.findMany({ where: { eventId }, select: { userId: true, status: true } }),
    ]);
    expect(places).toEqual([[{ userId: waiting.id, status: 'REGISTERED' }], [{ userId: waiting.id, status: 'REGISTERED' }]]);
    const told = await prisma.notification.findMany({
      where: { userId: waiting.id, kind: { in: ['ROUND_PROMOTED', 'EVENT_PROMOTED'] } },
      select: { kind: true },
    });
    expect(told.map((n) => n.kind).sort()).toEqual(['EVENT_PROMOTED', 'ROUND_PROMOTED']);
  });
});
