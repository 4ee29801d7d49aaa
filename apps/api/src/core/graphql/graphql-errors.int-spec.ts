import { startTestApp, type TestApp } from '../../../test/support/test-app.js';

describe('GraphQL errors and protections (development)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ GRAPHQL_MAX_ALIASES: '3', GRAPHQL_MAX_TOKENS: '50' });
  });
  afterAll(async () => t.close());

  it('answers a valid query', async () => {
    const res = await t.graphql<{ appInfo: { name: string } }>('{ appInfo { name environment } }');
    expect(res.errors).toBeUndefined();
    expect(res.data?.appInfo).toEqual({ name: 'Verbund', environment: 'test' });
  });

  it('refuses an unknown field with BAD_USER_INPUT and without "Did you mean"', async () => {
    const res = await t.graphql('{ appInf { name } }');
    expect(res.status).toBe(400);
    expect(res.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/appInf/);
    expect(JSON.stringify(res.errors)).not.toMatch(/Did you mean/);
  });

  it('refuses too many aliases', async () => {
    const res = await t.graphql('{ a: appInfo { name } b: appInfo { name } c: appInfo { name } d: appInfo { name } }');
    expect(res.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/aliases/i);
  });

  it('refuses a document with too many tokens', async () => {
    const fields = Array.from({ length: 60 }, () => 'name').join(' ');
    const res = await t.graphql(`{ appInfo { ${fields} } }`);
    expect(res.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/tokens/);
  });

  it('refuses a syntax error with BAD_USER_INPUT', async () => {
    const res = await t.graphql('{ appInfo { name ');
    expect(res.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses POSTs that are not application/json (CSRF)', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonp',
      'text/plain; x=application/json',
    ]) {
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: '{"query":"{ appInfo { name } }"}',
      });
      expect(res.status).toBe(415);
    }
  });

  it('accepts JSON however its content type is spelled', async () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8']) {
      const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': type }, body: '{"query":"{ appInfo { name } }"}' });
      expect([type, res.status]).toEqual([type, 200]);
    }
  });

  it('refuses a request body over the limit', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ appInfo { name } }', pad: 'x'.repeat(t.config.bodyLimitBytes + 1) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
  });
});

describe('GraphQL in production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(async () => t.close());

  it('refuses introspection', async () => {
    const res = await t.graphql('{ __schema { queryType { name } } }');
    expect(res.data).toBeNull();
    expect(res.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/introspection/i);
  });

  it('gives no suggestions', async () => {
    const res = await t.graphql('{ appInf { name } }');
    expect(JSON.stringify(res.errors)).not.toMatch(/Did you mean/);
  });
});
