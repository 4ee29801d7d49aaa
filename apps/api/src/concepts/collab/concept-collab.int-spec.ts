import { type Ack, type ClientToServerEvents, type ServerToClientEvents, SOCKET_PATH } from '@verbund/shared';
import { RoomDocs } from '@verbund/shared/collab';
import { io, type Socket } from 'socket.io-client';
import * as encoding from 'lib0/encoding';
import { writeUpdate } from 'y-protocols/sync';
import * as Y from 'yjs';
import { addMember, createGroup, createUser, signIn } from '../../../test/support/factories.js';
import { eventually } from '../../../test/support/eventually.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { ConceptsService } from '../concepts.service.js';
import { docFromText } from '../section-content.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A browser stand-in for the shared editor: a socket that reconnects, and the client the web app uses. */
interface Editor {
  socket: Client;
  sync: RoomDocs;
  text(sectionId: string): string;
  type(sectionId: string, text: string, at?: number): void;
}

describe('drafting a concept together: Yjs over socket.io, stored in PostgreSQL', () => {
  let db: TestDatabase;
  let first: TestApp;
  let second: TestApp;
  let prisma: PrismaService;
  let cookies: { lea: string; nils: string; outsider: string };
  let nilsId: string;
  let conceptId: string;
  let sectionIds: string[];
  const editors: Editor[] = [];

  const open = (url: string, cookie: string, conceptOf = conceptId): Editor => {
    const socket: Client = io(url, {
      path: SOCKET_PATH,
      transports: ['websocket'],
      reconnectionDelay: 100,
      reconnectionDelayMax: 300,
      extraHeaders: { cookie },
    });
    const sync = new RoomDocs(socket, `concept:${conceptOf}`, { name: 'Test', color: '#0b5394' });
    const fragment = (sectionId: string) => sync.doc(sectionId).doc.getXmlFragment('default');
    const editor: Editor = {
      socket,
      sync,
      text: (sectionId) =>
        fragment(sectionId)
          .toArray()
          .map((p) =>
            p instanceof Y.XmlElement
              ? p
                  .toArray()
                  .map((t) => (t instanceof Y.XmlText ? t.toString() : ''))
                  .join('')
              : '',
          )
          .join('\n'),
      // As tiptap does: a paragraph element holding a text node.
      type(sectionId, text, at) {
        const f = fragment(sectionId);
        f.doc!.transact(() => {
          if (f.length === 0) {
            const paragraph = new Y.XmlElement('paragraph');
            paragraph.insert(0, [new Y.XmlText()]);
            f.insert(0, [paragraph]);
          }
          const node = (f.get(0) as Y.XmlElement).get(0) as Y.XmlText;
          node.insert(at ?? node.length, text);
        });
      },
    };
    editors.push(editor);
    return editor;
  };
  const ask = <E extends 'doc:sync' | 'doc:update'>(socket: Client, event: E, payload: Parameters<ClientToServerEvents[E]>[0]) =>
    new Promise<Ack<unknown>>((resolve) => (socket.emit as (e: string, p: unknown, ack: (r: Ack<unknown>) => void) => void)(event, payload, resolve));
  const settled = (editor: Editor) => eventually(() => editor.sync.status === 'saved', 'all changes stored', 5000);
  const storedText = async (sectionId: string) => (await prisma.conceptSection.findUniqueOrThrow({ where: { id: sectionId } })).text;

  beforeAll(async () => {
    db = await createTestDatabase({ from: 'directory' });
    first = await startTestApp({}, { sharedDb: db });
    second = await startTestApp({}, { sharedDb: db });
    prisma = first.app.get(PrismaService);
    const [lea, nils, outsider] = [await createUser(prisma), await createUser(prisma), await createUser(prisma)];
    nilsId = nils.id;
    await addMember(prisma, lea.id, '14713');
    await addMember(prisma, nils.id, '14730');
    await addMember(prisma, outsider.id, '14729');
    const group = await createGroup(prisma, 'AG Konzept', lea.id, [nils.id], 'CLOSED');
    cookies = {
      lea: (await signIn(first, lea.email)).cookie!,
      nils: (await signIn(first, nils.email)).cookie!,
      outsider: (await signIn(first, outsider.email)).cookie!,
    };
    const created = await first
      .client(cookies.lea)
      .graphql<{ createConcept: { id: string; sections: { id: string }[] } }>(
        'mutation ($i: CreateConceptInput!) { createConcept(input: $i) { id sections { id } } }',
        { i: { title: 'Integrationskonzept im Verbund', topics: ['SPRACHE'], groupId: group.id } },
      );
    conceptId = created.data!.createConcept.id;
    sectionIds = created.data!.createConcept.sections.map((s) => s.id);
  });
  afterAll(async () => {
    for (const e of editors) {
      e.sync?.destroy();
      e.socket.close();
    }
    await first.close();
    await second.close();
    await db.drop();
  });

  it('two people typing into one section at once, on two API processes, end with the same merged text', async () => {
    const [section] = sectionIds;
    const lea = open(first.url, cookies.lea);
    const nils = open(second.url, cookies.nils);
    await Promise.all([settled(lea), settled(nils)]);
    lea.type(section!, 'Sprache ');
    await eventually(() => nils.text(section!) === 'Sprache ', 'the first words at the other editor');
    for (let i = 0; i < 20; i++) {
      lea.type(section!, `L${i} `);
      nils.type(section!, `N${i} `, 0);
    }
    const expected = 'Sprache '.length + 2 * Array.from({ length: 20 }, (_, i) => `L${i} `.length).reduce((a, b) => a + b);
    await eventually(() => lea.text(section!) === nils.text(section!) && lea.text(section!).length === expected, 'convergence');
    const merged = lea.text(section!);
    for (let i = 0; i < 20; i++) expect(merged).toContain(`L${i} `);
    for (let i = 0; i < 20; i++) expect(merged).toContain(`N${i} `);
    // The section's text for search, comparison and publishing follows shortly after.
    await eventually(async () => (await storedText(section!)) === merged.trim(), 'the derived text', 5000);
  });

  it('converges across a restart of the API process in the middle, with what was typed while it was down', async () => {
    const section = sectionIds[1]!;
    const port = new URL(second.url).port;
    const lea = open(first.url, cookies.lea);
    const nils = open(second.url, cookies.nils);
    await Promise.all([settled(lea), settled(nils)]);
    lea.type(section, 'vorher-L ');
    nils.type(section, 'vorher-N ');
    await Promise.all([settled(lea), settled(nils)]);
    await second.close();
    await eventually(() => !nils.socket.connected, 'the lost connection');
    nils.type(section, 'offline-N ');
    lea.type(section, 'während-L ');
    await settled(lea);
    second = await startTestApp({ PORT: port }, { sharedDb: db });
    await eventually(() => nils.socket.connected && nils.sync.status === 'saved', 'the reconnect and resync', 10_000);
    nils.type(section, 'danach-N');
    await eventually(() => lea.text(section) === nils.text(section) && lea.text(section).includes('danach-N'), 'convergence after the restart', 5000);
    for (const part of ['vorher-L', 'vorher-N', 'offline-N', 'während-L', 'danach-N']) expect(lea.text(section)).toContain(part);
    // A newcomer loads exactly that from the database.
    const later = open(second.url, cookies.lea);
    later.sync.doc(section);
    await settled(later);
    expect(later.text(section)).toBe(lea.text(section));
  });

  it('rewriting a section on the server (demo data, take upstream) reaches open editors', async () => {
    const section = sectionIds[2]!;
    const lea = open(first.url, cookies.lea);
    lea.sync.doc(section);
    await settled(lea);
    await prisma.$transaction((tx) => first.app.get(ConceptsService).setSectionContent(tx, conceptId, section, docFromText('Vom Server geschrieben')));
    await eventually(() => lea.text(section) === 'Vom Server geschrieben', 'the rewrite at the editor');
  });

  it('merges many small updates into few rows, and a new editor still gets the whole text', async () => {
    const section = sectionIds[3]!;
    const lea = open(first.url, cookies.lea);
    lea.sync.doc(section);
    await settled(lea);
    for (let i = 0; i < 60; i++) {
      lea.type(section, `${i % 10}`);
      await settled(lea);
    }
    // Each of the 60 updates was stored as its own row before it was acknowledged. The text is derived (and the
    // rows merged once there are 50) shortly after typing; the last run sees every row since the last merge,
    // so without merging 60 rows would remain, with it fewer than 50.
    await eventually(async () => (await storedText(section)).length === 60, 'the derived text', 5000);
    await eventually(async () => (await prisma.conceptSectionUpdate.count({ where: { sectionId: section } })) < 50, 'merged rows', 5000);
    const later = open(second.url, cookies.nils);
    later.sync.doc(section);
    await settled(later);
    expect(later.text(section)).toBe(lea.text(section));
    expect(later.text(section)).toHaveLength(60);
  });

  it('a section at its length limit refuses more text, with the editor told; the others go on; deleting makes room again', async () => {
    const [section, beside] = [sectionIds[6]!, sectionIds[7]!];
    const size = async () => (await prisma.conceptSectionUpdate.findMany({ where: { sectionId: section } })).reduce((n, r) => n + r.update.byteLength, 0);
    const lea = open(first.url, cookies.lea);
    lea.sync.doc(section);
    lea.sync.doc(beside);
    await settled(lea);
    const chapter = 'Sprachkurse für Erwachsene. '.repeat(3_000);
    for (let i = 0; i < 2; i++) {
      lea.type(section, chapter);
      await settled(lea);
    }
    expect(await size()).toBeGreaterThan(170_000);
    lea.type(section, chapter);
    await eventually(() => lea.sync.isFull(section), 'the editor told the text is full');
    expect(await size()).toBeLessThanOrEqual(192 * 1024);
    expect(lea.sync.isFull(beside)).toBe(false);
    // The status goes on telling how the others are saved.
    lea.type(beside, 'Daneben geht es weiter.');
    await eventually(() => lea.sync.status === 'saving', 'the text beside being saved');
    await eventually(async () => (await storedText(beside)).endsWith('Daneben geht es weiter.'), 'the text beside stored', 5000);
    await eventually(() => lea.sync.status === 'saved', 'the status saved');

    // After a reload the text is cut down; what was deleted makes room for new text.
    const again = open(first.url, cookies.lea);
    const doc = again.sync.doc(section).doc;
    await settled(again);
    doc.transact(() => ((doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(0, chapter.length * 2 - 100));
    await settled(again);
    again.type(section, `${chapter}Neu: Sprachcafé`);
    await settled(again);
    await eventually(async () => (await storedText(section)).endsWith('Neu: Sprachcafé'), 'the new text stored', 5000);
    expect(await size()).toBeLessThan(100_000);
  });

  it('two pastes at once on two processes, each fitting alone, do not pass the limit together', async () => {
    const section = sectionIds[8]!;
    const [lea, nils] = [open(first.url, cookies.lea), open(second.url, cookies.nils)];
    for (const editor of [lea, nils]) editor.sync.doc(section);
    await Promise.all([settled(lea), settled(nils)]);
    const paste = (words: string) => {
      const doc = new Y.Doc();
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(words.repeat(110_000 / words.length))]);
      doc.getXmlFragment('default').insert(0, [paragraph]);
      const encoder = encoding.createEncoder();
      writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
      return encoding.toUint8Array(encoder);
    };
    const answers = await Promise.all(
      [lea, nils].map((editor, i) => ask(editor.socket, 'doc:update', { room: `concept:${conceptId}`, docId: section, message: paste(`Absatz ${i}. `) })),
    );
    expect(answers.map((a) => (a.ok ? 'OK' : a.code)).sort()).toEqual(['BAD_USER_INPUT', 'OK']);
    const stored = await prisma.conceptSectionUpdate.findMany({ where: { sectionId: section } });
    expect(stored.reduce((n, r) => n + r.update.byteLength, 0)).toBeLessThanOrEqual(192 * 1024);
  });

  it('updates that only delete take a section to twice its limit at most, however their delete set is made', async () => {
    const added = await first
      .client(cookies.lea)
      .graphql<{ addConceptSection: { sections: { id: string; title: string }[] } }>(
        `mutation { addConceptSection(input: { conceptId: "${conceptId}", title: "Nur Löschungen" }) { sections { id title } } }`,
      );
    const section = added.data!.addConceptSection.sections.find((s) => s.title === 'Nur Löschungen')!.id;
    const lea = open(first.url, cookies.lea);
    lea.sync.doc(section);
    await settled(lea);
    lea.type(section, 'Ein kurzer Text, der bleibt.');
    await settled(lea);
    // No structs, one client, 60,000 deleted ranges of items the section never had: about 230 KB each.
    const crafted = (from: number) => {
      const update = encoding.createEncoder();
      encoding.writeVarUint(update, 0);
      encoding.writeVarUint(update, 1);
      encoding.writeVarUint(update, 424_242);
      encoding.writeVarUint(update, 60_000);
      for (let i = 0; i < 60_000; i++) {
        encoding.writeVarUint(update, from + i * 2);
        encoding.writeVarUint(update, 1);
      }
      const message = encoding.createEncoder();
      writeUpdate(message, encoding.toUint8Array(update));
      return encoding.toUint8Array(message);
    };
    const answers: string[] = [];
    for (let i = 0; i < 4; i++) {
      const answer = await ask(lea.socket, 'doc:update', { room: `concept:${conceptId}`, docId: section, message: crafted(i * 200_000) });
      answers.push(answer.ok ? 'OK' : answer.code);
    }
    expect(answers).toEqual(['OK', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT']);
    const stored = await prisma.conceptSectionUpdate.findMany({ where: { sectionId: section } });
    expect(stored.reduce((n, r) => n + r.update.byteLength, 0)).toBeLessThanOrEqual(2 * 192 * 1024);
    // A real deletion still goes through, and the text is what the editor shows.
    const doc = lea.sync.doc(section).doc;
    doc.transact(() => ((doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 'Ein kurzer '.length));
    await settled(lea);
    await eventually(async () => (await storedText(section)) === 'Text, der bleibt.', 'the deletion stored', 5000);
  });

  it('a text the section cannot keep (its document too large) is refused at publishing by name, not published as before', async () => {
    const section = sectionIds[9]!;
    const lea = open(first.url, cookies.lea);
    const doc = lea.sync.doc(section).doc;
    await settled(lea);
    // 4,000 one-letter paragraphs: 160 KB of Yjs, within the limit, but 240,000 characters as a document.
    doc.transact(() => {
      const fragment = doc.getXmlFragment('default');
      for (let i = 0; i < 4_000; i++) {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText('a')]);
        fragment.insert(fragment.length, [paragraph]);
      }
    });
    await settled(lea);
    const published = await first
      .client(cookies.lea)
      .graphql(`mutation { publishConcept(input: { conceptId: "${conceptId}", note: "Erste Fassung" }) { id } }`);
    expect(published.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'sectionId', sectionId: section } });
    expect(await prisma.conceptVersion.count({ where: { conceptId } })).toBe(0);
    doc.transact(() => doc.getXmlFragment('default').delete(0, 4_000));
    await settled(lea);
  });

  it('a section another drafter removes stops alone: the other sections stay editable, also after a reconnect', async () => {
    const add = async (title: string) => {
      const res = await first
        .client(cookies.lea)
        .graphql<{ addConceptSection: { sections: { id: string; title: string }[] } }>(
          `mutation { addConceptSection(input: { conceptId: "${conceptId}", title: "${title}" }) { sections { id title } } }`,
        );
      return res.data!.addConceptSection.sections.find((s) => s.title === title)!.id;
    };
    const [removed, kept] = [await add('Entwurf zum Streichen'), await add('Anhang')];
    const nils = open(second.url, cookies.nils);
    nils.sync.doc(removed);
    nils.sync.doc(kept);
    await settled(nils);
    const res = await first
      .client(cookies.lea)
      .graphql(`mutation { removeConceptSection(input: { conceptId: "${conceptId}", sectionId: "${removed}" }) { id } }`);
    expect(res.errors).toBeUndefined();
    // The right to write is asked again every five seconds: a keystroke after that is refused for this section only.
    for (let i = 0; i < 16 && !nils.sync.isGone(removed); i++) {
      nils.type(removed, ' Noch ein Satz.');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect([nils.sync.isGone(removed), nils.sync.status]).toEqual([true, 'saved']);
    nils.socket.disconnect().connect();
    await settled(nils);
    expect([nils.sync.status, nils.sync.isGone(kept)]).toEqual(['saved', false]);
    nils.type(kept, 'Geht weiter.');
    await eventually(async () => (await storedText(kept)).endsWith('Geht weiter.'), 'the other section stored', 5000);
  });

  it('refuses outsiders, guests, other concepts and malformed messages, with stable codes', async () => {
    const outsider = open(first.url, cookies.outsider);
    outsider.sync.doc(sectionIds[0]!);
    await eventually(() => outsider.sync.status === 'refused', 'the refusal');
    expect(outsider.sync.refusedWith).toBe('FORBIDDEN');
    // Without joining the room nothing is answered, whatever the socket sends.
    const message = new Uint8Array([0, 1, 0]);
    expect(await ask(outsider.socket, 'doc:sync', { room: `concept:${conceptId}`, docId: sectionIds[0]!, message })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await ask(outsider.socket, 'doc:update', { room: `concept:${conceptId}`, docId: sectionIds[0]!, message })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const guest = io(first.url, { path: SOCKET_PATH, transports: ['websocket'], reconnection: false }) as Client;
    editors.push({ socket: guest } as Editor);
    expect(await ask(guest, 'doc:sync', { room: `concept:${conceptId}`, docId: sectionIds[0]!, message })).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
    const lea = open(first.url, cookies.lea);
    await settled(lea);
    expect(await ask(lea.socket, 'doc:sync', { room: `concept:${conceptId}`, docId: conceptId, message })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(
      await ask(lea.socket, 'doc:update', { room: `concept:${conceptId}`, docId: sectionIds[0]!, message: new Uint8Array([2, 3, 9, 9, 9]) }),
    ).toMatchObject({
      ok: false,
      code: 'BAD_USER_INPUT',
    });
    expect(await ask(lea.socket, 'doc:sync', { room: `concept:${conceptId}`, docId: sectionIds[0]!, message: 'kein Binär' as never })).toMatchObject({
      ok: false,
      code: 'BAD_USER_INPUT',
    });
  });

  it('a person who left the group can no longer write, even over a socket that was already in the room', async () => {
    const section = sectionIds[4]!;
    const nils = open(first.url, cookies.nils);
    nils.sync.doc(section);
    await settled(nils);
    nils.type(section, 'noch dabei');
    await settled(nils);
    const group = await prisma.workingGroup.findFirstOrThrow({ where: { name: 'AG Konzept' } });
    await prisma.groupMember.deleteMany({ where: { groupId: group.id, userId: nilsId } });
    // The right to draft is looked up again after a few seconds.
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    nils.type(section, ' und jetzt nicht mehr');
    await eventually(() => nils.sync.status === 'refused', 'the refusal');
    expect(await storedText(section)).toBe('noch dabei');
  });

  it('a person who leaves the group stops receiving the draft at once, on a socket that was in the room', async () => {
    const section = sectionIds[5]!;
    const group = await prisma.workingGroup.findFirstOrThrow({ where: { name: 'AG Konzept' } });
    await prisma.groupMember.upsert({
      where: { groupId_userId: { groupId: group.id, userId: nilsId } },
      create: { groupId: group.id, userId: nilsId, role: 'MEMBER', status: 'ACTIVE' },
      update: { status: 'ACTIVE' },
    });
    const lea = open(first.url, cookies.lea);
    const nils = open(first.url, cookies.nils);
    lea.sync.doc(section);
    nils.sync.doc(section);
    await Promise.all([settled(lea), settled(nils)]);
    lea.type(section, 'Entwurf');
    await eventually(() => nils.text(section) === 'Entwurf', 'the draft while a member');

    const left = await first.client(cookies.nils).graphql(`mutation { leaveGroup(id: "${group.id}") }`);
    expect(left.errors).toBeUndefined();
    // Lea's second tab, in the room all along, shows that the words went out to the room.
    const leaAgain = open(first.url, cookies.lea);
    leaAgain.sync.doc(section);
    await settled(leaAgain);
    lea.type(section, ' mit vertraulichen Zahlen');
    await eventually(() => leaAgain.text(section) === 'Entwurf mit vertraulichen Zahlen', 'the words in the room');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(nils.text(section)).toBe('Entwurf');
  });
});
