import { type ChatMessagePayload, type PollPayload, type QueuePayload, type RoundPerson, RoundRoomClient } from '@verbund/shared';
import { RoomDocs } from '@verbund/shared/collab';
import { DateTime } from 'luxon';
import * as Y from 'yjs';
import { addMember, createUser, signIn } from '../../../test/support/factories.js';
import { eventually } from '../../../test/support/eventually.js';
import { call, connect, type RoundClient } from '../../../test/support/round-socket.js';
import { startTestApp, type TestApp, type TestClient } from '../../../test/support/test-app.js';
import { PrismaService } from '../../core/database/prisma.service.js';

const code = (res: { errors?: { extensions: { code: string } }[] }) => res.errors?.[0]?.extensions.code ?? 'OK';
const local = (minutesFromNow: number) => DateTime.now().setZone('Europe/Berlin').plus({ minutes: minutesFromNow }).toFormat("yyyy-MM-dd'T'HH:mm");

describe("a round's live room: presence, chat in one order with replay, speaking list, polls, protocol", () => {
  let t: TestApp;
  let prisma: PrismaService;
  let host: TestClient;
  let nord: TestClient;
  let ada: TestClient;
  let outsider: TestClient;
  let hostOrg: string;
  let roundId: string;
  const ids: Record<string, string> = {};
  const sockets: RoundClient[] = [];
  const open = async (client: TestClient) => {
    const socket = await connect(t.url, client.cookie);
    sockets.push(socket);
    return socket;
  };
  const createRound = async (startsIn: number, title: string) => {
    const res = await host.graphql<{ createRound: { id: string } }>('mutation ($i: CreateRoundInput!) { createRound(input: $i) { id } }', {
      i: { title, topics: ['SPRACHE'], hostOrganizationId: hostOrg, videoUrl: 'https://meet.example/raum', startsAt: local(startsIn), durationMinutes: 60 },
    });
    return res.data!.createRound.id;
  };

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_LIMIT_PER_IP: '200' }, { directory: true });
    prisma = t.app.get(PrismaService);
    const [h, n, a, o] = [
      await createUser(prisma, { name: 'Hanna Host' }),
      await createUser(prisma, { name: 'Nils Nord' }),
      await createUser(prisma, { name: 'Ada Aue' }),
      await createUser(prisma, { name: 'Olaf Outsider' }),
    ];
    Object.assign(ids, { host: h.id, nord: n.id, ada: a.id, outsider: o.id });
    hostOrg = (await addMember(prisma, h.id, '14713')).organizationId;
    await addMember(prisma, n.id, '14730');
    await addMember(prisma, a.id, '14729');
    await addMember(prisma, o.id, '09162');
    [host, nord, ada, outsider] = [await signIn(t, h.email), await signIn(t, n.email), await signIn(t, a.email), await signIn(t, o.email)];
    roundId = await createRound(5, 'Runde mit Raum');
    for (const client of [nord, ada]) {
      await client.graphql(`mutation { registerForRound(input: { roundId: "${roundId}", shareMunicipality: true }) { id } }`);
    }
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  it('lets in the registered and the moderators, each person once however many tabs; others are refused', async () => {
    const later = await createRound(120, 'Runde später');
    await nord.graphql(`mutation { registerForRound(input: { roundId: "${later}" }) { id } }`);
    const early = await open(nord);
    expect(await call(early, 'round:join', { roundId: later })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call(await open(outsider), 'round:join', { roundId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call(early, 'round:join', { roundId: '9b2f4c1e-8a7d-4c3b-9e1f-2a3b4c5d6e7f' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call(early, 'chat:send', { roundId, clientId: 'not-joined-1', body: 'Hallo' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const moderator = await open(host);
    const seen: RoundPerson[][] = [];
    moderator.on('presence:update', (p) => p.roundId === roundId && seen.push(p.people));
    expect(await call(moderator, 'round:join', { roundId })).toMatchObject({ ok: true });
    const [tab1, tab2] = [await open(nord), await open(nord)];
    await call(tab1, 'round:join', { roundId });
    const joined = await call(tab2, 'round:join', { roundId });
    expect(joined.ok && joined.data.people.map((p) => p.name).sort()).toEqual(['Hanna Host', 'Nils Nord']);
    const nils = await eventually(() => seen.at(-1)?.find((p) => p.name === 'Nils Nord'), 'Nils in the presence');
    expect(nils.organizations[0]?.municipality).toBe('Landkreis Nordsachsen');
    tab2.close();
    await eventually(() => seen.at(-1)?.some((p) => p.name === 'Nils Nord'), 'Nils still there with one tab');
    // Opening the room by a moderator before its time.
    expect(code(await nord.graphql(`mutation { openRoundRoom(roundId: "${later}") { state } }`))).toBe('FORBIDDEN');
    const opened = await host.graphql<{ openRoundRoom: { state: string } }>(`mutation { openRoundRoom(roundId: "${later}") { state } }`);
    expect(opened.data!.openRoundRoom.state).toBe('OPEN');
    expect(await call(early, 'round:join', { roundId: later })).toMatchObject({ ok: true });
  });

  it('orders the chat alike for everyone, stores a resend once, sanitises, and limits size and pace', async () => {
    const [a, b] = [await open(nord), await open(ada)];
    await call(a, 'round:join', { roundId });
    await call(b, 'round:join', { roundId });
    const got: Record<string, ChatMessagePayload[]> = { a: [], b: [] };
    a.on('chat:message', (m) => got.a!.push(m));
    b.on('chat:message', (m) => got.b!.push(m));
    const sends = await Promise.all(
      Array.from({ length: 8 }, (_, i) => call(i % 2 ? a : b, 'chat:send', { roundId, clientId: `order-test-${i}`, body: `Nachricht **${i}**` })),
    );
    expect(sends.filter((s) => !s.ok)).toEqual([]);
    await eventually(() => got.a!.length >= 8 && got.b!.length >= 8, 'all messages delivered');
    expect(got.a!.map((m) => m.id)).toEqual(got.b!.map((m) => m.id));
    expect(got.a!.map((m) => BigInt(m.id))).toEqual([...got.a!.map((m) => BigInt(m.id))].sort((x, y) => (x < y ? -1 : 1)));
    expect(got.a![0]!.html).toMatch(/<strong>\d<\/strong>/);

    const again = await call(a, 'chat:send', { roundId, clientId: 'order-test-1', body: 'Nachricht **1**' });
    expect(again.ok && again.message.id).toBe(sends[1]!.ok && sends[1]!.message.id);
    expect(await prisma.roundMessage.count({ where: { roundId, clientId: 'order-test-1' } })).toBe(1);

    const script = await call(a, 'chat:send', { roundId, clientId: 'script-test', body: 'Hallo <script>alert(1)</script><img src=x onerror=alert(1)>' });
    const stored = await prisma.roundMessage.findFirstOrThrow({ where: { id: BigInt(script.ok ? script.message.id : '0') } });
    expect(stored.html).not.toMatch(/<script|onerror|<img/);
    expect(await call(a, 'chat:send', { roundId, clientId: 'too-long-1', body: 'x'.repeat(2001) })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => call(b, 'chat:send', { roundId, clientId: `burst-test-${i}`, body: `Eile ${i}` })));
    expect(burst.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toContain('TOO_MANY_REQUESTS');
  });

  it('after a forced disconnect the client gets exactly what it missed, once, in order', async () => {
    const [a, b] = [await open(nord), await open(ada)];
    await call(a, 'round:join', { roundId });
    await call(b, 'round:join', { roundId });
    const before = await call(a, 'chat:sync', { roundId, afterId: null });
    const lastSeen = before.ok ? before.data.at(-1)!.id : '0';
    a.io.engine.close();
    await eventually(() => !a.connected, 'a disconnected');
    const missed: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await call(b, 'chat:send', { roundId, clientId: `missed-test-${i}`, body: `Verpasst ${i}` });
      if (r.ok) missed.push(r.message.id);
    }
    await eventually(() => a.connected, 'a reconnected', 5000);
    expect(await call(a, 'round:join', { roundId })).toMatchObject({ ok: true });
    const replay = await call(a, 'chat:sync', { roundId, afterId: lastSeen });
    expect(replay.ok && replay.data.map((m) => m.id)).toEqual(missed);
  });

  it('lets a client held back by the pace of the person (shared by all their tabs) in as soon as the pace allows', async () => {
    const tab = await open(ada);
    // Sent before the join on the same connection, so the join arrives with the person's pace used up.
    const flood = Promise.all(Array.from({ length: 300 }, () => call(tab, 'round:leave', { roundId })));
    const room = new RoundRoomClient(tab, roundId);
    const errors: (string | null)[] = [];
    room.subscribe(() => errors.push(room.state.error?.code ?? null));
    expect((await flood).some((r) => !r.ok && r.code === 'TOO_MANY_REQUESTS')).toBe(true);
    await eventually(() => room.state.joined, 'in the room after the pause', 5000);
    expect(errors).toContain('TOO_MANY_REQUESTS');
    expect(room.state).toMatchObject({ refused: null, error: null });
    room.destroy();
  });

  it('keeps one speaking list for everyone; only moderators call the next speaker', async () => {
    const [mod, a, b] = [await open(host), await open(nord), await open(ada)];
    for (const s of [mod, a, b]) await call(s, 'round:join', { roundId });
    const views: QueuePayload[] = [];
    mod.on('queue:update', (q) => views.push(q));
    await Promise.all([call(a, 'hand:raise', { roundId }), call(b, 'hand:raise', { roundId })]);
    const state = await call(mod, 'queue:clear', { roundId });
    expect(state).toMatchObject({ ok: true, data: { queue: [], speaker: null } });
    await call(a, 'hand:raise', { roundId });
    await call(b, 'hand:raise', { roundId });
    expect(await call(a, 'hand:raise', { roundId })).toMatchObject({ ok: true, data: { queue: [ids.nord, ids.ada] } });
    expect(await call(a, 'queue:next', { roundId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call(a, 'queue:clear', { roundId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const stranger = await open(outsider);
    for (const event of ['hand:raise', 'chat:sync'] as const) {
      expect(await call(stranger, event, { roundId, afterId: null })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await call(a, 'hand:lower', { roundId, personId: ids.ada })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call(mod, 'queue:next', { roundId })).toMatchObject({ ok: true, data: { queue: [ids.ada], speaker: ids.nord } });
    await call(a, 'hand:raise', { roundId });
    // Ada has not spoken yet: preferred over Nils, who raised again.
    expect(await call(mod, 'queue:next', { roundId, preferNew: true })).toMatchObject({ ok: true, data: { queue: [ids.nord], speaker: ids.ada } });
    await eventually(() => views.at(-1)?.speaker === ids.ada, 'the moderator sees the new speaker');
  });

  it('runs a named poll with live results; a vote can change until the poll closes', async () => {
    const a = await open(ada);
    await call(a, 'round:join', { roundId });
    const updates: PollPayload[] = [];
    a.on('poll:update', (p) => updates.push(p));
    const create = (client: TestClient) =>
      client.graphql<{ createRoundPoll: { id: string } }>(
        `mutation { createRoundPoll(input: { roundId: "${roundId}", question: "Gemeinsamer Dolmetscherpool?", options: ["Ja", "Nein"], anonymous: false }) { id } }`,
      );
    expect(code(await nord.graphql(`mutation { createRoundPoll(input: { roundId: "${roundId}", question: "Frage?", options: ["A", "B"] }) { id } }`))).toBe(
      'FORBIDDEN',
    );
    const pollId = (await create(host)).data!.createRoundPoll.id;
    const vote = (client: TestClient, choices: number[]) =>
      client.graphql<{ voteRoundPoll: { counts: number[]; voters: string[][]; myChoices: number[] } }>(
        `mutation { voteRoundPoll(input: { pollId: "${pollId}", choices: [${choices.join(',')}] }) { counts voters myChoices } }`,
      );
    await vote(nord, [1]);
    expect((await vote(nord, [0])).data!.voteRoundPoll).toEqual({ counts: [1, 0], voters: [['Nils Nord'], []], myChoices: [0] });
    expect((await vote(ada, [0])).data!.voteRoundPoll.counts).toEqual([2, 0]);
    expect(code(await vote(ada, [0, 1]))).toBe('BAD_USER_INPUT');
    expect(code(await vote(outsider, [1]))).toBe('FORBIDDEN');
    await eventually(() => updates.at(-1)?.poll.counts[0] === 2, 'live results');
    await host.graphql(`mutation { closeRoundPoll(pollId: "${pollId}") { id } }`);
    expect(code(await vote(ada, [1]))).toBe('CONFLICT');
  });

  it('hides a message with a reason in the audit log; only moderators may', async () => {
    const a = await open(nord);
    await call(a, 'round:join', { roundId });
    const sent = await call(a, 'chat:send', { roundId, clientId: 'to-hide-01', body: 'Das gehört hier nicht hin' });
    const id = sent.ok ? sent.message.id : '';
    const hide = (client: TestClient) =>
      client.graphql<{ hideRoundMessage: { hidden: boolean; html: string } }>(
        `mutation { hideRoundMessage(input: { roundId: "${roundId}", messageId: "${id}", reason: "Persönliche Daten" }) { hidden html } }`,
      );
    const hidden: string[] = [];
    a.on('chat:hidden', (h) => hidden.push(h.id));
    expect(code(await hide(ada))).toBe('FORBIDDEN');
    expect((await hide(host)).data!.hideRoundMessage).toEqual({ hidden: true, html: '' });
    await eventually(() => hidden.includes(id), 'chat:hidden delivered');
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { type: 'ROUND_MESSAGE_HIDDEN', actorId: ids.host } });
    expect(audit.data).toMatchObject({ roundId, messageId: id, reason: 'Persönliche Daten' });
  });

  it('shares notes as one Yjs document per date that starts with the agenda as headings; only participants write', async () => {
    const item = await nord.graphql<{ proposeAgendaItem: { agenda: { id: string }[] } }>(
      `mutation { proposeAgendaItem(input: { roundId: "${roundId}", title: "Dolmetscherpool" }) { agenda { id } } }`,
    );
    await host.graphql(`mutation { acceptAgendaItem(input: { itemId: "${item.data!.proposeAgendaItem.agenda[0]!.id}", position: 0 }) { id } }`);
    const writer = new RoomDocs(await open(nord), `round:${roundId}`, { name: 'Nils', color: '#0b5394' });
    const reader = new RoomDocs(await open(ada), `round:${roundId}`, { name: 'Ada', color: '#7a1f5c' });
    const fragment = (docs: RoomDocs) => docs.doc(roundId).doc.getXmlFragment('default');
    const text = (docs: RoomDocs) =>
      fragment(docs)
        .toArray()
        .map((b) =>
          b instanceof Y.XmlElement
            ? b
                .toArray()
                .map((t) => (t instanceof Y.XmlText ? t.toString() : ''))
                .join('')
            : '',
        )
        .join('\n');
    await eventually(() => text(writer).includes('Dolmetscherpool') && text(reader).includes('Dolmetscherpool'), 'the agenda as a heading', 5000);
    const doc = writer.doc(roundId).doc;
    doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Pool wird für Nordsachsen geöffnet.')]);
      fragment(writer).insert(fragment(writer).length, [paragraph]);
    });
    await eventually(() => text(reader).includes('Pool wird für Nordsachsen geöffnet.'), 'the note reaches the other participant', 5000);
    const outsiderDocs = new RoomDocs(await open(outsider), `round:${roundId}`, { name: 'Olaf', color: '#000000' });
    await eventually(() => outsiderDocs.status === 'refused', 'the outsider is refused', 5000);
    for (const d of [writer, reader, outsiderDocs]) d.destroy();
  });

  it('closing writes the protocol as a material, overlong notes cut; afterwards the room is read-only for everyone with access', async () => {
    const a = await open(nord);
    await call(a, 'round:join', { roundId });
    await host.graphql(
      `mutation { addRoundActionItem(input: { roundId: "${roundId}", who: "Stadt Leipzig", what: "Entwurf der Poolvereinbarung", due: "2027-01-15" }) { roundId } }`,
    );
    expect(code(await nord.graphql(`mutation { closeRoundRoom(roundId: "${roundId}") { state } }`))).toBe('FORBIDDEN');
    // Notes longer than a material may be (a participant pasting 270,000 characters) still let the room close.
    const notes = new RoomDocs(await open(nord), `round:${roundId}`, { name: 'Nils', color: '#0b5394' });
    const notesDoc = notes.doc(roundId).doc;
    await eventually(() => notes.status === 'saved' && notesDoc.getXmlFragment('default').length > 0, 'the notes loaded', 5000);
    notesDoc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Sehr lange Notiz. '.repeat(15_000))]);
      notesDoc.getXmlFragment('default').insert(notesDoc.getXmlFragment('default').length, [paragraph]);
    });
    await eventually(() => notes.status === 'saved', 'the long notes stored', 10_000);
    notes.destroy();
    const closedEvent = new Promise<{ protocolId: string | null }>((resolve) => a.on('room:closed', resolve));
    const closed = await host.graphql<{ closeRoundRoom: { state: string; protocolId: string } }>(
      `mutation { closeRoundRoom(roundId: "${roundId}") { state protocolId } }`,
    );
    expect(closed.data!.closeRoundRoom.state).toBe('CLOSED');
    expect((await closedEvent).protocolId).toBe(closed.data!.closeRoundRoom.protocolId);
    expect(code(await host.graphql(`mutation { closeRoundRoom(roundId: "${roundId}") { state } }`))).toBe('CONFLICT');

    const material = await nord.graphql<{ material: { kind: string; title: string; currentVersion: { html: string } } }>(
      `{ material(id: "${closed.data!.closeRoundRoom.protocolId}") { kind title currentVersion { html } } }`,
    );
    expect(material.data!.material.kind).toBe('PROTOKOLL');
    const html = material.data!.material.currentVersion.html;
    expect(html).toContain('<li>Ja: 2 (Ada Aue, Nils Nord)</li>');
    expect(html).toContain('<li>Stadt Leipzig: Entwurf der Poolvereinbarung (bis 15.01.2027)</li>');
    expect(html).toContain('<li>Landkreis Leipzig</li>\n<li>Landkreis Nordsachsen</li>');
    expect(html).toMatch(/<h5>Dolmetscherpool<\/h5>\s*<p>Pool wird für Nordsachsen geöffnet.<\/p>/);
    expect(html).toContain('Die Notizen sind hier gekürzt');

    expect(await call(a, 'chat:send', { roundId, clientId: 'after-close', body: 'Noch da?' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const readOnly = await outsider.graphql<{ roundRoom: { state: string; canTakePart: boolean; messages: { html: string }[] } }>(
      `{ roundRoom(roundId: "${roundId}") { state canTakePart messages { html } } }`,
    );
    expect(readOnly.data!.roundRoom).toMatchObject({ state: 'CLOSED', canTakePart: false });
    expect(readOnly.data!.roundRoom.messages.length).toBeGreaterThan(10);
  });
  it("a round for a Kreis area publishes its protocol to that area's members, not to everyone", async () => {
    const res = await host.graphql<{ createRound: { id: string } }>('mutation ($i: CreateRoundInput!) { createRound(input: $i) { id } }', {
      i: {
        title: 'Runde im Leipziger Raum',
        topics: ['SPRACHE'],
        hostOrganizationId: hostOrg,
        audience: 'KREIS_AREA',
        audienceKreisAgs: '14729',
        videoUrl: 'https://meet.example/raum',
        startsAt: local(5),
        durationMinutes: 60,
      },
    });
    const regional = res.data!.createRound.id;
    await host.graphql(`mutation { openRoundRoom(roundId: "${regional}") { state } }`);
    const closed = await host.graphql<{ closeRoundRoom: { protocolId: string } }>(`mutation { closeRoundRoom(roundId: "${regional}") { protocolId } }`);
    const protocolId = closed.data!.closeRoundRoom.protocolId;
    const read = async (client: TestClient) => code(await client.graphql(`{ material(id: "${protocolId}") { id } }`));
    // Landkreis Leipzig, and Nordsachsen bordering it, are in the area; the host is its Stadt; München is not.
    expect([await read(host), await read(ada), await read(nord), await read(outsider)]).toEqual(['OK', 'OK', 'OK', 'NOT_FOUND']);
    const found = async (client: TestClient) =>
      (
        await client.graphql<{ materials: { nodes: { material: { id: string } }[] } }>(
          '{ materials(search: "Protokoll Leipziger Raum", first: 50) { nodes { material { id } } } }',
        )
      ).data!.materials.nodes.some((n) => n.material.id === protocolId);
    expect([await found(ada), await found(outsider)]).toEqual([true, false]);
    // Nobody chooses such a visibility by hand.
    const chosen = await host.graphql('mutation ($i: CreateMaterialInput!) { createMaterial(input: $i) { id } }', {
      i: {
        title: 'Nur für die Region',
        summary: '',
        topics: ['SPRACHE'],
        kind: 'LEITFADEN',
        languages: ['de'],
        licence: 'CC_BY_4_0',
        visibility: 'AREA',
        organizationId: hostOrg,
        markdown: 'Text',
      },
    });
    expect([code(chosen), chosen.errors?.[0]?.message]).toEqual(['BAD_USER_INPUT', 'Für eine Region sichtbar sind nur Protokolle von Austauschrunden.']);
  });
});
