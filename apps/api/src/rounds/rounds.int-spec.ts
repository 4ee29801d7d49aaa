import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { behindLock } from '../../test/support/behind-lock.js';
import { addMember, createUser, signIn } from '../../test/support/factories.js';
import { eventually } from '../../test/support/eventually.js';
import { startTestApp, type TestApp, type TestClient } from '../../test/support/test-app.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { RoundReminders } from './round-reminders.js';

interface RoundData {
  id: string;
  startsAt: string;
  status: string;
  moved: boolean;
  registeredCount: number;
  waitingCount: number;
  myRegistration: string | null;
  series: { id: string; rrule: string | null; canModerate: boolean };
}
const FIELDS = 'id startsAt status moved registeredCount waitingCount myRegistration series { id rrule canModerate }';
const code = (res: { errors?: { extensions: { code: string } }[] }) => res.errors?.[0]?.extensions.code ?? 'OK';

describe('exchange rounds: series across clock changes, audiences, places and waiting list, calendars', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let stadt: TestClient;
  let nord: TestClient;
  let muenchen: TestClient;
  let stadtOrg: string;
  let nordId: string;
  const base = {
    title: 'Sprachmittlung in der Region Leipzig',
    description: 'Offene Runde für alle, die Sprachmittlung organisieren.',
    topics: ['SPRACHE'],
    videoUrl: 'https://meet.jit.si/verbund-sprachmittlung',
    durationMinutes: 60,
  };
  const create = (client: TestClient, input: Record<string, unknown>) =>
    client.graphql<{ createRound: RoundData }>(`mutation ($i: CreateRoundInput!) { createRound(input: $i) { ${FIELDS} } }`, { i: { ...base, ...input } });
  const dates = async (seriesId: string) => prisma.round.findMany({ where: { seriesId }, orderBy: { startsAt: 'asc' } });
  const ics = async (path: string, cookie?: string) => fetch(`${t.url}${path}`, { headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_LIMIT_PER_IP: '200' }, { directory: true });
    prisma = t.app.get(PrismaService);
    const [s, n, m] = [await createUser(prisma), await createUser(prisma), await createUser(prisma)];
    stadtOrg = (await addMember(prisma, s.id, '14713')).organizationId;
    await addMember(prisma, n.id, '14730');
    nordId = n.id;
    await addMember(prisma, m.id, '09162');
    [stadt, nord, muenchen] = [await signIn(t, s.email), await signIn(t, n.email), await signIn(t, m.email)];
  });
  afterAll(async () => t.close());

  it('a fortnightly series keeps 12:30 in Berlin across the March clock change; the calendar says the same', async () => {
    const res = await create(stadt, { hostOrganizationId: stadtOrg, startsAt: '2027-03-10T12:30', rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4' });
    expect(res.errors).toBeUndefined();
    const round = res.data!.createRound;
    expect(round.series.canModerate).toBe(true);
    const all = await dates(round.series.id);
    expect(all.map((d) => d.startsAt.toISOString())).toEqual([
      '2027-03-10T11:30:00.000Z',
      '2027-03-24T11:30:00.000Z',
      '2027-04-07T10:30:00.000Z',
      '2027-04-21T10:30:00.000Z',
    ]);
    // One date is cancelled: the series calendar keeps it, marked cancelled.
    const cancelled = await stadt.graphql<{ cancelRoundDate: RoundData }>(`mutation { cancelRoundDate(input: { roundId: "${all[1]!.id}" }) { ${FIELDS} } }`);
    expect(cancelled.data!.cancelRoundDate.status).toBe('CANCELLED');
    expect(code(await nord.graphql(`mutation { cancelRoundDate(input: { roundId: "${all[2]!.id}" }) { id } }`))).toBe('FORBIDDEN');

    const file = await ics(`/calendar/series/${round.series.id}.ics`, nord.cookie);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(await file.text()));
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const master = events.find((e) => !e.isRecurrenceException())!;
    expect(master.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=WEEKLY;COUNT=4;INTERVAL=2');
    const expanded: string[] = [];
    const iterator = master.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) expanded.push(next.toJSDate().toISOString());
    expect(expanded).toEqual(all.map((d) => d.startsAt.toISOString()));
    const exception = events.find((e) => e.isRecurrenceException())!;
    expect(events.filter((e) => e.isRecurrenceException())).toHaveLength(1);
    expect(exception.recurrenceId.toJSDate().toISOString()).toBe('2027-03-24T11:30:00.000Z');
    expect(exception.component.getFirstPropertyValue('status')).toBe('CANCELLED');

    // Another date moves to 14:00 on the same day: an exception with the start its rule gave it.
    const moved = await stadt.graphql<{ moveRoundDate: RoundData }>(
      `mutation { moveRoundDate(input: { roundId: "${all[2]!.id}", startsAt: "2027-04-07T14:00" }) { ${FIELDS} } }`,
    );
    expect(moved.data!.moveRoundDate).toMatchObject({ moved: true, startsAt: '2027-04-07T12:00:00.000Z' });
    expect(code(await nord.graphql(`mutation { moveRoundDate(input: { roundId: "${all[2]!.id}", startsAt: "2027-04-07T15:00" }) { id } }`))).toBe('FORBIDDEN');
    expect(code(await stadt.graphql(`mutation { moveRoundDate(input: { roundId: "${all[2]!.id}", startsAt: "2020-04-07T15:00" }) { id } }`))).toBe(
      'BAD_USER_INPUT',
    );
    const again = new ICAL.Component(ICAL.parse(await (await ics(`/calendar/series/${round.series.id}.ics`, nord.cookie)).text()));
    const shifted = again
      .getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e))
      .find((e) => e.isRecurrenceException() && e.recurrenceId.toJSDate().toISOString() === '2027-04-07T10:30:00.000Z')!;
    expect(shifted.startDate.toJSDate().toISOString()).toBe('2027-04-07T12:00:00.000Z');
    expect(shifted.component.getFirstPropertyValue('status')).toBeNull();

    const single = await ics(`/calendar/rounds/${all[0]!.id}.ics`, nord.cookie);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(await single.text())).getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-10T11:30:00.000Z');
    expect(event.startDate.zone?.tzid).toBe('Europe/Berlin');
    expect((await ics(`/calendar/rounds/${all[0]!.id}.ics`)).status).toBe(401);
    expect((await ics(`/calendar/series/${stadtOrg}.ics`, nord.cookie)).status).toBe(404);
  });

  it('20 people register at once for 5 places: exactly 5 get one, 15 wait; a cancellation moves the first up', async () => {
    const round = (await create(stadt, { hostOrganizationId: stadtOrg, startsAt: '2027-02-03T10:00', capacity: 5 })).data!.createRound;
    const people: TestClient[] = [];
    for (let i = 0; i < 20; i++) {
      const user = await createUser(prisma);
      await addMember(prisma, user.id, '14729');
      people.push(await signIn(t, user.email));
    }
    const replies = await Promise.all(
      people.map((p) => p.graphql<{ registerForRound: RoundData }>(`mutation { registerForRound(input: { roundId: "${round.id}" }) { ${FIELDS} } }`)),
    );
    expect(replies.map(code)).toEqual(Array(20).fill('OK'));
    const statuses = replies.map((r) => r.data!.registerForRound.myRegistration);
    expect(statuses.filter((s) => s === 'REGISTERED')).toHaveLength(5);
    expect(statuses.filter((s) => s === 'WAITING')).toHaveLength(15);
    const waiting = await prisma.roundRegistration.findMany({
      where: { roundId: round.id, status: 'WAITING' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const first = people[statuses.indexOf('REGISTERED')]!;
    expect(code(await first.graphql(`mutation { registerForRound(input: { roundId: "${round.id}" }) { id } }`))).toBe('BAD_USER_INPUT');
    const after = await first.graphql<{ cancelRoundRegistration: RoundData }>(`mutation { cancelRoundRegistration(roundId: "${round.id}") { ${FIELDS} } }`);
    expect(after.data!.cancelRoundRegistration).toMatchObject({ registeredCount: 5, waitingCount: 14, myRegistration: null });
    expect((await prisma.roundRegistration.findUniqueOrThrow({ where: { id: waiting[0]!.id } })).status).toBe('REGISTERED');
    expect(await prisma.notification.count({ where: { userId: waiting[0]!.userId, kind: 'ROUND_PROMOTED' } })).toBe(1);
  });

  it('a personal feed lists my dates without a session; a renewed secret ends the old address', async () => {
    const url = (await nord.graphql<{ myCalendarFeedUrl: string }>('{ myCalendarFeedUrl }')).data!.myCalendarFeedUrl;
    expect(url).toMatch(/\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await nord.graphql<{ myCalendarFeedUrl: string }>('{ myCalendarFeedUrl }')).data!.myCalendarFeedUrl).toBe(url);
    const round = (await create(stadt, { hostOrganizationId: stadtOrg, startsAt: '2027-09-01T10:00', title: 'Runde im Feed' })).data!.createRound;
    await nord.graphql(`mutation { registerForRound(input: { roundId: "${round.id}" }) { id } }`);
    const path = new URL(url).pathname;
    const feed = await ics(path);
    expect(feed.status).toBe(200);
    const events = new ICAL.Component(ICAL.parse(await feed.text())).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.summary)).toContain('Runde im Feed');
    expect(
      events
        .find((e) => e.summary === 'Runde im Feed')!
        .startDate.toJSDate()
        .toISOString(),
    ).toBe('2027-09-01T08:00:00.000Z');
    const renewed = (await nord.graphql<{ renewCalendarFeedToken: string }>('mutation { renewCalendarFeedToken }')).data!.renewCalendarFeedToken;
    expect(renewed).not.toBe(url);
    const old = await ics(path);
    expect(old.status).toBe(404);
    expect(await old.text()).not.toContain('Runde');
    expect((await ics(new URL(renewed).pathname)).status).toBe(200);
    expect((await ics('/calendar/feed/unbekannt.ics')).status).toBe(404);
  });

  it('reminds registered people 24 hours and 15 minutes before, each once, also after a restart in between', async () => {
    const start = DateTime.now().setZone('Europe/Berlin').plus({ hours: 20 }).startOf('minute');
    const round = (await create(stadt, { hostOrganizationId: stadtOrg, startsAt: start.toFormat("yyyy-MM-dd'T'HH:mm"), title: 'Runde morgen' })).data!
      .createRound;
    await nord.graphql(`mutation { registerForRound(input: { roundId: "${round.id}" }) { id } }`);
    const reminded = () => prisma.notification.count({ where: { userId: nordId, kind: 'ROUND_REMINDER', subjectId: round.id } });
    // The cron job may have run already; either way there is exactly one reminder afterwards.
    await t.app.get(RoundReminders).sendDue();
    expect(await reminded()).toBe(1);
    const second = await startTestApp({}, { sharedDb: t.db });
    try {
      expect(await second.app.get(RoundReminders).sendDue()).toBe(0);
    } finally {
      await second.close();
    }
    const near = new Date(new Date(round.startsAt).getTime() - 10 * 60_000);
    expect(await t.app.get(RoundReminders).sendDue(near)).toBe(1);
    expect(await t.app.get(RoundReminders).sendDue(near)).toBe(0);
    expect(await reminded()).toBe(2);
    const note = await nord.graphql<{ notifications: { nodes: { text: string }[] } }>('{ notifications(first: 5) { nodes { text } } }');
    expect(note.data!.notifications.nodes[0]!.text).toMatch(/^Erinnerung: „Runde morgen“ beginnt am \w+, \d+\. \w+ um \d\d:\d\d Uhr\.$/);
  });

  it('a cancelled date is announced once to everyone registered', async () => {
    const round = (await create(stadt, { hostOrganizationId: stadtOrg, startsAt: '2027-07-07T10:00', title: 'Runde fällt aus' })).data!.createRound;
    await nord.graphql(`mutation { registerForRound(input: { roundId: "${round.id}" }) { id } }`);
    expect(code(await stadt.graphql(`mutation { cancelRoundDate(input: { roundId: "${round.id}" }) { id } }`))).toBe('OK');
    expect(code(await stadt.graphql(`mutation { cancelRoundDate(input: { roundId: "${round.id}" }) { id } }`))).toBe('BAD_USER_INPUT');
    expect(await prisma.notification.count({ where: { userId: nordId, kind: 'ROUND_CHANGED', subjectId: round.id } })).toBe(1);
  });

  it('collects the agenda: the registered propose and vote, hosts accept and order', async () => {
    const round = (await create(stadt, { hostOrganizationId: stadtOrg, startsAt: '2027-08-04T10:00', title: 'Runde mit Tagesordnung' })).data!.createRound;
    const propose = (client: TestClient, title: string) =>
      client.graphql<{ proposeAgendaItem: { agenda: { id: string; title: string }[] } }>(
        `mutation ($t: String!) { proposeAgendaItem(input: { roundId: "${round.id}", title: $t }) { agenda { id title } } }`,
        { t: title },
      );
    expect(code(await propose(nord, 'Abrechnung der Dolmetscher'))).toBe('FORBIDDEN');
    await nord.graphql(`mutation { registerForRound(input: { roundId: "${round.id}" }) { id } }`);
    await propose(nord, 'Abrechnung der Dolmetscher');
    const items = (await propose(nord, 'Schulung der Ehrenamtlichen')).data!.proposeAgendaItem.agenda;
    const [billing, training] = [items.find((i) => i.title.startsWith('Abrechnung'))!, items.find((i) => i.title.startsWith('Schulung'))!];
    expect(code(await propose(nord, '<script>x</script>'))).toBe('BAD_USER_INPUT');
    await stadt.graphql(`mutation { voteAgendaItem(id: "${training.id}") { id } }`);
    await nord.graphql(`mutation { voteAgendaItem(id: "${training.id}") { id } }`);
    const agenda = async () =>
      (
        await nord.graphql<{ round: { agenda: { title: string; status: string; voteCount: number; votedByMe: boolean }[] } }>(
          `{ round(id: "${round.id}") { agenda { title status voteCount votedByMe } } }`,
        )
      ).data!.round.agenda;
    expect((await agenda()).map((i) => [i.title, i.voteCount, i.votedByMe])).toEqual([
      ['Schulung der Ehrenamtlichen', 2, true],
      ['Abrechnung der Dolmetscher', 0, false],
    ]);
    expect(code(await nord.graphql(`mutation { acceptAgendaItem(input: { itemId: "${billing.id}", position: 0 }) { id } }`))).toBe('FORBIDDEN');
    await stadt.graphql(`mutation { acceptAgendaItem(input: { itemId: "${billing.id}", position: 0 }) { id } }`);
    await nord.graphql(`mutation { voteAgendaItem(id: "${training.id}") { id } }`);
    expect((await agenda()).map((i) => [i.title, i.status, i.voteCount])).toEqual([
      ['Abrechnung der Dolmetscher', 'ACCEPTED', 0],
      ['Schulung der Ehrenamtlichen', 'PROPOSED', 1],
    ]);
    // Someone who may see the round but takes no part does not vote.
    expect(code(await muenchen.graphql(`mutation { voteAgendaItem(id: "${training.id}") { id } }`))).toBe('FORBIDDEN');
    // A double click on taking a vote back gives no error; and once the date is over, its agenda stays.
    await nord.graphql(`mutation { voteAgendaItem(id: "${training.id}") { id } }`);
    const twice = await Promise.all([1, 2].map(() => nord.graphql(`mutation { voteAgendaItem(id: "${training.id}") { id } }`)));
    expect(twice.map(code)).toEqual(['OK', 'OK']);
    await prisma.round.update({ where: { id: round.id }, data: { startsAt: new Date(Date.now() - 7_200_000), endsAt: new Date(Date.now() - 3_600_000) } });
    expect(code(await nord.graphql(`mutation { voteAgendaItem(id: "${training.id}") { id } }`))).toBe('BAD_USER_INPUT');
    expect(code(await stadt.graphql(`mutation { acceptAgendaItem(input: { itemId: "${training.id}", position: 0 }) { id } }`))).toBe('BAD_USER_INPUT');
  });

  it('registers for the whole series at once', async () => {
    const round = (await create(stadt, { hostOrganizationId: stadtOrg, startsAt: '2027-05-04T09:00', rrule: 'FREQ=MONTHLY;BYDAY=1TU;COUNT=3' })).data!
      .createRound;
    const res = await nord.graphql<{ registerForRound: RoundData }>(
      `mutation { registerForRound(input: { roundId: "${round.id}", wholeSeries: true }) { ${FIELDS} } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(await prisma.roundRegistration.count({ where: { round: { seriesId: round.series.id } } })).toBe(3);

    // A date whose registration has closed is left out, as when registering for it alone.
    const soon = DateTime.now().setZone('Europe/Berlin').plus({ hours: 2 }).toFormat("yyyy-MM-dd'T'HH:mm");
    const weekly = (await create(stadt, { hostOrganizationId: stadtOrg, startsAt: soon, rrule: 'FREQ=WEEKLY;COUNT=3', deadlineMinutes: 180 })).data!
      .createRound;
    expect(code(await nord.graphql(`mutation { registerForRound(input: { roundId: "${weekly.id}" }) { id } }`))).toBe('BAD_USER_INPUT');
    expect(code(await nord.graphql(`mutation { registerForRound(input: { roundId: "${weekly.id}", wholeSeries: true }) { id } }`))).toBe('OK');
    const registered = await prisma.roundRegistration.findMany({ where: { userId: nordId, round: { seriesId: weekly.series.id } }, select: { roundId: true } });
    expect(registered).toHaveLength(2);
    expect(registered.map((r) => r.roundId)).not.toContain(weekly.id);
  });

  it('a person who leaves their organisation loses the places it gave them, and hears of it once per series', async () => {
    const round = (
      await create(stadt, {
        hostOrganizationId: stadtOrg,
        startsAt: '2027-07-07T14:00',
        rrule: 'FREQ=WEEKLY;COUNT=3',
        audience: 'KREIS_AREA',
        audienceKreisAgs: '14729',
        title: 'Runde im Muldental',
      })
    ).data!.createRound;
    const nele = await createUser(prisma, { name: 'Nele Nordsachsen' });
    const membership = await addMember(prisma, nele.id, '14730');
    const client = await signIn(t, nele.email);
    expect(code(await client.graphql(`mutation { registerForRound(input: { roundId: "${round.id}", wholeSeries: true }) { id } }`))).toBe('OK');
    expect(code(await client.graphql(`mutation { endMembership(input: { membershipId: "${membership.id}" }) }`))).toBe('OK');

    await eventually(async () => (await prisma.roundRegistration.count({ where: { userId: nele.id } })) === 0, 'the withdrawn places', 10_000);
    const notices = await eventually(async () => {
      const found = await prisma.notification.findMany({ where: { userId: nele.id, kind: 'ROUND_CHANGED' } });
      return found.length > 0 && found;
    }, 'the notice');
    expect(notices).toHaveLength(1);
    const [notice] = (await client.graphql<{ notifications: { nodes: { text: string }[] } }>('{ notifications(first: 5) { nodes { text } } }')).data!
      .notifications.nodes;
    expect(notice!.text).toBe(
      'Ihre Anmeldungen für „Runde im Muldental“ am Mittwoch, 7. Juli um 14:00 Uhr und 2 weitere Termine sind beendet: Die Runde ist nicht mehr für Sie offen (etwa nach dem Austritt aus einer Gruppe oder Organisation).',
    );
    expect(await prisma.roundSeriesRegistration.count({ where: { userId: nele.id } })).toBe(0);
  });

  it('a running date leaves the personal feed as soon as the person may no longer see it', async () => {
    const round = (
      await create(stadt, {
        hostOrganizationId: stadtOrg,
        startsAt: '2027-07-21T14:00',
        audience: 'KREIS_AREA',
        audienceKreisAgs: '14729',
        title: 'Laufende Runde',
      })
    ).data!.createRound;
    const ole = await createUser(prisma, { name: 'Ole Ortswechsel' });
    const nordsachsen = await addMember(prisma, ole.id, '14730');
    await addMember(prisma, ole.id, '09162');
    const client = await signIn(t, ole.email);
    await client.graphql(`mutation { registerForRound(input: { roundId: "${round.id}" }) { id } }`);
    await prisma.round.update({ where: { id: round.id }, data: { startsAt: new Date(Date.now() - 1_800_000), endsAt: new Date(Date.now() + 1_800_000) } });
    const path = new URL((await client.graphql<{ myCalendarFeedUrl: string }>('{ myCalendarFeedUrl }')).data!.myCalendarFeedUrl).pathname;
    const summaries = async () =>
      new ICAL.Component(ICAL.parse(await (await ics(path)).text())).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).summary);
    expect(await summaries()).toContain('Laufende Runde');
    // Only München is left: the Kreis area's round is no longer for Ole, and a running date is not withdrawn.
    await prisma.membership.delete({ where: { id: nordsachsen.id } });
    expect(await prisma.roundRegistration.count({ where: { roundId: round.id, userId: ole.id } })).toBe(1);
    expect(await summaries()).not.toContain('Laufende Runde');
  });

  it('moving the waiting list up passes over whoever may no longer see the round', async () => {
    const round = (
      await create(stadt, { hostOrganizationId: stadtOrg, startsAt: '2027-08-04T10:00', capacity: 1, audience: 'KREIS_AREA', audienceKreisAgs: '14729' })
    ).data!.createRound;
    const people = [];
    for (const name of ['Anna Angemeldet', 'Bernd Wartet', 'Clara Bleibt']) {
      const person = await createUser(prisma, { name });
      const membership = await addMember(prisma, person.id, '14730');
      const client = await signIn(t, person.email);
      expect(code(await client.graphql(`mutation { registerForRound(input: { roundId: "${round.id}" }) { id } }`))).toBe('OK');
      people.push({ person, membership, client });
    }
    const [anna, bernd, clara] = people as [(typeof people)[number], (typeof people)[number], (typeof people)[number]];
    for (const { membership, client } of [anna, bernd])
      expect(code(await client.graphql(`mutation { endMembership(input: { membershipId: "${membership.id}" }) }`))).toBe('OK');
    const left = () => prisma.roundRegistration.findMany({ where: { roundId: round.id }, select: { userId: true, status: true } });
    await eventually(async () => (await left()).length === 1, 'both withdrawn', 10_000);
    expect(await left()).toEqual([{ userId: clara.person.id, status: 'REGISTERED' }]);
    expect(await prisma.notification.count({ where: { userId: bernd.person.id, kind: 'ROUND_PROMOTED' } })).toBe(0);
  });

  it('a registration waiting behind a cancelled date or a narrower audience is refused once they commit, and writes nothing', async () => {
    const make = async () =>
      (await create(stadt, { hostOrganizationId: stadtOrg, startsAt: '2027-09-01T10:00', title: 'Runde im Wettlauf' })).data!.createRound;
    // The host's change holds the row (the date's, or the series' as a change of the series does) while the
    // registration arrives and waits for it.
    const behind = (table: 'Round' | 'RoundSeries', rowId: string, change: string, client: TestClient, roundId: string) =>
      behindLock(t.db.url, table, rowId, change, () => client.graphql(`mutation { registerForRound(input: { roundId: "${roundId}" }) { id } }`));
    const cancelled = await make();
    expect(code(await behind('Round', cancelled.id, `UPDATE "Round" SET status = 'CANCELLED' WHERE id = $1`, nord, cancelled.id))).toBe('BAD_USER_INPUT');
    const narrowed = await make();
    const kreis = await prisma.municipality.findUniqueOrThrow({ where: { ags: '14729' } });
    const narrower = `UPDATE "RoundSeries" SET audience = 'KREIS_AREA', "audienceKreisId" = '${kreis.id}' WHERE id = $1`;
    expect(code(await behind('RoundSeries', narrowed.series.id, narrower, muenchen, narrowed.id))).toBe('NOT_FOUND');
    expect(await prisma.roundRegistration.count({ where: { roundId: { in: [cancelled.id, narrowed.id] } } })).toBe(0);
  });

  it('a round for the Landkreis Leipzig and its neighbours is found in Nordsachsen, not in München', async () => {
    const round = (
      await create(stadt, {
        hostOrganizationId: stadtOrg,
        startsAt: '2027-06-02T14:00',
        audience: 'KREIS_AREA',
        audienceKreisAgs: '14729',
        title: 'Runde im Leipziger Land',
      })
    ).data!.createRound;
    const titles = async (client: TestClient) =>
      (await client.graphql<{ rounds: { nodes: { id: string }[] } }>('{ rounds(first: 100) { nodes { id } } }')).data!.rounds.nodes.map((n) => n.id);
    expect(await titles(nord)).toContain(round.id);
    expect(await titles(muenchen)).not.toContain(round.id);
    expect(code(await muenchen.graphql(`{ round(id: "${round.id}") { id } }`))).toBe('NOT_FOUND');
    expect(code(await muenchen.graphql(`mutation { registerForRound(input: { roundId: "${round.id}" }) { id } }`))).toBe('NOT_FOUND');
    expect((await ics(`/calendar/rounds/${round.id}.ics`, muenchen.cookie)).status).toBe(404);
    // Near me: rounds for a region that includes me, and open rounds hosted in my municipalities or next door.
    const open = (await create(stadt, { hostOrganizationId: stadtOrg, startsAt: '2027-06-09T14:00', title: 'Offene Runde aus Leipzig' })).data!.createRound;
    const near = async (client: TestClient) =>
      (
        await client.graphql<{ rounds: { nodes: { id: string }[] } }>('{ rounds(filter: { nearMe: true }, first: 100) { nodes { id } } }')
      ).data!.rounds.nodes.map((n) => n.id);
    expect(await near(nord)).toEqual(expect.arrayContaining([round.id, open.id]));
    expect(await near(muenchen)).not.toContain(open.id);
    expect(await titles(muenchen)).toContain(open.id);
    const hostedIn = async (ags: string) =>
      (
        await muenchen.graphql<{ rounds: { nodes: { id: string }[] } }>(`{ rounds(filter: { municipalityAgs: "${ags}" }, first: 100) { nodes { id } } }`)
      ).data!.rounds.nodes.map((n) => n.id);
    expect(await hostedIn('14713')).toContain(open.id);
    expect(await hostedIn('14730')).not.toContain(open.id);
    const month = await muenchen.graphql<{ rounds: { nodes: { id: string }[] } }>(
      '{ rounds(filter: { from: "2027-06-05T00:00:00Z", to: "2027-07-01T00:00:00Z" }, first: 100) { nodes { id } } }',
    );
    expect(month.data!.rounds.nodes.map((n) => n.id)).toEqual([open.id]);
  });

  it('a series page shows next and past dates; hosts change it, more places move the waiting list up', async () => {
    const round = (
      await create(stadt, {
        hostOrganizationId: stadtOrg,
        startsAt: '2027-10-06T10:00',
        rrule: 'FREQ=WEEKLY;COUNT=3',
        capacity: 1,
        title: 'Runde mit Warteliste',
      })
    ).data!.createRound;
    const waiter = await createUser(prisma);
    await addMember(prisma, waiter.id, '14730');
    const waiting = await signIn(t, waiter.email);
    await nord.graphql(`mutation { registerForRound(input: { roundId: "${round.id}", wholeSeries: true, shareMunicipality: true }) { id } }`);
    await waiting.graphql(`mutation { registerForRound(input: { roundId: "${round.id}", wholeSeries: true }) { id } }`);
    const input = {
      seriesId: round.series.id,
      title: 'Runde mit mehr Plätzen',
      topics: ['SPRACHE', 'ARBEIT_AUSBILDUNG'],
      videoUrl: base.videoUrl,
      capacity: 2,
    };
    const update = (client: TestClient, i: Record<string, unknown>) =>
      client.graphql<{ updateRound: { series: { title: string; capacity: number }; upcoming: RoundData[] } }>(
        `mutation ($i: UpdateRoundInput!) { updateRound(input: $i) { series { title capacity } upcoming { ${FIELDS} } } }`,
        { i },
      );
    expect(code(await update(nord, input))).toBe('FORBIDDEN');
    expect(code(await update(muenchen, input))).toBe('FORBIDDEN');
    expect(code(await update(stadt, { ...input, description: '<img src=x>' }))).toBe('BAD_USER_INPUT');
    expect(code(await update(stadt, { ...input, videoUrl: 'ftp://x' }))).toBe('BAD_USER_INPUT');
    expect((await prisma.roundSeries.findUniqueOrThrow({ where: { id: round.series.id } })).title).toBe('Runde mit Warteliste');
    const res = await update(stadt, input);
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateRound.series).toEqual({ title: 'Runde mit mehr Plätzen', capacity: 2 });
    expect(res.data!.updateRound.upcoming.map((d) => [d.registeredCount, d.waitingCount])).toEqual([
      [2, 0],
      [2, 0],
      [2, 0],
    ]);
    expect(await prisma.notification.count({ where: { userId: waiter.id, kind: 'ROUND_PROMOTED' } })).toBe(3);

    // After the first date: it is among the past ones, naming the municipality of the one who agreed.
    const [first] = await dates(round.series.id);
    await prisma.round.update({ where: { id: first!.id }, data: { startsAt: new Date('2026-01-07T09:00:00Z'), endsAt: new Date('2026-01-07T10:00:00Z') } });
    const view = await waiting.graphql<{ roundSeries: { upcoming: { id: string }[]; past: { id: string; participatingMunicipalities: string[] }[] } }>(
      `{ roundSeries(id: "${round.series.id}") { upcoming { id } past { id participatingMunicipalities } } }`,
    );
    expect(view.data!.roundSeries.upcoming).toHaveLength(2);
    expect(view.data!.roundSeries.past).toEqual([{ id: first!.id, participatingMunicipalities: ['Landkreis Nordsachsen'] }]);
    expect(code(await muenchen.graphql(`{ roundSeries(id: "${stadtOrg}") { series { id } } }`))).toBe('NOT_FOUND');
  });

  it('refuses bad input with the field, and writes nothing', async () => {
    const before = await prisma.roundSeries.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ startsAt: '2027-03-10T12:30', rrule: 'FREQ=DAILY;COUNT=501' }, 'rrule'],
      [{ startsAt: '2027-03-10T12:30', rrule: 'FREQ=WEEKLY;UNTIL=20260101T000000Z' }, 'rrule'],
      [{ startsAt: '2027-03-10T12:30', rrule: 'FREQ=MONTHLY;BYDAY=1TU;COUNT=3' }, 'rrule'],
      [{ startsAt: '2027-03-10T12:30', rrule: 'FREQ=WEEKLY;COUNT=2;DTSTART=20200101T000000Z' }, 'rrule'],
      [{ startsAt: '2027-03-10T12:30', capacity: 0 }, 'capacity'],
      [{ startsAt: '2027-03-10T12:30', capacity: -3 }, 'capacity'],
      [{ startsAt: '2027-03-10T12:30', videoUrl: 'http://meet.example/raum' }, 'videoUrl'],
      [{ startsAt: '2027-03-10T12:30', title: '<b>Runde</b>' }, 'title'],
      [{ startsAt: '2027-03-10T12:30', durationMinutes: 0 }, 'durationMinutes'],
      [{ startsAt: '10.03.2027 12:30' }, 'startsAt'],
      [{ startsAt: '2027-03-10T12:30', audience: 'LAND' }, 'audienceLandCode'],
    ];
    for (const [input, field] of cases) {
      const res = await create(stadt, { hostOrganizationId: stadtOrg, ...input });
      expect([code(res), (res.errors?.[0]?.extensions.details as { field?: string } | undefined)?.field]).toEqual(['BAD_USER_INPUT', field]);
    }
    expect(code(await create(nord, { hostOrganizationId: stadtOrg, startsAt: '2027-03-10T12:30' }))).toBe('FORBIDDEN');
    expect(await prisma.roundSeries.count()).toBe(before);
  });
  it('the list is filtered, counted and paged in the database: thousands of dates hidden from a person do not push out theirs', async () => {
    const group = await prisma.workingGroup.create({
      data: { name: 'Geschlossene Tagesrunde', description: '', topics: ['SPRACHE'], access: 'CLOSED', regionKind: 'BUNDESWEIT' },
    });
    const start = Date.now() + 3_600_000;
    const hidden = await prisma.roundSeries.create({
      data: {
        title: 'Tägliche Gruppenrunde',
        description: '',
        topics: ['SPRACHE'],
        hostGroupId: group.id,
        audience: 'GROUP',
        videoUrl: 'https://meet.example/gruppe',
        firstStartsAt: new Date(start),
        durationMinutes: 30,
      },
    });
    await prisma.round.createMany({
      data: Array.from({ length: 2_100 }, (_, i) => {
        const startsAt = new Date(start + i * 60_000);
        return { seriesId: hidden.id, originalStartsAt: startsAt, startsAt, endsAt: new Date(startsAt.getTime() + 1_800_000) };
      }),
    });
    const neighbours = (
      await create(stadt, { hostOrganizationId: stadtOrg, startsAt: '2027-09-01T10:00', audience: 'NEIGHBOURS', title: 'Runde für die Nachbarn' })
    ).data!.createRound;
    const saxony = (
      await create(stadt, { hostOrganizationId: stadtOrg, startsAt: '2027-09-08T10:00', audience: 'LAND', audienceLandCode: '14', title: 'Runde für Sachsen' })
    ).data!.createRound;
    const listed = async (client: TestClient, offset = 0) =>
      (
        await client.graphql<{ rounds: { totalCount: number; nodes: { id: string }[] } }>(
          `{ rounds(first: 100, offset: ${offset}) { totalCount nodes { id } } }`,
        )
      ).data!.rounds;
    const forNord = await listed(nord);
    const seen = [...forNord.nodes, ...(await listed(nord, 100)).nodes].map((n) => n.id);
    expect(seen).toEqual(expect.arrayContaining([neighbours.id, saxony.id]));
    expect(forNord.totalCount).toBe(seen.length);
    const forMuenchen = (await listed(muenchen)).nodes.map((n) => n.id);
    expect([forMuenchen.includes(neighbours.id), forMuenchen.includes(saxony.id)]).toEqual([false, false]);
  });
});
