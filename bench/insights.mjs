// `npm run bench:insights`: cooperation insights over generated activity of 2,000 organisations (`BENCH_ORGS`) on
// the full directory: every Kreis and kreisfreie Stadt, 1,200 Gemeinden and a few hundred associations, two
// confirmed people each, in working groups, exchange rounds attended, events, offers and adaptations of concepts,
// mostly with the same or a bordering Kreis (as cooperation is). Measures the nightly refresh once, then p50/p95 of
// a municipality page's insight (`cooperation`, `cooperationSuggestions`) and of the national map data
// (`cooperationOverview`, Germany and one Land) over HTTP, sequential, next to `{ __typename }` in the same run.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  API_DIST,
  BENCH_PASSWORD,
  DATA_DIR,
  loadDatabaseTools,
  migratedDatabase,
  pinSelf,
  printAgainstFloor,
  sequentialQueries,
  signInCookie,
  startProductionApi,
  stop,
} from './lib.mjs';

const ORGS = Number(process.env.BENCH_ORGS ?? 2_000);
const ROUNDS = 200;
const DAY = 86_400_000;
const { startEmbeddedPostgres, PrismaService, importDirectory } = await loadDatabaseTools();
const { hashPassword } = await import(path.join(API_DIST, 'accounts/password.js'));
const { CooperationRefresh } = await import(path.join(API_DIST, 'insights/cooperation-refresh.js'));
const { CooperationOverviewService } = await import(path.join(API_DIST, 'insights/cooperation-overview.js'));

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = (list) => list[Math.floor(random() * list.length)];
const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));

/** Multi-row inserts in chunks; parameters take their types from the columns. */
async function insert(client, table, columns, rows) {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const values = chunk.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
    await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values}`, chunk.flat());
  }
}

pinSelf();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-bench-insights-'));
fs.chmodSync(tmp, 0o755);
const server = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg') });

try {
  const url = await migratedDatabase(server.url);
  const prisma = new PrismaService(url);
  await importDirectory(prisma, { dir: DATA_DIR });
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  const started = performance.now();

  const { rows: places } = await client.query(
    `SELECT id, ags, "displayName" AS name, length(ags) = 5 AS kreis FROM "Municipality" WHERE "retiredAt" IS NULL AND length(ags) IN (5, 8) AND NOT "isLand"`,
  );
  const { rows: borders } = await client.query(
    `SELECT f.ags AS a, t.ags AS b FROM "MunicipalityBorder" mb JOIN "Municipality" f ON f.id = mb."fromId" JOIN "Municipality" t ON t.id = mb."toId"
     WHERE mb.level = 'KREIS' AND mb."viaAgs" = ''`,
  );
  const kreise = places.filter((p) => p.kreis);
  const kreisOf = new Map(kreise.map((k) => [k.ags, k]));
  const adjacent = new Map(kreise.map((k) => [k.ags, [k.ags]]));
  for (const { a, b } of borders) adjacent.get(a)?.push(b);
  const gemeinden = places.filter((p) => !p.kreis && p.ags.slice(2, 5) !== '000');

  // Organisations: every Kreis-level administration, then Gemeinden, the rest associations in a Kreis.
  const chosenGemeinden = [...gemeinden].sort(() => random() - 0.5).slice(0, Math.max(0, Math.min(1200, ORGS - kreise.length)));
  const orgs = [
    ...kreise.map((m) => ({ id: randomUUID(), kind: 'MUNICIPALITY', name: m.name, representsId: m.id, place: m })),
    ...chosenGemeinden.map((m) => ({ id: randomUUID(), kind: 'MUNICIPALITY', name: m.name, representsId: m.id, place: m })),
  ];
  while (orgs.length < ORGS) {
    const place = pick(kreise);
    orgs.push({ id: randomUUID(), kind: 'VEREIN', name: `Verein ${orgs.length} in ${place.name}`, representsId: null, place });
  }
  await insert(
    client,
    'Organization',
    ['id', 'kind', 'name', 'representsId', 'locatedInId'],
    orgs.map((o) => [o.id, o.kind, o.name, o.representsId, o.place.id]),
  );
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const people = orgs.flatMap((org) => [0, 1].map((i) => ({ id: randomUUID(), org, email: `p${org.id.slice(0, 8)}-${i}@bench.example` })));
  await insert(
    client,
    'User',
    ['id', 'name', 'email', 'passwordHash', 'emailVerifiedAt', 'updatedAt'],
    people.map((p) => [p.id, 'Person', p.email, passwordHash, new Date(), new Date()]),
  );
  await insert(
    client,
    'Membership',
    ['id', 'userId', 'organizationId', 'status', 'function', 'topics'],
    people.map((p) => [randomUUID(), p.id, p.org.id, 'CONFIRMED', 'INTEGRATIONSKOORDINATION', []]),
  );

  // Partners come mostly from the same or a bordering Kreis.
  const byKreis = new Map();
  for (const p of people) byKreis.set(p.org.place.ags.slice(0, 5), [...(byKreis.get(p.org.place.ags.slice(0, 5)) ?? []), p]);
  const nearby = (person, n) => {
    const around = (adjacent.get(person.org.place.ags.slice(0, 5)) ?? []).flatMap((k) => byKreis.get(k) ?? []);
    const chosen = new Map([[person.id, person]]);
    for (let i = 0; i < n * 3 && chosen.size < n; i++) {
      const other = random() < 0.75 && around.length ? pick(around) : pick(people);
      chosen.set(other.id, other);
    }
    return [...chosen.values()];
  };
  const when = (fromDays, toDays) => new Date(Date.now() + between(fromDays, toDays) * DAY);

  const groups = Array.from({ length: Math.round(ORGS / 5) }, (_, i) => ({ id: randomUUID(), i, members: nearby(pick(people), between(4, 16)) }));
  await insert(
    client,
    'WorkingGroup',
    ['id', 'name', 'description', 'topics', 'access', 'regionKind', 'regionLandCodes', 'updatedAt'],
    groups.map((g) => [g.id, `Arbeitsgruppe ${g.i}`, '', ['SPRACHE'], ['OPEN', 'ON_REQUEST', 'CLOSED'][g.i % 3], 'BUNDESWEIT', [], new Date()]),
  );
  await insert(
    client,
    'GroupMember',
    ['groupId', 'userId', 'role', 'status', 'joinedAt'],
    groups.flatMap((g) => g.members.map((m, i) => [g.id, m.id, i === 0 ? 'MODERATOR' : 'MEMBER', 'ACTIVE', when(-400, -1)])),
  );

  const series = Array.from({ length: ROUNDS }, (_, i) => ({ id: randomUUID(), i, host: pick(people) }));
  await insert(
    client,
    'RoundSeries',
    ['id', 'title', 'description', 'topics', 'hostOrganizationId', 'audience', 'audienceKreisId', 'videoUrl', 'firstStartsAt', 'durationMinutes', 'updatedAt'],
    series.map((s) => {
      const audience = ['SIGNED_IN', 'NEIGHBOURS', 'KREIS_AREA'][s.i % 3];
      const kreis = audience === 'KREIS_AREA' ? kreisOf.get(s.host.org.place.ags.slice(0, 5)) : null;
      return [
        s.id,
        `Austauschrunde ${s.i}`,
        '',
        ['SPRACHE'],
        s.host.org.id,
        kreis ? audience : 'SIGNED_IN',
        kreis?.id ?? null,
        'https://meet.example/r',
        when(-300, -200),
        90,
        new Date(),
      ];
    }),
  );
  const dates = series.flatMap((s) =>
    Array.from({ length: 8 }, (_, d) => {
      const startsAt = new Date(Date.now() + (d - 6) * 30 * DAY + s.i * 3_600_000);
      return { id: randomUUID(), s, startsAt, past: d < 6 };
    }),
  );
  await insert(
    client,
    'Round',
    ['id', 'seriesId', 'originalStartsAt', 'startsAt', 'endsAt'],
    dates.map((d) => [d.id, d.s.id, d.startsAt, d.startsAt, new Date(d.startsAt.getTime() + 90 * 60_000)]),
  );
  await insert(
    client,
    'RoundRegistration',
    ['id', 'roundId', 'userId', 'status', 'attendedAt'],
    dates.flatMap((d) => nearby(d.s.host, between(4, 12)).map((p) => [randomUUID(), d.id, p.id, 'REGISTERED', d.past ? d.startsAt : null])),
  );

  const kinds = ['FACHTAG', 'SCHULUNG', 'NETZWERKTREFFEN', 'INFO_ZUGEWANDERTE', 'SPRACHCAFE'];
  const events = Array.from({ length: ORGS / 2 }, (_, i) => ({ id: randomUUID(), i, by: pick(people), startsAt: when(-360, 90) }));
  await insert(
    client,
    'Event',
    [
      'id',
      'kind',
      'title',
      'description',
      'topics',
      'startsAt',
      'endsAt',
      'lastEndsAt',
      'organizerOrganizationId',
      'homeId',
      'openTo',
      'languages',
      'audiences',
      'updatedAt',
    ],
    events.map((e) => {
      const endsAt = new Date(e.startsAt.getTime() + 3 * 3_600_000);
      return [
        e.id,
        kinds[e.i % kinds.length],
        `Veranstaltung ${e.i}`,
        '',
        ['SPRACHE'],
        e.startsAt,
        endsAt,
        endsAt,
        e.by.org.id,
        e.by.org.place.id,
        ['NEIGHBOURS', 'EVERYONE', 'OWN'][e.i % 3],
        ['de'],
        ['FACHKRAEFTE'],
        new Date(),
      ];
    }),
  );
  await insert(
    client,
    'EventRegistration',
    ['id', 'eventId', 'userId', 'status'],
    events.flatMap((e) =>
      nearby(e.by, between(1, 10))
        .slice(1)
        .map((p) => [randomUUID(), e.id, p.id, 'REGISTERED']),
    ),
  );

  const offers = Array.from({ length: Math.round(ORGS / 5) }, (_, i) => ({ id: randomUUID(), i, by: pick(people) }));
  await insert(
    client,
    'Offer',
    ['id', 'kind', 'title', 'description', 'topics', 'providerOrganizationId', 'homeId', 'openTo', 'languages', 'contact', 'updatedAt'],
    offers.map((o) => [
      o.id,
      'BERATUNGSSTELLE',
      `Angebot ${o.i}`,
      '',
      ['BERATUNG_BEGLEITUNG'],
      o.by.org.id,
      o.by.org.place.id,
      'NEIGHBOURS',
      ['de'],
      'Beratung',
      new Date(),
    ]),
  );
  const areaRows = new Map();
  for (const o of offers) for (const p of nearby(o.by, between(1, 4)).slice(1)) areaRows.set(`${o.id}:${p.org.place.id}`, [o.id, p.org.place.id]);
  await insert(client, 'OfferArea', ['offerId', 'municipalityId'], [...areaRows.values()]);

  const upstreams = Array.from({ length: Math.round(ORGS / 13) }, (_, i) => ({ id: randomUUID(), i, by: pick(people) }));
  const adaptations = upstreams.flatMap((u) =>
    nearby(u.by, between(1, 4))
      .slice(1)
      .map((p) => ({ id: randomUUID(), u, by: p })),
  );
  await insert(
    client,
    'Concept',
    ['id', 'title', 'topics', 'licence', 'status', 'organizationId', 'upstreamConceptId', 'updatedAt'],
    [
      ...upstreams.map((c) => [c.id, `Integrationskonzept ${c.i}`, [], 'CC_BY_4_0', 'PUBLISHED', c.by.org.id, null, new Date()]),
      ...adaptations.map((a) => [a.id, `Anpassung von ${a.u.i}`, [], 'CC_BY_4_0', 'PUBLISHED', a.by.org.id, a.u.id, new Date()]),
    ],
  );
  await insert(
    client,
    'ConceptVersion',
    ['id', 'conceptId', 'number', 'title', 'licence', 'note', 'sections'],
    [
      ...upstreams.map((c) => [randomUUID(), c.id, 1, `Integrationskonzept ${c.i}`, 'CC_BY_4_0', '', '[]']),
      ...adaptations.map((a) => [randomUUID(), a.id, 1, `Anpassung von ${a.u.i}`, 'CC_BY_4_0', '', '[]']),
    ],
  );
  await client.query('ANALYZE');
  const generated = performance.now() - started;

  const refresh = new CooperationRefresh(prisma, { define: () => undefined }, new CooperationOverviewService(prisma));
  const refreshStarted = performance.now();
  const pairs = await refresh.refresh();
  const refreshMs = performance.now() - refreshStarted;
  await prisma.$disconnect();
  console.log(
    `generated ${orgs.length} organisations, ${people.length} people, ${groups.length} groups, ${dates.length} round dates, ${events.length} events, ` +
      `${offers.length} offers, ${adaptations.length} adaptations in ${Math.round(generated)} ms; refresh: ${pairs} pairs in ${Math.round(refreshMs)} ms`,
  );

  // The person measuring belongs to a sample of administrations, so each page asked for is its own.
  const sample = orgs.filter((o) => o.kind === 'MUNICIPALITY').filter((_, i) => i % 25 === 0);
  const me = people.find((p) => p.org === sample[0]);
  await insert(
    client,
    'Membership',
    ['id', 'userId', 'organizationId', 'status', 'function', 'topics'],
    sample.slice(1).map((o) => [randomUUID(), me.id, o.id, 'CONFIRMED', 'INTEGRATIONSKOORDINATION', []]),
  );
  await client.end();

  const { child, base } = await startProductionApi(url);
  try {
    const cookie = await signInCookie(base, me.email, BENCH_PASSWORD);
    const { measure } = sequentialQueries(`${base}/graphql`, cookie);
    const repeat = (make) => Array.from({ length: 200 }, (_, i) => make(i));
    const COOPERATION =
      'query ($ags: String!) { cooperation(ags: $ags) { municipality { id ags name kind } reasons kinds { kind count } since lastActivityAt gap landkreisAndCity acrossKreis } }';
    const SUGGESTIONS =
      'query ($ags: String!) { cooperationSuggestions(ags: $ags) { kind subjectId seriesId title startsAt neighbour { municipality { id name } } } }';
    const OVERVIEW =
      'query ($land: String) { cooperationOverview(land: $land) { land borderingKreisPairs borderingKreisPairsCooperating borderingKreisShare landkreisCityPairs landkreisCityPairsCooperating landkreisCityShare gemeindenActive gemeindenBeyondKreis gemeindenBeyondKreisShare links { a b weight bordering landkreisAndCity } series { month borderingKreisShare landkreisCityShare gemeindenBeyondKreisShare } refreshedAt } }';
    const national = await (
      await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: OVERVIEW }) })
    ).text();
    console.log(`national map data: ${JSON.parse(national).data.cooperationOverview.links.length} Kreis links, ${Math.round(national.length / 1024)} KiB`);
    const rows = {
      '{ __typename } (floor)': await measure(repeat(() => ['{ __typename }'])),
      'cooperation(ags)': await measure(repeat((i) => [COOPERATION, { ags: sample[i % sample.length].place.ags }])),
      'cooperationSuggestions(ags)': await measure(repeat((i) => [SUGGESTIONS, { ags: sample[i % sample.length].place.ags }])),
      'cooperationOverview (Germany)': await measure(repeat(() => [OVERVIEW, { land: null }])),
      'cooperationOverview (one Land)': await measure(repeat((i) => [OVERVIEW, { land: String(1 + (i % 16)).padStart(2, '0') }])),
    };
    printAgainstFloor(rows, '{ __typename } (floor)');
    console.log(`target: p95 ≤ 100 ms for a municipality's insight and the national map data, ${orgs.length} organisations`);
  } finally {
    await stop(child);
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await server.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}
