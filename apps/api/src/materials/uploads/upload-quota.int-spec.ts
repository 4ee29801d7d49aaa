import { pdfWith, upload } from '../../../test/support/documents.js';
import { addMember, createUser, signIn } from '../../../test/support/factories.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { PrismaService } from '../../core/database/prisma.service.js';

const CREATE = 'mutation ($i: CreateMaterialInput!) { createMaterial(input: $i) { id } }';

describe('quota on uploads not yet part of a material', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let file: Buffer;

  beforeAll(async () => {
    file = await pdfWith('Merkblatt Wohnsitzauflage');
    // Room for two such files per person and four in all.
    t = await startTestApp(
      { UPLOAD_STAGING_PER_PERSON_BYTES: String(file.length * 2), UPLOAD_STAGING_TOTAL_BYTES: String(file.length * 4) },
      { directory: true },
    );
    prisma = new PrismaService(t.db.url);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await t.close();
  });

  async function person(ags: string) {
    const user = await createUser(prisma);
    const { organizationId } = await addMember(prisma, user.id, ags);
    return { client: await signIn(t, user.email), organizationId };
  }

  it('refuses a person whose unused uploads are full with a clear error, and makes room when one is used', async () => {
    const { client, organizationId } = await person('14729');
    const first = await upload(t.url, client, file, 'a.pdf');
    expect(first.status).toBe(201);
    expect((await upload(t.url, client, file, 'b.pdf')).status).toBe(201);
    const full = await upload(t.url, client, file, 'c.pdf');
    expect(full.status).toBe(413);
    expect(full.body.code).toBe('CONFLICT');
    expect(full.body.message).toMatch(/Grenze von \d+ MB/);
    expect(await prisma.upload.count({ where: { fileName: 'c.pdf' } })).toBe(0);
    const used = await client.graphql(CREATE, {
      i: {
        title: 'Merkblatt',
        summary: '',
        topics: ['WOHNEN'],
        kind: 'VORLAGE',
        languages: ['de'],
        licence: 'CC0_1_0',
        visibility: 'MEMBERS',
        organizationId,
        uploadId: first.body.id,
      },
    });
    expect(used.errors).toBeUndefined();
    expect((await upload(t.url, client, file, 'c.pdf')).status).toBe(201);
  });

  it('refuses everyone once the staging area as a whole is full', async () => {
    const other = await person('14713');
    expect((await upload(t.url, other.client, file, 'd.pdf')).status).toBe(201);
    expect((await upload(t.url, other.client, file, 'e.pdf')).status).toBe(201);
    const third = await person('14612');
    const full = await upload(t.url, third.client, file, 'f.pdf');
    expect(full.status).toBe(507);
    expect(full.body.message).toMatch(/voll/);
  });
});

describe('quota on what one person uploads in a day', () => {
  it('counts versions kept as well as unused uploads: adding versions does not get round it', async () => {
    const file = await pdfWith('Merkblatt Wohnsitzauflage');
    const t = await startTestApp({ UPLOAD_PER_PERSON_DAY_BYTES: String(file.length * 2) }, { directory: true });
    const prisma = new PrismaService(t.db.url);
    try {
      const user = await createUser(prisma);
      const { organizationId } = await addMember(prisma, user.id, '14729');
      const client = await signIn(t, user.email);
      const first = await upload(t.url, client, file, 'a.pdf');
      const created = await client.graphql<{ createMaterial: { id: string } }>(CREATE, {
        i: {
          title: 'Merkblatt',
          summary: '',
          topics: ['WOHNEN'],
          kind: 'VORLAGE',
          languages: ['de'],
          licence: 'CC0_1_0',
          visibility: 'MEMBERS',
          organizationId,
          uploadId: first.body.id,
        },
      });
      const second = await upload(t.url, client, file, 'b.pdf');
      const added = await client.graphql('mutation ($i: AddMaterialVersionInput!) { addMaterialVersion(input: $i) { id } }', {
        i: { materialId: created.data!.createMaterial.id, uploadId: second.body.id },
      });
      expect(added.errors).toBeUndefined();
      // Nothing is staged now, but two files were kept today.
      const third = await upload(t.url, client, file, 'c.pdf');
      expect([third.status, third.body.code]).toEqual([413, 'CONFLICT']);
      expect(third.body.message).toMatch(/letzten 24 Stunden/);
    } finally {
      await prisma.$disconnect();
      await t.close();
    }
  });
});
