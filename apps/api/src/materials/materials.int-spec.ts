import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { docxWith, pdfWith, upload } from '../../test/support/documents.js';
import { addMember, createUser, signIn } from '../../test/support/factories.js';
import { eventually } from '../../test/support/eventually.js';
import { startTestApp, type TestApp, type TestClient } from '../../test/support/test-app.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { UploadsService } from './uploads/uploads.service.js';

const CREATE =
  'mutation ($i: CreateMaterialInput!) { createMaterial(input: $i) { id title versions { number format fileName mimeType size downloadUrl createdBy { name } } } }';
const SEARCH =
  'query ($s: String, $f: MaterialsFilter) { materials(search: $s, filter: $f, first: 50) { totalCount nodes { material { title } snippet { text highlight } } } }';
const code = (res: { errors?: { extensions: { code: string } }[] }) => res.errors?.[0]?.extensions.code ?? 'OK';
const LIMIT = 300_000;

/** Every file under the storage directory (incoming included): what an aborted upload must not leave. */
function storedFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('materials library', () => {
  let t: TestApp;
  let prisma: PrismaService;
  const as = {} as Record<'kreis' | 'stadt' | 'dresden' | 'unconfirmed', TestClient>;
  const org: Record<string, string> = {};
  let closedGroupId: string;

  const create = (client: TestClient, over: Record<string, unknown>) =>
    client.graphql<{ createMaterial: { id: string; versions: { number: number; fileName: string; mimeType: string; downloadUrl: string }[] } }>(CREATE, {
      i: {
        title: 'Material',
        summary: '',
        topics: ['SPRACHE'],
        kind: 'LEITFADEN',
        languages: ['de'],
        licence: 'CC_BY_4_0',
        visibility: 'MEMBERS',
        organizationId: org.kreis,
        ...over,
      },
    });
  const titles = async (client: TestClient, s: string | null, f?: Record<string, unknown>) =>
    (await client.graphql<{ materials: { nodes: { material: { title: string } }[] } }>(SEARCH, { s, f })).data!.materials.nodes.map((n) => n.material.title);

  beforeAll(async () => {
    t = await startTestApp({ UPLOAD_LIMIT_BYTES: String(LIMIT) }, { directory: true });
    prisma = new PrismaService(t.db.url);
    const kreis = await createUser(prisma, { name: 'Kai Kreis' });
    const stadt = await createUser(prisma, { name: 'Sina Stadt' });
    const dresden = await createUser(prisma, { name: 'Dora Dresden' });
    const unconfirmed = await createUser(prisma, { name: 'Uwe Unbestätigt' });
    org.kreis = (await addMember(prisma, kreis.id, '14729')).organizationId;
    org.stadt = (await addMember(prisma, stadt.id, '14713')).organizationId;
    org.dresden = (await addMember(prisma, dresden.id, '14612')).organizationId;
    as.kreis = await signIn(t, kreis.email);
    as.stadt = await signIn(t, stadt.email);
    as.dresden = await signIn(t, dresden.email);
    as.unconfirmed = await signIn(t, unconfirmed.email);
    const group = await as.kreis.graphql<{ createGroup: { id: string } }>(
      'mutation { createGroup(input: { name: "Interne AG", description: "", topics: [WOHNEN], access: CLOSED, region: { kind: BUNDESWEIT } }) { id } }',
    );
    closedGroupId = group.data!.createGroup.id;
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await t.close();
  });

  describe('uploads', () => {
    it('accepts a PDF, decides its type from the content and extracts its text', async () => {
      const res = await upload(t.url, as.kreis, await pdfWith('Leitfaden Sprachmittlerpool'), 'Leitfaden.PDF');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ mimeType: 'application/pdf', fileName: 'Leitfaden.pdf' });
      const row = await prisma.upload.findUniqueOrThrow({ where: { id: res.body.id } });
      expect(row.text).toContain('Sprachmittlerpool');
    });

    it('names a file by its content: a PNG called .pdf is stored as .png', async () => {
      const png = Buffer.from(
        '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3d2c1a60000000049454e44ae426082',
        'hex',
      );
      const res = await upload(t.url, as.kreis, png, 'bild.pdf');
      expect(res.body).toMatchObject({ mimeType: 'image/png', fileName: 'bild.png' });
    });

    it.each([
      ['an executable renamed to .pdf', Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), Buffer.alloc(2000, 1)]), 'bericht.pdf', 415],
      ['a Windows executable renamed to .docx', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 0)]), 'vorlage.docx', 415],
      ['an HTML page renamed to .pdf', Buffer.from('<html><script>alert(1)</script></html>'), 'x.pdf', 415],
      ['an empty file', Buffer.alloc(0), 'leer.pdf', 400],
      ['a file over the limit', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(LIMIT + 10, 32)]), 'gross.pdf', 413],
      ['a broken PDF', Buffer.from('%PDF-1.7\nkaputt'), 'kaputt.pdf', 400],
    ])('refuses %s and keeps nothing', async (_name, data, fileName, status) => {
      const before = await prisma.upload.count();
      const res = await upload(t.url, as.kreis, data, fileName);
      expect(res.status).toBe(status);
      expect(res.body.code).toBe('BAD_USER_INPUT');
      expect(await prisma.upload.count()).toBe(before);
      expect(storedFiles(path.join(t.config.files.dir, '.incoming'))).toEqual([]);
    });

    it('an interrupted upload leaves neither a row nor a file', async () => {
      const rowsBefore = await prisma.upload.count();
      const filesBefore = storedFiles(t.config.files.dir).length;
      const boundary = 'verbundgrenze';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="halb.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`;
      const { port } = new URL(t.url);
      await new Promise<void>((resolve, reject) => {
        const socket = net.connect(Number(port), '127.0.0.1', () => {
          socket.write(
            `POST /uploads HTTP/1.1\r\nHost: localhost\r\nCookie: ${as.kreis.cookie}\r\nx-verbund-upload: 1\r\n` +
              `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 200000\r\n\r\n${head}${'x'.repeat(50_000)}`,
            () => setTimeout(() => socket.destroy(), 200),
          );
        });
        socket.on('close', () => resolve());
        socket.on('error', reject);
      });
      // The server notices the lost connection on its own schedule: wait for its cleanup, not a fixed time.
      await eventually(() => storedFiles(path.join(t.config.files.dir, '.incoming')).length === 0, 'an empty staging folder');
      expect(await prisma.upload.count()).toBe(rowsBefore);
      expect(storedFiles(t.config.files.dir)).toHaveLength(filesBefore);
    });

    it('unused uploads are swept after a day, row and file', async () => {
      const file = await upload(t.url, as.kreis, await pdfWith('Liegen geblieben'), 'vergessen.pdf');
      const { storageKey } = await prisma.upload.findUniqueOrThrow({ where: { id: file.body.id } });
      expect(fs.existsSync(path.join(t.config.files.dir, storageKey))).toBe(true);
      const sweeper = t.app.get(UploadsService);
      expect(await sweeper.sweep()).toBe(0);
      expect(await sweeper.sweep(Date.now() + 25 * 3_600_000)).toBeGreaterThanOrEqual(1);
      expect(await prisma.upload.count({ where: { id: file.body.id } })).toBe(0);
      expect(fs.existsSync(path.join(t.config.files.dir, storageKey))).toBe(false);
    });

    it('a malformed multipart request (a text field only, no boundary) is a 4xx, not a 500; of two files the first counts', async () => {
      const headers = { cookie: as.kreis.cookie!, 'x-verbund-upload': '1' };
      const two = new FormData();
      two.append('file', new Blob([new Uint8Array(await pdfWith('a'))]), 'a.pdf');
      two.append('file2', new Blob([new Uint8Array(await pdfWith('b'))]), 'b.pdf');
      const field = new FormData();
      field.append('note', 'Text');
      const first = await fetch(`${t.url}/uploads`, { method: 'POST', body: two, headers });
      expect(first.status).toBe(201);
      expect(((await first.json()) as { fileName: string }).fileName).toBe('a.pdf');
      expect([400, 413]).toContain((await fetch(`${t.url}/uploads`, { method: 'POST', body: field, headers })).status);
      const broken = await fetch(`${t.url}/uploads`, { method: 'POST', body: 'kaputt', headers: { ...headers, 'content-type': 'multipart/form-data' } });
      expect(broken.status).toBeGreaterThanOrEqual(400);
      expect(broken.status).toBeLessThan(500);
      expect(storedFiles(path.join(t.config.files.dir, '.incoming'))).toEqual([]);
    });

    it('refuses uploads without the CSRF header, from guests and from unconfirmed accounts', async () => {
      const pdf = await pdfWith('x');
      expect((await upload(t.url, as.kreis, pdf, 'a.pdf', {})).status).toBe(403);
      expect((await upload(t.url, as.kreis, pdf, 'a.pdf', { 'x-verbund-upload': '1', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
      expect((await upload(t.url, t.client(), pdf, 'a.pdf')).status).toBe(401);
      expect((await upload(t.url, as.unconfirmed, pdf, 'a.pdf')).status).toBe(403);
    });
  });

  describe('publishing, versions and downloads', () => {
    let materialId: string;

    it('a PDF becomes a material; its download is an attachment with nosniff', async () => {
      const file = await upload(t.url, as.kreis, await pdfWith('Handreichung zum Dolmetscherpool', 'Erstgespräch mit Geflüchteten'), 'Handreichung.pdf');
      const res = await create(as.kreis, { title: 'Handreichung Dolmetschen', summary: 'Wie wir Sprachmittlung organisieren', uploadId: file.body.id });
      expect(res.errors).toBeUndefined();
      materialId = res.data!.createMaterial.id;
      const version = res.data!.createMaterial.versions[0]!;
      expect(version).toMatchObject({ number: 1, fileName: 'Handreichung.pdf', mimeType: 'application/pdf' });
      expect(await prisma.upload.count({ where: { id: file.body.id } })).toBe(0);

      const download = await fetch(`${t.url}${version.downloadUrl}`, { headers: { cookie: as.dresden.cookie! } });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toBe('attachment; filename=Handreichung.pdf');
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(download.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await download.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      expect((await fetch(`${t.url}${version.downloadUrl}`)).status).toBe(401);
    });

    it('an upload is used once, by the person who uploaded it', async () => {
      const file = await upload(t.url, as.kreis, await pdfWith('Einmal'), 'einmal.pdf');
      expect(code(await create(as.stadt, { organizationId: org.stadt, uploadId: file.body.id }))).toBe('NOT_FOUND');
      expect(code(await create(as.kreis, { uploadId: file.body.id }))).toBe('OK');
      expect(code(await create(as.kreis, { uploadId: file.body.id }))).toBe('NOT_FOUND');
    });

    it('a failed create keeps the upload for another try and writes no material', async () => {
      const file = await upload(t.url, as.kreis, await pdfWith('Nochmal'), 'nochmal.pdf');
      const materials = await prisma.material.count();
      expect(code(await create(as.kreis, { uploadId: file.body.id, languages: ['xx'] }))).toBe('BAD_USER_INPUT');
      expect(code(await create(as.kreis, { uploadId: file.body.id, organizationId: org.stadt }))).toBe('FORBIDDEN');
      expect(await prisma.material.count()).toBe(materials);
      expect(await prisma.upload.count({ where: { id: file.body.id } })).toBe(1);
    });

    it('new versions keep the old ones, with who and when; only the publishers add them', async () => {
      const docx = await upload(t.url, as.kreis, await docxWith('Zweite Fassung mit Willkommenslotsen'), 'Fassung2.docx');
      const ADD =
        'mutation ($i: AddMaterialVersionInput!) { addMaterialVersion(input: $i) { versions { number fileName note createdBy { name } } currentVersion { number } } }';
      expect(code(await as.stadt.graphql(ADD, { i: { materialId, markdown: 'Fremde Fassung' } }))).toBe('FORBIDDEN');
      const added = await as.kreis.graphql<{
        addMaterialVersion: { versions: { number: number; fileName: string; note: string; createdBy: { name: string } }[]; currentVersion: { number: number } };
      }>(ADD, {
        i: { materialId, uploadId: docx.body.id, note: 'Lotsen ergänzt' },
      });
      expect(added.data!.addMaterialVersion.currentVersion.number).toBe(2);
      expect(added.data!.addMaterialVersion.versions.map((v) => [v.number, v.fileName, v.note, v.createdBy.name])).toEqual([
        [2, 'Fassung2.docx', 'Lotsen ergänzt', 'Kai Kreis'],
        [1, 'Handreichung.pdf', null, 'Kai Kreis'],
      ]);
      const old = await fetch(`${t.url}/materials/${materialId}/versions/1/download`, { headers: { cookie: as.kreis.cookie! } });
      expect(old.headers.get('content-type')).toBe('application/pdf');
      expect(await titles(as.dresden, 'Willkommenslotsen')).toEqual(['Handreichung Dolmetschen']);
    });

    it('"useful for us": a municipality marks a material, and it shows who uses it', async () => {
      const MARK = 'mutation ($id: ID!, $used: Boolean) { markMaterialUsed(id: $id, used: $used) { useCount usedByViewer usedBy { ags } } }';
      const marked = await as.dresden.graphql<{ markMaterialUsed: { useCount: number; usedByViewer: boolean; usedBy: { ags: string }[] } }>(MARK, {
        id: materialId,
      });
      expect(marked.data!.markMaterialUsed).toEqual({ useCount: 1, usedByViewer: true, usedBy: [{ ags: '14612' }] });
      await as.stadt.graphql(MARK, { id: materialId });
      await as.dresden.graphql(MARK, { id: materialId });
      const unmarked = await as.dresden.graphql<{ markMaterialUsed: { useCount: number; usedBy: { ags: string }[] } }>(MARK, { id: materialId, used: false });
      expect(unmarked.data!.markMaterialUsed).toMatchObject({ useCount: 1, usedBy: [{ ags: '14713' }] });
    });

    it("who left publishes no more versions in the organisation's name, and who no longer sees a material hears nothing of it", async () => {
      const [author, stays, leaves] = [
        await createUser(prisma, { name: 'Ali Autor' }),
        await createUser(prisma, { name: 'Bea Bleibt' }),
        await createUser(prisma, { name: 'Gero Geht' }),
      ];
      await addMember(prisma, author.id, '14729');
      await addMember(prisma, author.id, '14713');
      await addMember(prisma, stays.id, '14612');
      await addMember(prisma, leaves.id, '14628');
      const [asAuthor, asStays, asLeaves] = [await signIn(t, author.email), await signIn(t, stays.email), await signIn(t, leaves.email)];
      const made = await create(asAuthor, { title: 'Leitfaden Ankommen', markdown: 'Erste Fassung' });
      const id = made.data!.createMaterial.id;
      const MARK = 'mutation ($id: ID!) { markMaterialUsed(id: $id) { useCount } }';
      await asStays.graphql(MARK, { id });
      await asLeaves.graphql(MARK, { id });
      // Gero leaves Verbund; the author leaves the Landkreis and stays with the Stadt.
      await prisma.membership.deleteMany({ where: { OR: [{ userId: leaves.id }, { userId: author.id, organizationId: org.kreis }] } });
      const ADD = 'mutation ($i: AddMaterialVersionInput!) { addMaterialVersion(input: $i) { currentVersion { number } } }';
      expect(code(await asAuthor.graphql(ADD, { i: { materialId: id, markdown: 'Zweite Fassung' } }))).toBe('FORBIDDEN');
      const added = await as.kreis.graphql<{ addMaterialVersion: { currentVersion: { number: number } } }>(ADD, {
        i: { materialId: id, markdown: 'Zweite Fassung' },
      });
      expect(added.data!.addMaterialVersion.currentVersion.number).toBe(2);
      const told = await prisma.notification.findMany({ where: { kind: 'MATERIAL_VERSION', subjectId: id }, select: { userId: true } });
      expect(told.map((n) => n.userId)).toEqual([stays.id]);
    });

    it('Markdown materials are sanitised and download as .md', async () => {
      const res = await create(as.kreis, {
        title: 'Checkliste Erstaufnahme',
        markdown: '# Schritte\n\n- [Formular](javascript:alert(1))\n- <script>alert(1)</script>Termin',
      });
      const got = await as.kreis.graphql<{ material: { currentVersion: { html: string; downloadUrl: string } } }>(
        'query ($id: ID!) { material(id: $id) { currentVersion { html downloadUrl } } }',
        { id: res.data!.createMaterial.id },
      );
      expect(got.data!.material.currentVersion.html).not.toMatch(/script|javascript/i);
      const download = await fetch(`${t.url}${got.data!.material.currentVersion.downloadUrl}`, { headers: { cookie: as.kreis.cookie! } });
      expect(download.headers.get('content-disposition')).toBe('attachment; filename="Checkliste Erstaufnahme.md"');
    });
  });

  describe('who sees what', () => {
    it('organisation and closed-group materials stay inside; outsiders are told they do not exist', async () => {
      const internal = await create(as.kreis, { title: 'Interne Dienstanweisung Kreis', visibility: 'ORGANIZATION', markdown: 'Vertraulich' });
      const grouped = await create(as.kreis, { title: 'Protokoll der internen AG', visibility: 'GROUP', groupId: closedGroupId, markdown: 'Vertraulich' });
      expect(code(await create(as.kreis, { title: 'Offen aus geschlossener AG', visibility: 'MEMBERS', groupId: closedGroupId, markdown: 'x' }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(code(await create(as.stadt, { organizationId: org.stadt, visibility: 'GROUP', groupId: closedGroupId, markdown: 'x' }))).toBe('FORBIDDEN');

      expect(await titles(as.kreis, 'Vertraulich')).toEqual(expect.arrayContaining(['Interne Dienstanweisung Kreis', 'Protokoll der internen AG']));
      expect(await titles(as.stadt, 'Vertraulich')).toEqual([]);
      for (const id of [internal.data!.createMaterial.id, grouped.data!.createMaterial.id]) {
        expect(code(await as.stadt.graphql('query ($id: ID!) { material(id: $id) { id } }', { id }))).toBe('NOT_FOUND');
        expect((await fetch(`${t.url}/materials/${id}/versions/1/download`, { headers: { cookie: as.stadt.cookie! } })).status).toBe(404);
      }
      expect(code(await as.unconfirmed.graphql(SEARCH, { s: 'Handreichung' }))).toBe('OK');
      expect(await titles(as.unconfirmed, 'Handreichung')).toEqual([]);
    });
  });

  describe('search', () => {
    beforeAll(async () => {
      const pdf = await upload(t.url, as.stadt, await pdfWith('Aufbau eines Dolmetscherpools', 'Erstgespräch mit Geflüchteten'), 'pool.pdf');
      await create(as.stadt, { organizationId: org.stadt, title: 'Leitfaden Sprachmittlung', uploadId: pdf.body.id });
      await create(as.stadt, {
        organizationId: org.stadt,
        title: 'Integrationskonzept der Stadt Leipzig',
        summary: 'Leitlinien für Teilhabe',
        kind: 'KONZEPT',
        topics: ['VERWALTUNG_STRATEGIE'],
        licence: 'DL_DE_BY_2_0',
        markdown: 'Wir fördern Sprachkurs-Angebote und Beratungsstellen für Flüchtlinge.',
      });
      await create(as.dresden, {
        organizationId: org.dresden,
        title: 'Flyer Willkommen in Dresden',
        kind: 'FLYER',
        languages: ['ar', 'uk', 'de-x-ls'],
        licence: 'CC0_1_0',
        topics: ['BERATUNG_BEGLEITUNG'],
        markdown: 'Informationen über Wohnungssuche und Sprachkurse.',
      });
    });

    it.each([
      ['Konzept', 'Integrationskonzept der Stadt Leipzig'],
      ['integrationskonzept', 'Integrationskonzept der Stadt Leipzig'],
      ['Sprachkurse', 'Integrationskonzept der Stadt Leipzig'],
      ['Sprachkurs', 'Flyer Willkommen in Dresden'],
      ['Fluechtlinge', 'Integrationskonzept der Stadt Leipzig'],
      ['Flüchtlinge', 'Integrationskonzept der Stadt Leipzig'],
      ['FLUCHTLING', 'Integrationskonzept der Stadt Leipzig'],
      ['Beratungsstelle', 'Integrationskonzept der Stadt Leipzig'],
      ['wohnung', 'Flyer Willkommen in Dresden'],
      ['Dolmetscherpool', 'Leitfaden Sprachmittlung'],
      ['Geflüchteten Erstgespräch', 'Leitfaden Sprachmittlung'],
    ])('"%s" finds "%s"', async (search, title) => {
      expect(await titles(as.kreis, search)).toContain(title);
    });

    it('all words must match; unknown words find nothing', async () => {
      expect(await titles(as.kreis, 'Sprachkurse Dresden')).toEqual(['Flyer Willkommen in Dresden']);
      expect(await titles(as.kreis, 'Quantenphysik')).toEqual([]);
    });

    it('ranks title matches first and marks the words in the snippet', async () => {
      const res = await as.kreis.graphql<{ materials: { nodes: { material: { title: string }; snippet: { text: string; highlight: boolean }[] }[] } }>(SEARCH, {
        s: 'Flüchtlinge',
      });
      const hit = res.data!.materials.nodes.find((n) => n.material.title.startsWith('Integrationskonzept'))!;
      expect(hit.snippet.filter((p) => p.highlight).map((p) => p.text)).toEqual(['Flüchtlinge']);
      expect((await titles(as.kreis, 'Sprachkurse'))[0]).toBe('Flyer Willkommen in Dresden');
    });

    it.each([
      [{ kinds: ['KONZEPT'] }, ['Integrationskonzept der Stadt Leipzig']],
      [{ topics: ['BERATUNG_BEGLEITUNG'] }, ['Flyer Willkommen in Dresden']],
      [{ languages: ['de-x-ls'] }, ['Flyer Willkommen in Dresden']],
      [{ licences: ['DL_DE_BY_2_0'] }, ['Integrationskonzept der Stadt Leipzig']],
      [{ municipalityAgs: '14612' }, ['Flyer Willkommen in Dresden']],
      [{ landCode: '09' }, []],
    ])('filter %j', async (filter, expected) => {
      expect((await titles(as.kreis, 'Sprachkurse', filter)).sort()).toEqual(expected);
    });

    it('without search words, filters alone list the newest first', async () => {
      expect(await titles(as.kreis, null, { municipalityAgs: '14612' })).toEqual(['Flyer Willkommen in Dresden']);
      const all = await titles(as.kreis, null);
      expect(all[0]).toBe('Flyer Willkommen in Dresden');
      expect(all).toContain('Integrationskonzept der Stadt Leipzig');
    });

    it('refuses malformed filters with BAD_USER_INPUT', async () => {
      expect(code(await as.kreis.graphql(SEARCH, { s: 'x', f: { landCode: '99' } }))).toBe('BAD_USER_INPUT');
      expect(code(await as.kreis.graphql(SEARCH, { s: 'x', f: { municipalityAgs: 'abc' } }))).toBe('BAD_USER_INPUT');
      expect(code(await as.kreis.graphql(SEARCH, { s: 'x', f: { kinds: ['ROMAN'] } }))).toBe('BAD_USER_INPUT');
    });
  });
});
