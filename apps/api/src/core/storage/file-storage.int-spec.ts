import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import S3rver from 's3rver';
import { docxWith, pdfWith, upload } from '../../../test/support/documents.js';
import { addMember, createUser, signIn } from '../../../test/support/factories.js';
import { startTestApp } from '../../../test/support/test-app.js';
import { PrismaService } from '../database/prisma.service.js';
import type { FileStorage } from './file-storage.js';
import { LocalFileStorage } from './local-file-storage.js';
import { S3FileStorage } from './s3-file-storage.js';

const read = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** A real S3-compatible server (s3rver) on a free port, keeping its objects in `dir`. */
async function startS3(dir: string) {
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory: dir, silent: true, configureBuckets: [{ name: 'verbund-test', configs: [] }] });
  const { port } = await server.run();
  return { server, endpoint: `http://127.0.0.1:${port}` };
}

describe('file storage', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-storage-'));
  let s3: Awaited<ReturnType<typeof startS3>>;
  const stores: Record<string, FileStorage> = {};

  beforeAll(async () => {
    s3 = await startS3(path.join(tmp, 's3'));
    stores.local = new LocalFileStorage(path.join(tmp, 'local'));
    stores.s3 = new S3FileStorage({
      bucket: 'verbund-test',
      endpoint: s3.endpoint,
      region: 'eu-central-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      forcePathStyle: true,
    });
  });
  afterAll(async () => {
    (stores.s3 as S3FileStorage).close();
    await s3.server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it.each(['local', 's3'])('%s: put, open, remove (idempotent), and refuses keys that are paths', async (kind) => {
    const store = stores[kind]!;
    const source = path.join(tmp, `source-${kind}.pdf`);
    fs.writeFileSync(source, await pdfWith('Speicherprobe'));
    await store.put('files/probe-1', source, 'application/pdf');
    expect((await read(await store.open('files/probe-1'))).equals(fs.readFileSync(source))).toBe(true);
    await store.remove('files/probe-1');
    await store.remove('files/probe-1');
    // A file gone from the storage is NOT_FOUND for the download, not a server error.
    await expect(store.open('files/probe-1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    for (const key of ['../etc/passwd', '/abs', 'files//x', 'Files/X'])
      await expect(store.put(key, source, 'application/pdf')).rejects.toThrow('invalid storage key');
  });

  it('the app keeps material files in S3 when a bucket is configured', async () => {
    const t = await startTestApp(
      { S3_BUCKET: 'verbund-test', S3_ENDPOINT: s3.endpoint, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' },
      { directory: true },
    );
    const prisma = new PrismaService(t.db.url);
    try {
      const person = await createUser(prisma);
      const { organizationId } = await addMember(prisma, person.id, '14729');
      const client = await signIn(t, person.email);
      const file = await upload(t.url, client, await docxWith('Vorlage für Elternbriefe'), 'Elternbrief.docx');
      expect(file.status).toBe(201);
      const stored = await prisma.upload.findUniqueOrThrow({ where: { id: file.body.id } });
      expect((await read(await stores.s3!.open(stored.storageKey))).subarray(0, 2).toString()).toBe('PK');
      const created = await client.graphql<{ createMaterial: { currentVersion: { downloadUrl: string } } }>(
        'mutation ($i: CreateMaterialInput!) { createMaterial(input: $i) { currentVersion { downloadUrl } } }',
        {
          i: {
            title: 'Elternbrief',
            summary: '',
            topics: ['BILDUNG_SCHULE'],
            kind: 'VORLAGE',
            languages: ['de'],
            licence: 'CC0_1_0',
            visibility: 'MEMBERS',
            organizationId,
            uploadId: file.body.id,
          },
        },
      );
      const res = await fetch(`${t.url}${created.data!.createMaterial.currentVersion.downloadUrl}`, { headers: { cookie: client.cookie! } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(
        Buffer.from(await res.arrayBuffer())
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
      expect(fs.readdirSync(path.join(t.config.files.dir, '.incoming'))).toEqual([]);
    } finally {
      await prisma.$disconnect();
      await t.close();
    }
  });
});
