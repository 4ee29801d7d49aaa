// `npm run bench:materials`: materials search over 10,000 generated materials (German integration-work
// terms among everyday filler words, 1–6 kB of text each, a mix of visibilities) through the full API as a signed-in member: p50/p95
// of typical searches, with and without filters, next to `{ __typename }` measured in the same run.
// Sequential requests from one client on the other core. Needs a build.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { API_DIST, DATA_DIR, freePort, loadDatabaseTools, migratedDatabase, pinSelf, printAgainstFloor, sequentialQueries, startPinned, stop } from './lib.mjs';

const COUNT = Number(process.env.BENCH_MATERIALS ?? 10_000);
const { startEmbeddedPostgres, PrismaService, importDirectory } = await loadDatabaseTools();
const { hashPassword } = await import(path.join(API_DIST, 'accounts/password.js'));
const { distinctWords, foldParts } = await import(path.join(API_DIST, 'core/search/search-document.js'));

const WORDS = (
  'Integrationskonzept Sprachkurs Sprachkurse Sprachmittlung Dolmetscherpool Flüchtlinge Geflüchtete Ehrenamt Patenschaft ' +
  'Willkommenskultur Beratungsstelle Migrationsberatung Wohnungssuche Unterkunft Arbeitsmarkt Ausbildung Anerkennung ' +
  'Berufsabschluss Kita Schule Elternarbeit Gesundheit Antidiskriminierung Teilhabe Partizipation Netzwerk Landkreis ' +
  'Kommune Integrationsbeauftragte Koordination Sozialarbeit Jobcenter Ausländerbehörde Aufenthaltsrecht Einbürgerung ' +
  'Frauen Familie Jugend Sport Kultur Verein Migrantenorganisation Leitfaden Checkliste Vorlage Bericht Evaluation ' +
  'Konzept Maßnahme Förderung Projekt Angebot Übersetzung Orientierung Alltag Begleitung Qualifizierung Mentoring'
).split(' ');
// Everyday words around the domain terms, so that a domain word occurs in some documents, not all of them.
const SYLLABLES = 'ver be ge ar beit stand ort zeit plan rat haus amt stadt land ge mein schaft hilfe weg bau recht wahl stelle kreis dienst'.split(' ');
const FILLER = Array.from({ length: 4000 }, (_, i) => {
  let word = '';
  for (let n = 2 + (i % 3), x = i * 7919; n > 0; n--, x = Math.floor(x / SYLLABLES.length) + n * 31) word += SYLLABLES[x % SYLLABLES.length];
  return word[0].toUpperCase() + word.slice(1);
});
const KINDS = ['KONZEPT', 'LEITFADEN', 'VORLAGE', 'PRAESENTATION', 'FLYER', 'BERICHT', 'CHECKLISTE'];
const TOPICS = ['SPRACHE', 'ARBEIT_AUSBILDUNG', 'WOHNEN', 'BILDUNG_SCHULE', 'GESUNDHEIT', 'EHRENAMT', 'ANTIDISKRIMINIERUNG'];
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = (list) => list[Math.floor(random() * list.length)];
const sentence = (n) => Array.from({ length: n }, () => (random() < 0.12 ? pick(WORDS) : pick(FILLER))).join(' ') + '.';
const text = (sentences) => Array.from({ length: sentences }, () => sentence(8 + Math.floor(random() * 10))).join(' ');

pinSelf();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-bench-materials-'));
fs.chmodSync(tmp, 0o755);
const server = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg') });

try {
  const url = await migratedDatabase(server.url);
  const prisma = new PrismaService(url);
  await importDirectory(prisma, { dir: DATA_DIR });

  const kreise = await prisma.municipality.findMany({ where: { isKreis: true, retiredAt: null }, select: { id: true, landCode: true, displayName: true } });
  const orgs = [];
  for (const k of kreise.filter((_, i) => i % 4 === 0)) {
    orgs.push({
      ...(await prisma.organization.create({ data: { kind: 'MUNICIPALITY', name: k.displayName, representsId: k.id, locatedInId: k.id } })),
      landCode: k.landCode,
    });
  }
  const password = 'Bench-Passwort-2026-lang';
  const user = await prisma.user.create({
    data: { name: 'Bench', email: 'bench@verbund.example', passwordHash: await hashPassword(password), emailVerifiedAt: new Date() },
  });
  await prisma.membership.create({ data: { userId: user.id, organizationId: orgs[0].id, status: 'CONFIRMED', function: 'VERWALTUNG', topics: ['SPRACHE'] } });

  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  for (let batch = 0; batch < COUNT; batch += 500) {
    const rows = Array.from({ length: Math.min(500, COUNT - batch) }, () => {
      const org = pick(orgs);
      const parts = { title: `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`, summary: text(2), body: text(15 + Math.floor(random() * 40)) };
      const f = foldParts(parts);
      const r = random();
      return {
        id: randomUUID(),
        ...parts,
        f,
        words: distinctWords(f.title, f.summary, f.body).join(' '),
        org,
        visibility: r < 0.85 ? 'MEMBERS' : 'ORGANIZATION',
        kind: pick(KINDS),
        topics: [pick(TOPICS), pick(TOPICS)],
      };
    });
    await client.query(
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $15::uuid[], $16::text[])
           AS t(title, summary, body, ft, fs, fb, kind, org, muni, land, visibility, topic1, topic2, id, words)
       ), m AS (
         INSERT INTO "Material" (id, title, summary, topics, kind, languages, licence, visibility, "organizationId", "municipalityId", "landCode", "createdById", "updatedAt", "searchVector", "rankVector")
         SELECT id, title, summary, ARRAY[topic1, topic2], kind, ARRAY['de'], 'CC_BY_4_0', visibility::"MaterialVisibility", org, muni::uuid, land, $14::uuid, now(),
                setweight(to_tsvector('german', ft), 'A') || setweight(to_tsvector('german', fs), 'B') || strip(to_tsvector('german', fb)),
                setweight(to_tsvector('german', ft), 'A') || setweight(to_tsvector('german', fs), 'B')
         FROM input RETURNING id
       )
       , w AS (INSERT INTO "SearchWord" (word) SELECT DISTINCT unnest(string_to_array(words, ' ')) FROM input ON CONFLICT DO NOTHING)
       INSERT INTO "MaterialVersion" (id, "materialId", number, format, markdown, html, text, "createdById")
       SELECT gen_random_uuid(), m.id, 1, 'MARKDOWN', i.body, '<p>' || i.body || '</p>', i.body, $14::uuid FROM m JOIN input i ON i.id = m.id`,
      [
        rows.map((r) => r.title),
        rows.map((r) => r.summary),
        rows.map((r) => r.body),
        rows.map((r) => r.f.title),
        rows.map((r) => r.f.summary),
        rows.map((r) => r.f.body),
        rows.map((r) => r.kind),
        rows.map((r) => r.org.id),
        rows.map((r) => r.org.locatedInId),
        rows.map((r) => r.org.landCode),
        rows.map((r) => r.visibility),
        rows.map((r) => r.topics[0]),
        rows.map((r) => r.topics[1]),
        user.id,
        rows.map((r) => r.id),
        rows.map((r) => r.words),
      ],
    );
  }
  await client.query('ANALYZE');
  const [{ n }] = (await client.query('SELECT count(*)::int AS n FROM "Material"')).rows;
  await client.end();
  await prisma.$disconnect();
  console.log(`generated ${n} materials in ${Math.round(performance.now() - started)} ms`);

  const port = await freePort();
  const api = await startPinned(
    [path.join(API_DIST, 'main.js')],
    { PORT: String(port), NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: url, SMTP_URL: 'smtp://127.0.0.1:9', PUBLIC_URL: 'https://verbund.test' },
    async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok,
  );
  try {
    const endpoint = `http://127.0.0.1:${port}/graphql`;
    const login = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation ($i: LoginInput!) { login(input: $i) { id } }', variables: { i: { email: 'bench@verbund.example', password } } }),
    });
    const cookie = login.headers.getSetCookie()[0].split(';')[0];
    const { measure } = sequentialQueries(endpoint, cookie);
    const SEARCH =
      'query ($s: String, $f: MaterialsFilter) { materials(search: $s, filter: $f, first: 20) { totalCount nodes { material { id title organization { name } } snippet { text highlight } } } }';
    const terms = [
      'Konzept',
      'Sprachkurse',
      'Fluechtlinge',
      'Integrationskonzept Wohnungssuche',
      'Ehrenamt Patenschaft',
      'Beratungsstellen',
      'Anerkennung Berufsabschluss',
      'Kita',
    ];
    const repeat = (make) => Array.from({ length: 200 }, (_, i) => make(i));
    const rows = {
      '{ __typename } (floor)': await measure(repeat(() => ['{ __typename }'])),
      'one word': await measure(repeat((i) => [SEARCH, { s: terms[i % 3] }])),
      'two words': await measure(repeat((i) => [SEARCH, { s: terms[3 + (i % 3)] }])),
      'word + filters': await measure(repeat((i) => [SEARCH, { s: terms[i % terms.length], f: { kinds: ['LEITFADEN', 'KONZEPT'], topics: ['SPRACHE'] } }])),
      'filters only': await measure(repeat((i) => [SEARCH, { s: null, f: { topics: [TOPICS[i % TOPICS.length]] } }])),
    };
    printAgainstFloor(rows, '{ __typename } (floor)');
    console.log('target: search p95 < 100 ms over 10,000 materials');
  } finally {
    await stop(api);
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await server.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}
