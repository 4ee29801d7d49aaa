import { addMember, createUser, signIn } from '../../test/support/factories.js';
import { startTestApp, type TestApp, type TestClient } from '../../test/support/test-app.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { EventDatesBackfill } from './event-dates.js';
import { eventDates } from './event-details.js';

interface Listed {
  totalCount: number;
  nodes: { title: string; dates: { startsAt: string }[] }[];
}
const LIST = 'query ($f: EventsFilter, $n: Int!, $o: Int!) { events(filter: $f, first: $n, offset: $o) { totalCount nodes { title dates { startsAt } } } }';
const code = (res: { errors?: { extensions: { code: string } }[] }) => res.errors?.[0]?.extensions.code ?? 'OK';
const JANUARY = { from: '2031-01-01T00:00:00Z', to: '2031-02-01T00:00:00Z' };

describe('the events list, ordered and cut in the database over the stored dates', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let client: TestClient;
  const list = async (first: number, offset = 0) => (await client.graphql<{ events: Listed }>(LIST, { f: JANUARY, n: first, o: offset })).data!.events;
  const event = (title: string, startsAt: string, endsAt: string, rrule: string | null) => ({
    kind: 'SPRACHCAFE' as const,
    title,
    description: '',
    topics: ['SPRACHE'],
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    rrule,
    lastEndsAt: eventDates({ startsAt: new Date(startsAt), endsAt: new Date(endsAt), rrule }, new Date(0), null).at(-1)!.endsAt,
    address: 'Markt 1, 04109 Leipzig',
    openTo: 'EVERYONE' as const,
    audiences: ['FACHKRAEFTE' as const],
    languages: ['de'],
  });

  beforeAll(async () => {
    t = await startTestApp({}, { directory: true });
    prisma = t.app.get(PrismaService);
    const person = await createUser(prisma);
    await addMember(prisma, person.id, '14729');
    client = await signIn(t, person.email);
  });
  afterAll(async () => t.close());

  it('finds the soonest date in a span behind 2,000 series that began earlier, with the exact count', async () => {
    // Written by hand, as before their dates were stored: the start of the API writes them.
    const weekly = event('Reihe', '2030-06-03T16:00:00Z', '2030-06-03T17:00:00Z', 'FREQ=WEEKLY;COUNT=40');
    const series = Array.from({ length: 2000 }, (_, i) => ({ ...weekly, title: `Reihe ${i}` }));
    for (let i = 0; i < series.length; i += 500) await prisma.event.createMany({ data: series.slice(i, i + 500) });
    await prisma.event.create({ data: event('Neujahrsempfang', '2031-01-01T10:00:00Z', '2031-01-01T12:00:00Z', null) });
    await t.app.get(EventDatesBackfill).onApplicationBootstrap();

    const firstPage = await list(1);
    expect(firstPage.totalCount).toBe(2001);
    expect(firstPage.nodes.map((n) => n.title)).toEqual(['Neujahrsempfang']);
    // A weekly series has its January dates, and only those.
    const [next] = (await list(1, 1)).nodes;
    expect(next!.dates.map((d) => d.startsAt.slice(0, 10))).toEqual(['2031-01-06', '2031-01-13', '2031-01-20', '2031-01-27']);
    // The last page ends with the last of them.
    expect((await list(20, 2000)).nodes).toHaveLength(1);
  });

  it('a rule stored before the checks of today is read as its first date, and the start goes on', async () => {
    const old = await prisma.event.create({
      data: { ...event('Alte Regel', '2031-01-02T10:00:00Z', '2031-01-02T11:00:00Z', null), rrule: 'FREQ=WEEKLY;COUNT=2;DTSTART=20200101T000000Z' },
    });
    await t.app.get(EventDatesBackfill).onApplicationBootstrap();
    expect((await prisma.eventDate.findMany({ where: { eventId: old.id } })).map((d) => d.startsAt.toISOString())).toEqual(['2031-01-02T10:00:00.000Z']);
    expect(code(await client.graphql(`{ event(id: "${old.id}") { id } }`))).toBe('OK');
    await prisma.event.delete({ where: { id: old.id } });
  });

  it('a rule stored before that does not begin at the start keeps its dates across starts', async () => {
    // 2 January 2031 is a Thursday; the rule's dates are Mondays. The start counts as the first of COUNT.
    const misaligned = await prisma.event.create({
      data: { ...event('Verschobene Regel', '2031-01-02T10:00:00Z', '2031-01-02T11:00:00Z', null), rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=3' },
    });
    const backfill = t.app.get(EventDatesBackfill);
    await backfill.onApplicationBootstrap();
    const written = () =>
      prisma.$queryRaw<
        { startsAt: Date; xmin: string }[]
      >`SELECT "startsAt", xmin::text FROM "EventDate" WHERE "eventId" = ${misaligned.id}::uuid ORDER BY "startsAt"`;
    const first = await written();
    expect(first.map((d) => d.startsAt.toISOString().slice(0, 10))).toEqual(['2031-01-02', '2031-01-06', '2031-01-13']);
    await backfill.onApplicationBootstrap();
    expect(await written()).toEqual(first);
    await prisma.event.delete({ where: { id: misaligned.id } });
  });

  it('the stored dates go with their event', async () => {
    const [row] = await prisma.event.findMany({ where: { title: 'Neujahrsempfang' } });
    expect(await prisma.eventDate.count({ where: { eventId: row!.id } })).toBe(1);
    await prisma.event.delete({ where: { id: row!.id } });
    expect(await prisma.eventDate.count({ where: { eventId: row!.id } })).toBe(0);
    expect((await list(1)).totalCount).toBe(2000);
  });
});
