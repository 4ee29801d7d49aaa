import ICAL from 'ical.js';
import { behindLock } from '../../test/support/behind-lock.js';
import { addMember, createGroup, createUser, signIn } from '../../test/support/factories.js';
import { eventually } from '../../test/support/eventually.js';
import { startTestApp, type TestApp, type TestClient } from '../../test/support/test-app.js';
import { PrismaService } from '../core/database/prisma.service.js';

interface EventData {
  id: string;
  startsAt: string;
  status: string;
  registeredCount: number;
  waitingCount: number;
  myRegistration: string | null;
  canEdit: boolean;
  dates: { startsAt: string }[];
  openToMunicipalities: { ags: string }[];
}
const FIELDS = 'id startsAt status registeredCount waitingCount myRegistration canEdit dates { startsAt } openToMunicipalities { ags }';
const code = (res: { errors?: { extensions: { code: string } }[] }) => res.errors?.[0]?.extensions.code ?? 'OK';
const field = (res: { errors?: { extensions: Record<string, unknown> }[] }) => (res.errors?.[0]?.extensions.details as { field?: string } | undefined)?.field;

describe('events open to neighbouring municipalities: reach by real borders, registration, feeds, notifications', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let stadt: TestClient;
  let kreis: TestClient;
  let muenchen: TestClient;
  let across: TestClient;
  let acrossAgs: string;
  let stadtOrg: string;
  let kreisOrg: string;
  let kreisUserId: string;
  let muenchenUserId: string;
  const base = {
    kind: 'FACHTAG',
    title: 'Fachtag Sprachmittlung',
    description: 'Wie wir Sprachmittlung gemeinsam organisieren.',
    topics: ['SPRACHE'],
    startsAt: '2027-05-06T09:00',
    endsAt: '2027-05-06T16:00',
    address: 'Neues Rathaus, Martin-Luther-Ring 4–6, 04109 Leipzig',
    latitude: 51.3357,
    longitude: 12.3708,
    openTo: 'NEIGHBOURS',
    audiences: ['FACHKRAEFTE'],
  };
  const create = (client: TestClient, input: Record<string, unknown>) =>
    client.graphql<{ createEvent: EventData }>(`mutation ($i: CreateEventInput!) { createEvent(input: $i) { ${FIELDS} } }`, { i: { ...base, ...input } });
  const ids = async (client: TestClient, filter: Record<string, unknown>) =>
    (
      await client.graphql<{ events: { nodes: { id: string }[] } }>('query ($f: EventsFilter) { events(filter: $f, first: 100) { nodes { id } } }', {
        f: { from: '2027-01-01T00:00:00Z', to: '2027-12-31T00:00:00Z', ...filter },
      })
    ).data!.events.nodes.map((n) => n.id);

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_LIMIT_PER_IP: '300' }, { directory: true });
    prisma = t.app.get(PrismaService);
    // A municipality bordering the Landkreis Leipzig in another Land, found in the directory rather than assumed.
    const landkreis = await prisma.municipality.findUniqueOrThrow({ where: { ags: '14729' } });
    const border = await prisma.municipalityBorder.findFirstOrThrow({
      where: { fromId: landkreis.id, level: 'KREIS', to: { landCode: { not: '14' } } },
      include: { to: true },
    });
    acrossAgs = border.to.ags;
    const [s, k, m, a] = [await createUser(prisma), await createUser(prisma), await createUser(prisma), await createUser(prisma)];
    stadtOrg = (await addMember(prisma, s.id, '14713')).organizationId;
    kreisOrg = (await addMember(prisma, k.id, '14729')).organizationId;
    await addMember(prisma, m.id, '09184');
    await addMember(prisma, a.id, acrossAgs);
    kreisUserId = k.id;
    muenchenUserId = m.id;
    [stadt, kreis, muenchen, across] = [await signIn(t, s.email), await signIn(t, k.email), await signIn(t, m.email), await signIn(t, a.email)];
  });
  afterAll(async () => t.close());

  it('"open to neighbours" reaches exactly the bordering municipalities, across Kreis and Land borders', async () => {
    const city = await create(stadt, { organizerOrganizationId: stadtOrg });
    expect(city.errors).toBeUndefined();
    const leipzig = await prisma.municipality.findUniqueOrThrow({ where: { ags: '14713' } });
    const borders = await prisma.municipalityBorder.findMany({ where: { fromId: leipzig.id, level: { in: ['KREIS', 'GEMEINDE'] } }, include: { to: true } });
    const expected = [...new Set(['14713', ...borders.map((b) => b.to.ags)])].sort();
    expect(city.data!.createEvent.openToMunicipalities.map((m) => m.ags).sort()).toEqual(expected);
    // The kreisfreie Stadt and its Landkreis: the Landkreis is among them, and its staff find the event near them.
    expect(expected).toContain('14729');
    expect(await ids(kreis, { nearMe: true })).toContain(city.data!.createEvent.id);
    expect(await ids(muenchen, {})).not.toContain(city.data!.createEvent.id);
    expect(code(await muenchen.graphql(`{ event(id: "${city.data!.createEvent.id}") { id } }`))).toBe('NOT_FOUND');

    // Across a Land border: the Landkreis Leipzig's event reaches its neighbour in another Land, not the city's.
    const landkreis = await create(kreis, { organizerOrganizationId: kreisOrg, address: 'Landratsamt, 04552 Borna', latitude: 51.1241, longitude: 12.4973 });
    expect(landkreis.data!.createEvent.openToMunicipalities.map((m) => m.ags)).toContain(acrossAgs);
    expect(await ids(across, { nearMe: true })).toContain(landkreis.data!.createEvent.id);
    expect(await ids(across, {})).not.toContain(city.data!.createEvent.id);
    // Municipality pages list what is organised there.
    expect(await ids(kreis, { municipalityAgs: '14713' })).toEqual([city.data!.createEvent.id]);
  });

  it('tells those it is open to of a new event (digest by default), nobody else', async () => {
    const res = await create(stadt, { organizerOrganizationId: stadtOrg, title: 'Netzwerktreffen Ehrenamt', kind: 'NETZWERKTREFFEN' });
    const id = res.data!.createEvent.id;
    const told = await prisma.notification.findMany({ where: { kind: 'EVENT_NEW', subjectId: id } });
    expect(told.map((n) => n.userId)).toContain(kreisUserId);
    expect(told.map((n) => n.userId)).not.toContain(muenchenUserId);
    expect(told.every((n) => n.channel === 'DIGEST')).toBe(true);
  });

  it('fills the places exactly under concurrent registrations, queues the rest in order and moves them up', async () => {
    const event = (
      await create(stadt, { organizerOrganizationId: stadtOrg, registrationMode: 'VERBUND', capacity: 3, registrationDeadline: '2027-05-01T12:00' })
    ).data!.createEvent;
    const people = await Promise.all(Array.from({ length: 8 }, () => createUser(prisma)));
    for (const p of people) await addMember(prisma, p.id, '14729');
    const clients = await Promise.all(people.map((p) => signIn(t, p.email)));
    const results = await Promise.all(
      clients.map((c) => c.graphql<{ registerForEvent: EventData }>(`mutation { registerForEvent(id: "${event.id}") { myRegistration } }`)),
    );
    expect(results.map(code)).toEqual(people.map(() => 'OK'));
    const mine = results.map((r) => r.data!.registerForEvent.myRegistration);
    expect(mine.filter((m) => m === 'REGISTERED')).toHaveLength(3);
    expect(mine.filter((m) => m === 'WAITING')).toHaveLength(5);
    const waiting = await prisma.eventRegistration.findMany({ where: { eventId: event.id, status: 'WAITING' }, orderBy: { createdAt: 'asc' } });
    const leaver = clients[mine.indexOf('REGISTERED')]!;
    expect(code(await leaver.graphql(`mutation { cancelEventRegistration(id: "${event.id}") { id } }`))).toBe('OK');
    const promoted = await prisma.eventRegistration.findUniqueOrThrow({ where: { id: waiting[0]!.id } });
    expect(promoted.status).toBe('REGISTERED');
    expect(await prisma.notification.count({ where: { kind: 'EVENT_PROMOTED', userId: waiting[0]!.userId } })).toBe(1);
    expect(await prisma.eventRegistration.count({ where: { eventId: event.id, status: 'REGISTERED' } })).toBe(3);
    // Twice is refused; after the deadline nobody registers.
    expect(code(await clients[mine.lastIndexOf('REGISTERED')]!.graphql(`mutation { registerForEvent(id: "${event.id}") { id } }`))).toBe('BAD_USER_INPUT');
    // Cancelling tells everyone registered or waiting once; only organisers may.
    expect(code(await kreis.graphql(`mutation { cancelEvent(id: "${event.id}") { id } }`))).toBe('FORBIDDEN');
    expect((await stadt.graphql<{ cancelEvent: EventData }>(`mutation { cancelEvent(id: "${event.id}") { status } }`)).data!.cancelEvent.status).toBe(
      'CANCELLED',
    );
    expect(await prisma.notification.count({ where: { kind: 'EVENT_CHANGED', subjectId: event.id } })).toBe(7);
  });

  it('a registration waiting behind a cancellation or a narrower reach is refused once they commit, and writes nothing', async () => {
    const make = async () =>
      (await create(stadt, { organizerOrganizationId: stadtOrg, registrationMode: 'VERBUND', title: 'Fachtag im Wettlauf', openTo: 'EVERYONE' })).data!
        .createEvent.id;
    // The organiser's change holds the event's row while the registration arrives and waits for it.
    const behind = (eventId: string, change: string, client: TestClient) =>
      behindLock(t.db.url, 'Event', eventId, change, () => client.graphql(`mutation { registerForEvent(id: "${eventId}") { id } }`));
    const cancelled = await make();
    expect(code(await behind(cancelled, `UPDATE "Event" SET status = 'CANCELLED' WHERE id = $1`, kreis))).toBe('BAD_USER_INPUT');
    const narrowed = await make();
    expect(code(await behind(narrowed, `UPDATE "Event" SET "openTo" = 'NEIGHBOURS' WHERE id = $1`, muenchen))).toBe('NOT_FOUND');
    expect(await prisma.eventRegistration.count({ where: { eventId: { in: [cancelled, narrowed] } } })).toBe(0);
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const before = await prisma.event.count();
    const group = await createGroup(prisma, 'Gruppe ohne Kommune', (await prisma.membership.findFirstOrThrow({ where: { organizationId: stadtOrg } })).userId);
    const cases: [Record<string, unknown>, string][] = [
      [{ endsAt: '2027-05-06T08:00' }, 'endsAt'],
      [{ registrationMode: 'VERBUND', capacity: 0 }, 'capacity'],
      [{ onlineUrl: 'http://meet.example' }, 'onlineUrl'],
      [{ registrationMode: 'EXTERNAL', registrationUrl: 'ftp://anmeldung.example' }, 'registrationUrl'],
      [{ title: 'Fachtag <script>alert(1)</script>' }, 'title'],
      [{ organizerOrganizationId: undefined, organizerGroupId: group.id }, 'openTo'],
      [{ latitude: 40.7128, longitude: -74.006 }, 'latitude'],
      [{ rrule: 'FREQ=WEEKLY' }, 'rrule'],
      [{ rrule: 'FREQ=WEEKLY;COUNT=2\nEXRULE:FREQ=WEEKLY;COUNT=2' }, 'rrule'],
      // 6 May 2027 is a Thursday: a series of Mondays would not begin with it.
      [{ rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=2' }, 'rrule'],
    ];
    for (const [input, name] of cases) {
      const res = await create(stadt, { organizerOrganizationId: stadtOrg, ...input });
      expect([name, code(res), field(res)]).toEqual([name, 'BAD_USER_INPUT', name]);
    }
    expect(await prisma.event.count()).toBe(before);
  });

  it("a recurring event and the feeds: near me, a group's, my registrations, valid for an independent parser", async () => {
    const cafe = (
      await create(stadt, {
        organizerOrganizationId: stadtOrg,
        kind: 'SPRACHCAFE',
        title: 'Sprachcafé',
        startsAt: '2027-03-23T16:30',
        endsAt: '2027-03-23T18:00',
        rrule: 'FREQ=WEEKLY;COUNT=4',
      })
    ).data!.createEvent;
    // The clock changes on 28 March: 16:30 stays 16:30 in Berlin.
    const dates = (await kreis.graphql<{ event: EventData }>(`{ event(id: "${cafe.id}") { dates { startsAt } } }`)).data!.event.dates;
    expect(dates.map((d) => d.startsAt)).toEqual([
      '2027-03-23T15:30:00.000Z',
      '2027-03-30T14:30:00.000Z',
      '2027-04-06T14:30:00.000Z',
      '2027-04-13T14:30:00.000Z',
    ]);
    const near = (await kreis.graphql<{ eventFeedUrl: string }>('{ eventFeedUrl(nearMe: true) }')).data!.eventFeedUrl;
    expect(near).toMatch(/\/calendar\/near\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await fetch(`${t.url}${new URL(near).pathname}`);
    expect(feed.status).toBe(200);
    const vevents = new ICAL.Component(ICAL.parse(await feed.text())).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const recurring = vevents.find((e) => e.summary === 'Sprachcafé')!;
    expect(recurring.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=WEEKLY;COUNT=4');
    expect(recurring.startDate.toJSDate().toISOString()).toBe('2027-03-23T15:30:00.000Z');
    expect(recurring.startDate.zone.tzid).toBe('Europe/Berlin');
    // München's near-me feed does not have the Leipzig events.
    const theirs = (await muenchen.graphql<{ eventFeedUrl: string }>('{ eventFeedUrl(nearMe: true) }')).data!.eventFeedUrl;
    expect(await (await fetch(`${t.url}${new URL(theirs).pathname}`)).text()).not.toContain('Sprachcafé');
    // My registrations: rounds and events in one feed.
    const registering = (await create(stadt, { organizerOrganizationId: stadtOrg, title: 'Schulung Dolmetschen', registrationMode: 'VERBUND' })).data!
      .createEvent;
    await kreis.graphql(`mutation { registerForEvent(id: "${registering.id}") { id } }`);
    const mine = (await kreis.graphql<{ myCalendarFeedUrl: string }>('{ myCalendarFeedUrl }')).data!.myCalendarFeedUrl;
    const mineText = await (await fetch(`${t.url}${new URL(mine).pathname}`)).text();
    expect(new ICAL.Component(ICAL.parse(mineText)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).summary)).toEqual(['Schulung Dolmetschen']);
    // A group's feed is for its members only.
    const kreisUser = await prisma.user.findUniqueOrThrow({ where: { id: kreisUserId } });
    const group = await createGroup(prisma, 'AG Feed', kreisUser.id);
    const groupFeed = (await kreis.graphql<{ eventFeedUrl: string }>(`{ eventFeedUrl(groupId: "${group.id}") }`)).data!.eventFeedUrl;
    expect((await fetch(`${t.url}${new URL(groupFeed).pathname}`)).status).toBe(200);
    const stranger = groupFeed.replace(
      /\/[A-Za-z0-9_-]{43}\.ics$/,
      `/${(await prisma.user.findUniqueOrThrow({ where: { id: muenchenUserId } })).calendarToken}.ics`,
    );
    expect((await fetch(`${t.url}${new URL(stranger).pathname}`)).status).toBe(404);
  });

  it("who leaves their last organisation loses a group's feed, its events and the places they held there", async () => {
    const greta = await createUser(prisma, { name: 'Greta Gruppe' });
    const membership = await addMember(prisma, greta.id, '14729');
    const client = await signIn(t, greta.email);
    const group = await createGroup(prisma, 'AG Abschied', kreisUserId, [greta.id, muenchenUserId], 'CLOSED');
    // Open to Bayern only: in Sachsen, the group's members see it as members.
    const event = (
      await create(kreis, { organizerGroupId: group.id, openTo: 'LAND', openLandCode: '09', registrationMode: 'VERBUND', title: 'Gruppentreffen' })
    ).data!.createEvent;
    expect(code(await client.graphql(`mutation { registerForEvent(id: "${event.id}") { id } }`))).toBe('OK');
    const feed = new URL((await client.graphql<{ eventFeedUrl: string }>(`{ eventFeedUrl(groupId: "${group.id}") }`)).data!.eventFeedUrl).pathname;
    expect(await (await fetch(`${t.url}${feed}`)).text()).toContain('Gruppentreffen');

    expect(code(await client.graphql(`mutation { endMembership(input: { membershipId: "${membership.id}" }) }`))).toBe('OK');
    expect((await fetch(`${t.url}${feed}`)).status).toBe(404);
    expect(code(await client.graphql(`{ event(id: "${event.id}") { id } }`))).toBe('NOT_FOUND');
    await eventually(async () => (await prisma.eventRegistration.count({ where: { userId: greta.id } })) === 0, 'the place withdrawn', 10_000);
    // Nor is she told of the group's next event.
    const next = (await create(kreis, { organizerGroupId: group.id, openTo: 'LAND', openLandCode: '09', title: 'Nächstes Gruppentreffen' })).data!.createEvent;
    const told = await prisma.notification.findMany({ where: { kind: 'EVENT_NEW', subjectId: next.id }, select: { userId: true } });
    expect(told.map((n) => n.userId)).toEqual([muenchenUserId]);
  });

  it('registering moved away from Verbund ends the places and the waiting list, and tells everyone how it goes on', async () => {
    const same = { ...base, title: 'Fachtag mit Wechsel', openTo: 'EVERYONE' };
    const event = (await create(stadt, { ...same, organizerOrganizationId: stadtOrg, registrationMode: 'VERBUND', capacity: 1 })).data!.createEvent;
    for (const client of [kreis, muenchen]) expect(code(await client.graphql(`mutation { registerForEvent(id: "${event.id}") { id } }`))).toBe('OK');
    expect(await prisma.eventRegistration.count({ where: { eventId: event.id, status: 'WAITING' } })).toBe(1);
    const moved = await stadt.graphql('mutation ($i: UpdateEventInput!) { updateEvent(input: $i) { id } }', {
      i: { ...same, id: event.id, registrationMode: 'EXTERNAL', registrationUrl: 'https://anmeldung.example/fachtag' },
    });
    expect(code(moved)).toBe('OK');
    expect(await prisma.eventRegistration.count({ where: { eventId: event.id } })).toBe(0);
    const told = await prisma.notification.findMany({ where: { kind: 'EVENT_CHANGED', subjectId: event.id }, select: { userId: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([kreisUserId, muenchenUserId].sort());
    const texts = (await muenchen.graphql<{ notifications: { nodes: { text: string }[] } }>('{ notifications(first: 20) { nodes { text } } }')).data!
      .notifications.nodes;
    expect(texts.map((n) => n.text)).toContain(
      'Die Anmeldung zu „Fachtag mit Wechsel“ am Donnerstag, 6. Mai um 09:00 Uhr läuft nicht mehr über Verbund, Ihre Anmeldung dort ist beendet: Bitte melden Sie sich über den Link bei der Veranstaltung an.',
    );
  });

  it('organisers and co-organisers edit; a new time tells the registered, a change racing a cancellation is refused', async () => {
    const event = (
      await create(stadt, {
        organizerOrganizationId: stadtOrg,
        coOrganizerIds: [kreisOrg],
        registrationMode: 'VERBUND',
        title: 'Gemeinsamer Fachtag',
        openTo: 'EVERYONE',
      })
    ).data!.createEvent;
    expect(event.canEdit).toBe(true);
    expect(code(await across.graphql(`mutation { registerForEvent(id: "${event.id}") { id } }`))).toBe('OK');
    const update = (client: TestClient, input: Record<string, unknown>) =>
      client.graphql<{ updateEvent: EventData }>(`mutation ($i: UpdateEventInput!) { updateEvent(input: $i) { ${FIELDS} } }`, {
        i: { ...base, id: event.id, coOrganizerIds: [kreisOrg], registrationMode: 'VERBUND', title: 'Gemeinsamer Fachtag', openTo: 'EVERYONE', ...input },
      });
    expect(code(await update(across, {}))).toBe('FORBIDDEN');
    const moved = await update(kreis, { startsAt: '2027-05-07T09:00', endsAt: '2027-05-07T16:00' });
    expect(moved.data!.updateEvent.startsAt).toBe('2027-05-07T07:00:00.000Z');
    expect((await prisma.eventDate.findMany({ where: { eventId: event.id } })).map((d) => d.startsAt.toISOString())).toEqual(['2027-05-07T07:00:00.000Z']);
    expect(await prisma.notification.count({ where: { kind: 'EVENT_CHANGED', subjectId: event.id } })).toBe(1);
    const told = await across.graphql<{ notifications: { nodes: { kind: string; text: string }[] } }>('{ notifications(first: 5) { nodes { kind text } } }');
    expect(told.data!.notifications.nodes.find((n) => n.kind === 'EVENT_CHANGED')?.text).toBe(
      'Die Veranstaltung „Gemeinsamer Fachtag“, für die Sie angemeldet sind, wurde geändert: jetzt am Freitag, 7. Mai um 09:00 Uhr.',
    );

    // A cancellation that commits while a change waits for the row: the change is refused, nobody hears of it.
    const refused = await behindLock(t.db.url, 'Event', event.id, `UPDATE "Event" SET status = 'CANCELLED' WHERE id = $1`, () =>
      update(stadt, { startsAt: '2027-05-08T09:00', endsAt: '2027-05-08T16:00' }),
    );
    expect(code(refused)).toBe('BAD_USER_INPUT');
    expect(field(refused)).toBe('id');
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).startsAt.toISOString()).toBe('2027-05-07T07:00:00.000Z');
    expect(await prisma.notification.count({ where: { kind: 'EVENT_CHANGED', subjectId: event.id } })).toBe(1);
  });

  it('narrowed to neighbours: a registrant far away loses the place, the next moves up, and both are told', async () => {
    const event = (
      await create(stadt, { organizerOrganizationId: stadtOrg, registrationMode: 'VERBUND', capacity: 1, title: 'Fachtag Ehrenamt', openTo: 'EVERYONE' })
    ).data!.createEvent;
    for (const client of [muenchen, kreis]) expect(code(await client.graphql(`mutation { registerForEvent(id: "${event.id}") { id } }`))).toBe('OK');
    const narrowed = await stadt.graphql(`mutation ($i: UpdateEventInput!) { updateEvent(input: $i) { id } }`, {
      i: {
        ...base,
        id: event.id,
        registrationMode: 'VERBUND',
        capacity: 1,
        title: 'Fachtag Ehrenamt',
        openTo: 'NEIGHBOURS',
        address: 'Volkshaus, Karl-Liebknecht-Straße 30, Leipzig',
      },
    });
    expect(code(narrowed)).toBe('OK');
    // The new place is told to whoever still sees the event, not to the registrant it no longer reaches.
    const changed = await prisma.notification.findMany({ where: { kind: 'EVENT_CHANGED', subjectId: event.id }, select: { userId: true, payload: true } });
    expect(changed.filter((n) => (n.payload as { eventChange?: string }).eventChange === 'changed').map((n) => n.userId)).toEqual([kreisUserId]);
    const told = await eventually(
      () => prisma.notification.findFirst({ where: { userId: muenchenUserId, kind: 'EVENT_CHANGED', subjectId: event.id } }).then((n) => n ?? undefined),
      'the notice of the withdrawn registration',
      10_000,
    );
    expect(told.payload).toMatchObject({ eventChange: 'withdrawn', startsAt: '2027-05-06T07:00:00.000Z' });
    const [notice] = (
      await muenchen.graphql<{ notifications: { nodes: { text: string; link: string }[] } }>('{ notifications(first: 1) { nodes { text link } } }')
    ).data!.notifications.nodes;
    expect(notice).toEqual({
      text: 'Ihre Anmeldung zu „Fachtag Ehrenamt“ am Donnerstag, 6. Mai um 09:00 Uhr ist beendet: Die Veranstaltung ist nicht mehr für Sie offen (etwa nach dem Austritt aus einer Gruppe oder Organisation).',
      link: '/veranstaltungen',
    });
    expect(await prisma.eventRegistration.findMany({ where: { eventId: event.id }, select: { userId: true, status: true } })).toEqual([
      { userId: kreisUserId, status: 'REGISTERED' },
    ]);
    expect(await prisma.notification.count({ where: { userId: kreisUserId, kind: 'EVENT_PROMOTED', subjectId: event.id } })).toBe(1);
  });

  it('moving the waiting list up passes over whoever may no longer see the event', async () => {
    const far = await createUser(prisma);
    await addMember(prisma, far.id, '09184');
    const farClient = await signIn(t, far.email);
    const event = (
      await create(stadt, { organizerOrganizationId: stadtOrg, registrationMode: 'VERBUND', capacity: 1, title: 'Fachtag Wohnen', openTo: 'EVERYONE' })
    ).data!.createEvent;
    for (const client of [muenchen, farClient, kreis]) expect(code(await client.graphql(`mutation { registerForEvent(id: "${event.id}") { id } }`))).toBe('OK');
    const narrowed = await stadt.graphql(`mutation ($i: UpdateEventInput!) { updateEvent(input: $i) { id } }`, {
      i: { ...base, id: event.id, registrationMode: 'VERBUND', capacity: 1, title: 'Fachtag Wohnen', openTo: 'NEIGHBOURS' },
    });
    expect(code(narrowed)).toBe('OK');
    const left = () => prisma.eventRegistration.findMany({ where: { eventId: event.id }, select: { userId: true, status: true } });
    await eventually(async () => (await left()).length === 1, 'both far registrations withdrawn', 10_000);
    expect(await left()).toEqual([{ userId: kreisUserId, status: 'REGISTERED' }]);
    expect(await prisma.notification.count({ where: { userId: far.id, kind: 'EVENT_PROMOTED', subjectId: event.id } })).toBe(0);
  });
});
