import net from 'node:net';
import Provider from 'oidc-provider';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { PrismaService } from '../../core/database/prisma.service.js';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** A browser stand-in across two sites: follows redirects, keeps cookies per host, submits the provider's forms. */
class Browser {
  private jar = new Map<string, Map<string, string>>();

  cookieFor(url: URL): string {
    return [...(this.jar.get(url.host) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private store(url: URL, res: Response) {
    const jar = this.jar.get(url.host) ?? new Map<string, string>();
    for (const header of res.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(header)) jar.delete(name);
      else jar.set(name, value);
    }
    this.jar.set(url.host, jar);
  }

  /** Returns the final URL and page once no redirect or provider form is left. */
  async go(start: string, steps = 20): Promise<{ url: URL; status: number; body: string }> {
    let url = new URL(start);
    let init: RequestInit = { method: 'GET' };
    for (let i = 0; i < steps; i++) {
      const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers ?? {}), cookie: this.cookieFor(url) } });
      this.store(url, res);
      const location = res.headers.get('location');
      if (location) {
        url = new URL(location, url);
        init = { method: 'GET' };
        continue;
      }
      const body = await res.text();
      const form = /<form[^>]*action="([^"]+)"[^>]*method="post"/i.exec(body);
      if (!form || !url.pathname.startsWith('/interaction/')) return { url, status: res.status, body };
      const fields = new URLSearchParams();
      for (const [tag] of body.matchAll(/<input[^>]*>/gi)) {
        const name = /name="([^"]+)"/.exec(tag)?.[1];
        if (name) fields.set(name, /value="([^"]*)"/.exec(tag)?.[1] ?? '');
      }
      if (fields.has('login')) fields.set('login', 'kommune-account');
      if (fields.has('password')) fields.set('password', 'anything');
      url = new URL(form[1]!, url);
      init = { method: 'POST', body: fields.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    }
    throw new Error('too many steps');
  }
}

describe('single sign-on through OpenID Connect (against a real provider)', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let server: ReturnType<Provider['listen']>;
  let claims: Record<string, unknown>;

  beforeAll(async () => {
    const [appPort, idpPort] = [await freePort(), await freePort()];
    const appUrl = `http://127.0.0.1:${appPort}`;
    const issuer = `http://127.0.0.1:${idpPort}`;
    claims = { email: 'Sso.Person@Landkreis.example', email_verified: true, name: 'Sina Sso' };
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'verbund',
          client_secret: 'test-secret',
          redirect_uris: [`${appUrl}/auth/sso/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      findAccount: async (_ctx: unknown, id: string) => ({ accountId: id, claims: async () => ({ sub: id, ...claims }) }),
      features: { devInteractions: { enabled: true } },
    });
    server = provider.listen(idpPort);
    t = await startTestApp({
      PORT: String(appPort),
      PUBLIC_URL: appUrl,
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: 'verbund',
      OIDC_CLIENT_SECRET: 'test-secret',
      OIDC_LABEL: 'Landkreis-Konto',
    });
    prisma = new PrismaService(t.db.url);
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await t?.close();
    server?.close();
  });

  it('announces the sign-on button', async () => {
    expect((await t.graphql<{ appInfo: { ssoLabel: string } }>('{ appInfo { ssoLabel } }')).data!.appInfo.ssoLabel).toBe('Landkreis-Konto');
  });

  it('signs a person in through the provider, creating a verified account on first use', async () => {
    const browser = new Browser();
    const end = await browser.go(`${t.url}/auth/sso/login?weiter=/kommunen/14729`);
    expect(end.url.pathname).toBe('/kommunen/14729');
    const cookie = browser.cookieFor(new URL(t.url));
    const me = await t.client(cookie).graphql<{ me: { email: string; name: string } }>('{ me { email name } }');
    expect(me.data!.me).toEqual({ email: 'sso.person@landkreis.example', name: 'Sina Sso' });
    expect((await prisma.user.findUniqueOrThrow({ where: { email: 'sso.person@landkreis.example' } })).emailVerifiedAt).not.toBeNull();
    expect(await prisma.auditEvent.count({ where: { type: 'LOGIN', data: { equals: { via: 'sso' } } } })).toBe(1);
  });

  it('refuses a provider answer without a verified email, and a callback without a sign-on in progress', async () => {
    claims = { email: 'unverified@landkreis.example', email_verified: false, name: 'Uwe Unverified' };
    const end = await new Browser().go(`${t.url}/auth/sso/login`);
    expect(`${end.url.pathname}${end.url.search}`).toBe('/anmelden?sso=fehler');
    expect(await prisma.user.findUnique({ where: { email: 'unverified@landkreis.example' } })).toBeNull();
    const forged = await new Browser().go(`${t.url}/auth/sso/callback?code=made-up&state=made-up`);
    expect(`${forged.url.pathname}${forged.url.search}`).toBe('/anmelden?sso=fehler');
  });

  it.each(['//evil.example/', '/%09/evil.example', '/\\evil.example', 'https://evil.example/'])(
    'does not redirect anywhere but this site (weiter=%s)',
    async (next) => {
      claims = { email: 'sso.person@landkreis.example', email_verified: true, name: 'Sina Sso' };
      const end = await new Browser().go(`${t.url}/auth/sso/login?weiter=${next}`);
      expect(end.url.host).toBe(new URL(t.url).host);
    },
  );

  it('takes an unconfirmed registration of the address away from whoever made it', async () => {
    const attacker = 'Angreifer-Passwort-2026';
    const registered = await t.graphql('mutation ($i: RegisterInput!) { register(input: $i) }', {
      i: { name: 'Mallory', email: 'opfer@landkreis.example', password: attacker },
    });
    expect(registered.errors).toBeUndefined();
    // The attacker's password is right until the sign-on: the login only wants the address confirmed.
    const before = await t.graphql('mutation ($i: LoginInput!) { login(input: $i) { id } }', { i: { email: 'opfer@landkreis.example', password: attacker } });
    expect(before.errors![0]!.extensions.code).toBe('FORBIDDEN');
    claims = { email: 'opfer@landkreis.example', email_verified: true, name: 'Olga Opfer' };
    const end = await new Browser().go(`${t.url}/auth/sso/login`);
    expect(end.url.pathname).toBe('/');
    const login = await t.graphql('mutation ($i: LoginInput!) { login(input: $i) { id } }', { i: { email: 'opfer@landkreis.example', password: attacker } });
    expect(login.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a provider that does not say the address is verified', async () => {
    claims = { email: 'vielleicht@landkreis.example', name: 'Vera Vielleicht' };
    const end = await new Browser().go(`${t.url}/auth/sso/login`);
    expect(`${end.url.pathname}${end.url.search}`).toBe('/anmelden?sso=fehler');
  });
});
