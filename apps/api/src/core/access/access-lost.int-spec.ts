import { addMember, createGroup, createUser, signIn } from '../../../test/support/factories.js';
import { eventually } from '../../../test/support/eventually.js';
import { startTestApp, type TestApp, type TestClient } from '../../../test/support/test-app.js';
import { PrismaService } from '../database/prisma.service.js';

const code = (res: { errors?: { extensions: { code: string } }[] }) => res.errors?.[0]?.extensions.code ?? 'OK';

describe('what a membership granted ends with it: registrations of a group one left, of an event opened to fewer', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let stadt: TestClient;
  let nord: TestClient;
  let muenchen: TestClient;
  let stadtOrg: string;
  let nordId: string;
  let muenchenId: string;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_LIMIT_PER_IP: '100' }, { directory: true });
    prisma = t.app.get(PrismaService);
    const [s, n, m] = [await createUser(prisma), await createUser(prisma), await createUser(prisma)];
    stadtOrg = (await addMember(prisma, s.id, '14713')).organizationId;
    await addMember(prisma, n.id, '14730');
    await addMember(prisma, m.id, '09162');
    [nordId, muenchenId] = [n.id, m.id];
    [stadt, nord, muenchen] = [await signIn(t, s.email), await signIn(t, n.email), await signIn(t, m.email)];
  });
  afterAll(async () => t.close());

  it("leaving a group ends one's places at its members-only rounds; the waiting list moves up; open rounds stay", async () => {
    const stadtId = (await prisma.membership.findFirstOrThrow({ where: { organizationId: stadtOrg } })).userId;
    const group = await createGroup(prisma, 'Sprachmittlung Mitteldeutschland', stadtId, [nordId, muenchenId]);
    const round = (audience: string, title: string) =>
      stadt.graphql<{ createRound: { id: string; series: { id: string } } }>(
        `mutation ($i: CreateRoundInput!) { createRound(input: $i) { id series { id } } }`,
        {
          i: {
            title,
            description: 'Nur für die Gruppe.',
            topics: ['SPRACHE'],
            videoUrl: 'https://meet.jit.si/verbund-intern',
            durationMinutes: 60,
            hostGroupId: group.id,
            audience,
            capacity: 1,
            startsAt: '2027-06-01T10:00',
            rrule: 'FREQ=WEEKLY;COUNT=2',
          },
        },
      );
    const internal = (await round('GROUP', 'Sprachmittlung intern')).data!.createRound;
    const open = (await round('SIGNED_IN', 'Sprachmittlung offen')).data!.createRound;
    const register = (client: TestClient, roundId: string, wholeSeries = false) =>
      client.graphql(`mutation { registerForRound(input: { roundId: "${roundId}", wholeSeries: ${wholeSeries} }) { id } }`);
    expect(code(await register(nord, internal.id, true))).toBe('OK');
    expect(code(await register(muenchen, internal.id))).toBe('OK');
    expect(code(await register(muenchen, open.id))).toBe('OK');
    expect(code(await register(nord, open.id))).toBe('OK');
    const waiting = await prisma.roundRegistration.findUniqueOrThrow({ where: { roundId_userId: { roundId: internal.id, userId: muenchenId } } });
    expect(waiting.status).toBe('WAITING');

    expect(code(await nord.graphql(`mutation { leaveGroup(id: "${group.id}") }`))).toBe('OK');
    await eventually(
      async () => (await prisma.roundRegistration.count({ where: { userId: nordId, round: { seriesId: internal.series.id } } })) === 0,
      "Nordsachsen's places at the group's rounds withdrawn",
    );
    expect(await prisma.roundSeriesRegistration.count({ where: { userId: nordId, seriesId: internal.series.id } })).toBe(0);
    expect((await prisma.roundRegistration.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe('REGISTERED');
    expect(await prisma.notification.count({ where: { userId: muenchenId, kind: 'ROUND_PROMOTED', subjectId: internal.id } })).toBe(1);
    // The round open to everyone signed in keeps the place, and the personal calendar lists only that one.
    expect(await prisma.roundRegistration.count({ where: { userId: nordId, roundId: open.id } })).toBe(1);
    const url = (await nord.graphql<{ myCalendarFeedUrl: string }>('{ myCalendarFeedUrl }')).data!.myCalendarFeedUrl;
    const feed = await (await fetch(url.replace(/^https?:\/\/[^/]+/, t.url))).text();
    expect(feed).toContain('Sprachmittlung offen');
    expect(feed).not.toContain('Sprachmittlung intern');

    // Removed by the moderation: the same.
    expect(code(await register(muenchen, internal.id, true))).toBe('OK');
    expect(code(await stadt.graphql(`mutation { removeGroupMember(input: { groupId: "${group.id}", personId: "${muenchenId}" }) { role } }`))).toBe('OK');
    await eventually(
      async () => (await prisma.roundRegistration.count({ where: { userId: muenchenId, round: { seriesId: internal.series.id } } })) === 0,
      "München's places withdrawn after removal",
    );
    expect(await prisma.roundRegistration.count({ where: { userId: muenchenId, roundId: open.id } })).toBe(1);
  });

  it('an event opened to fewer places ends the registrations of those it no longer reaches', async () => {
    const input = {
      kind: 'FACHTAG',
      title: 'Fachtag Sprachmittlung',
      description: 'Wie wir Sprachmittlung gemeinsam organisieren.',
      topics: ['SPRACHE'],
      startsAt: '2027-05-06T09:00',
      endsAt: '2027-05-06T16:00',
      address: 'Neues Rathaus, Martin-Luther-Ring 4–6, 04109 Leipzig',
      latitude: 51.3357,
      longitude: 12.3708,
      audiences: ['FACHKRAEFTE'],
      organizerOrganizationId: stadtOrg,
      registrationMode: 'VERBUND',
      capacity: 1,
      openTo: 'EVERYONE',
    };
    const created = await stadt.graphql<{ createEvent: { id: string } }>('mutation ($i: CreateEventInput!) { createEvent(input: $i) { id } }', { i: input });
    const id = created.data!.createEvent.id;
    expect(code(await muenchen.graphql(`mutation { registerForEvent(id: "${id}") { id } }`))).toBe('OK');
    expect(code(await nord.graphql(`mutation { registerForEvent(id: "${id}") { id } }`))).toBe('OK');
    expect((await prisma.eventRegistration.findUniqueOrThrow({ where: { eventId_userId: { eventId: id, userId: nordId } } })).status).toBe('WAITING');

    // München belongs to a working group: the group's id list must not hide the event from the check.
    await createGroup(prisma, 'Bundesweiter Austausch', muenchenId);
    const update = { ...input, id, openTo: 'LAND', openLandCode: '14' };
    delete (update as Partial<typeof input>).organizerOrganizationId;
    const changed = await stadt.graphql('mutation ($i: UpdateEventInput!) { updateEvent(input: $i) { id } }', { i: update });
    expect(changed.errors).toBeUndefined();
    await eventually(
      async () => (await prisma.eventRegistration.count({ where: { eventId: id, userId: muenchenId } })) === 0,
      "München's registration withdrawn",
    );
    expect((await prisma.eventRegistration.findUniqueOrThrow({ where: { eventId_userId: { eventId: id, userId: nordId } } })).status).toBe('REGISTERED');
    expect(await prisma.notification.count({ where: { userId: nordId, kind: 'EVENT_PROMOTED', subjectId: id } })).toBe(1);
  });

  it('who leaves their last organisation gets no digest of what they saw through it; what concerns them still goes out', async () => {
    const person = await createUser(prisma);
    const membership = await addMember(prisma, person.id, '14729');
    const client = await signIn(t, person.email);
    const notice = (kind: 'OFFER_NEW' | 'REQUEST_DECIDED') =>
      prisma.notification.create({
        data: { userId: person.id, kind, channel: 'DIGEST', subjectType: 'offer', subjectId: membership.id, payload: { organizationId: stadtOrg } },
      });
    const [offer, decided] = [await notice('OFFER_NEW'), await notice('REQUEST_DECIDED')];
    expect(code(await client.graphql(`mutation { endMembership(input: { membershipId: "${membership.id}" }) }`))).toBe('OK');
    const mailedAt = async (id: string) => (await prisma.notification.findUniqueOrThrow({ where: { id } })).mailedAt;
    await eventually(async () => (await mailedAt(offer.id)) !== null, 'the offer held back from the digest');
    expect(await mailedAt(decided.id)).toBeNull();
  });
  it('who leaves one of two organisations gets no digest of what they saw only through it; the rest still goes out', async () => {
    const person = await createUser(prisma);
    const leipzig = await addMember(prisma, person.id, '14729');
    const muenchenMembership = await addMember(prisma, person.id, '09162');
    const client = await signIn(t, person.email);
    const home = await prisma.municipality.findUniqueOrThrow({ where: { ags: '14713' } });
    const offer = (title: string, openTo: 'NEIGHBOURS' | 'EVERYONE') =>
      prisma.offer.create({
        data: {
          kind: 'BERATUNGSSTELLE',
          title,
          description: '',
          topics: ['BERATUNG_BEGLEITUNG'],
          providerOrganizationId: stadtOrg,
          homeId: home.id,
          homeKreisId: home.id,
          openTo,
          languages: ['de'],
          contact: 'Sozialamt',
        },
      });
    const [near, everywhere] = [await offer('Beratung für die Nachbarn', 'NEIGHBOURS'), await offer('Beratung für alle', 'EVERYONE')];
    const notice = (kind: 'OFFER_NEW' | 'COOPERATION_SUGGESTION', subjectId: string, payload: Record<string, string>) =>
      prisma.notification.create({ data: { userId: person.id, kind, channel: 'DIGEST', subjectType: 'offer', subjectId, payload } });
    const [leipzigId, muenchenId] = await Promise.all(
      [leipzig, muenchenMembership].map(async (m) => (await prisma.organization.findUniqueOrThrow({ where: { id: m.organizationId } })).locatedInId),
    );
    const notices = [
      await notice('OFFER_NEW', near.id, { offerId: near.id }),
      await notice('OFFER_NEW', everywhere.id, { offerId: everywhere.id }),
      await notice('COOPERATION_SUGGESTION', everywhere.id, { municipalityId: leipzigId!, offerId: everywhere.id, suggestion: 'OFFER' }),
      await notice('COOPERATION_SUGGESTION', everywhere.id, { municipalityId: muenchenId!, offerId: everywhere.id, suggestion: 'OFFER' }),
    ];
    expect(code(await client.graphql(`mutation { endMembership(input: { membershipId: "${leipzig.id}" }) }`))).toBe('OK');
    const held = async () => Promise.all(notices.map(async (n) => (await prisma.notification.findUniqueOrThrow({ where: { id: n.id } })).mailedAt !== null));
    await eventually(async () => (await held())[0], 'the offer near Leipzig held back');
    expect(await held()).toEqual([true, false, true, false]);
  });
});
