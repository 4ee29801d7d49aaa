// `npm run bench:concepts`: the concepts list and one concept's page through the full API as a signed-in member of
// another organisation (a reader: published versions), over generated concepts with several published versions of
// long text each; p50/p95 next to `{ __typename }` measured in the same run. Sequential requests from one client on
// the other core. Needs a build.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  BENCH_PASSWORD,
  benchPeople,
  DATA_DIR,
  loadDatabaseTools,
  migratedDatabase,
  pinSelf,
  printAgainstFloor,
  sequentialQueries,
  startProductionApi,
  stop,
} from './lib.mjs';

const COUNT = Number(process.env.BENCH_CONCEPTS ?? 200);
const VERSIONS = Number(process.env.BENCH_VERSIONS ?? 4);
const SECTIONS = 10;
// About 10 KB of text per section: a version of 100 KB, as a worked-out municipal concept has.
const TEXT = 'Die Integrationskoordination berät gemeinsam mit den Trägern der Migrationsberatung und dem Jobcenter. '.repeat(100);
const doc = (text) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const TOPICS = ['SPRACHE', 'ARBEIT_AUSBILDUNG', 'WOHNEN', 'BILDUNG_SCHULE'];

const { startEmbeddedPostgres, PrismaService, importDirectory } = await loadDatabaseTools();

pinSelf();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-bench-concepts-'));
fs.chmodSync(tmp, 0o755);
const server = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg') });

try {
  const url = await migratedDatabase(server.url);
  const prisma = new PrismaService(url);
  await importDirectory(prisma, { dir: DATA_DIR });
  await benchPeople(prisma, 1, 'reader');
  const stadt = await prisma.municipality.findUniqueOrThrow({ where: { ags: '14713' } });
  const owner = await prisma.organization.create({ data: { kind: 'MUNICIPALITY', name: stadt.displayName, representsId: stadt.id, locatedInId: stadt.id } });
  await prisma.$disconnect();

  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const ids = Array.from({ length: COUNT }, () => randomUUID());
  for (const [i, id] of ids.entries()) {
    const sections = Array.from({ length: SECTIONS }, (_, s) => ({ id: randomUUID(), position: s, title: `Handlungsfeld ${s + 1}`, text: `${s} ${TEXT}` }));
    await client.query(
      `INSERT INTO "Concept" (id, title, summary, topics, licence, status, "organizationId", "updatedAt")
       VALUES ($1, $2, 'Rahmenkonzept', $3, 'CC_BY_4_0', 'PUBLISHED', $4, now() - $5 * interval '1 minute')`,
      [id, `Integrationskonzept ${i + 1}`, [TOPICS[i % TOPICS.length]], owner.id, i],
    );
    await client.query(
      `INSERT INTO "ConceptSection" (id, "conceptId", position, title, content, text, "updatedAt")
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::jsonb[], $6::text[]), now()`,
      [
        sections.map((s) => s.id),
        sections.map(() => id),
        sections.map((s) => s.position),
        sections.map((s) => s.title),
        sections.map((s) => JSON.stringify(doc(s.text))),
        sections.map((s) => s.text),
      ],
    );
    for (let number = 1; number <= VERSIONS; number++) {
      const snapshot = sections.map((s) => ({
        id: s.id,
        position: s.position,
        title: s.title,
        content: doc(`${number} ${s.text}`),
        text: `${number} ${s.text}`,
        measures: [],
      }));
      await client.query(
        `INSERT INTO "ConceptVersion" (id, "conceptId", number, title, summary, licence, note, sections)
         VALUES ($1, $2, $3, $4, 'Rahmenkonzept', 'CC_BY_4_0', $5, $6)`,
        [randomUUID(), id, number, `Integrationskonzept ${i + 1}`, `Fassung ${number}`, JSON.stringify(snapshot)],
      );
    }
  }
  await client.query('ANALYZE');
  await client.end();
  console.log(`generated ${COUNT} concepts with ${VERSIONS} versions of ${SECTIONS} sections each in ${Math.round(performance.now() - started)} ms`);

  const { child, base } = await startProductionApi(url);
  try {
    const login = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($i: LoginInput!) { login(input: $i) { id } }',
        variables: { i: { email: 'reader0@verbund.example', password: BENCH_PASSWORD } },
      }),
    });
    const cookie = login.headers.getSetCookie()[0].split(';')[0];
    const { measure } = sequentialQueries(`${base}/graphql`, cookie);
    // What the web app's list and page ask for (ConceptFields; the page adds the sections).
    const FIELDS =
      'id title summary topics licence status editable showingVersion updatedAt adaptationCount organization { id name } versions { id number note licence publishedAt }';
    const LIST = `query ($f: ConceptsFilter) { concepts(filter: $f, first: 20) { totalCount nodes { ${FIELDS} } } }`;
    const PAGE = `query ($id: ID!) { concept(id: $id) { ${FIELDS} sections { id title text } } }`;
    const repeat = (make) => Array.from({ length: 200 }, (_, i) => make(i));
    const rows = {
      '{ __typename } (floor)': await measure(repeat(() => ['{ __typename }'])),
      'list, 20 of all': await measure(repeat(() => [LIST, {}])),
      'list, 20 of a topic': await measure(repeat((i) => [LIST, { f: { topics: [TOPICS[i % TOPICS.length]] } }])),
      'one concept with its sections': await measure(repeat((i) => [PAGE, { id: ids[i % ids.length] }])),
    };
    printAgainstFloor(rows, '{ __typename } (floor)');
  } finally {
    await stop(child);
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await server.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
