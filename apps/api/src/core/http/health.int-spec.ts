import pg from 'pg';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';

describe('GET /healthz', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('answers 200 with JSON while the database answers, then 503 once it is gone', async () => {
    const up = await fetch(`${t.url}/healthz`);
    expect(up.status).toBe(200);
    expect(up.headers.get('content-type')).toMatch(/application\/json/);
    expect(await up.json()).toMatchObject({ status: 'ok', database: 'up' });

    const admin = new pg.Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE ${t.db.name} WITH (FORCE)`);
    await admin.end();

    const down = await fetch(`${t.url}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unavailable', database: 'down' });
  });

  it('echoes a request id header', async () => {
    const res = await fetch(`${t.url}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
  });

  it('gives each request its own id when none or a malformed one is sent', async () => {
    const ids = await Promise.all(
      [undefined, undefined, 'bad id with spaces', 'x'.repeat(65)].map(async (given) => {
        const res = await fetch(`${t.url}/healthz`, given ? { headers: { 'x-request-id': given } } : {});
        return res.headers.get('x-request-id')!;
      }),
    );
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[\w-]{8}-[0-9a-z]+$/);
  });
});
