import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

interface Service {
  image?: string;
  build?: unknown;
  ports?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  stop_grace_period?: string;
  networks?: Record<string, { ipv4_address?: string }> | string[];
}

/** Docker does not run on these machines: the files the operator runs are checked for what must hold. */
describe('the production stack (docker-compose.yml, Dockerfile, deploy/Caddyfile)', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service> };
  const services = compose.services;
  const replicas = Object.entries(services).filter(([name]) => name.startsWith('api-'));
  const dockerfile = read('Dockerfile');

  it('publishes only the proxy, on 80 and 443', () => {
    const published = Object.entries(services).filter(([, s]) => s.ports?.length);
    expect(published.map(([name, s]) => [name, s.ports])).toEqual([['proxy', ['80:80', '443:443']]]);
    expect(read('deploy/Caddyfile')).toMatch(/reverse_proxy \{\$VERBUND_UPSTREAMS:api-1:3000 api-2:3000\}/);
  });

  it('refuses to start without the settings production needs', () => {
    const text = read('docker-compose.yml');
    for (const name of ['POSTGRES_PASSWORD', 'PUBLIC_URL', 'SMTP_URL', 'VERBUND_HOST']) expect(text).toMatch(new RegExp(`\\$\\{${name}:\\?[^}]+\\}`));
    expect(text).not.toMatch(/change-me|:-http/);
  });

  it('runs two replicas of one image, built once, sharing the files volume, trusting only the proxy', () => {
    expect(replicas).toHaveLength(2);
    expect(new Set(replicas.map(([, s]) => s.image))).toEqual(new Set(['verbund:latest']));
    expect(replicas.filter(([, s]) => s.build)).toHaveLength(1);
    const proxyAddress = (services.proxy!.networks as Record<string, { ipv4_address?: string }>).internal!.ipv4_address;
    for (const [, s] of replicas) {
      expect(s.volumes).toContain('files:/var/lib/verbund/files');
      expect(s.environment!.TRUST_PROXY).toBe(proxyAddress);
      expect(s.environment!.NODE_ENV).toBe('production');
      // Longer than the app's own shutdown timer (10 s in main.ts), so that docker stop does not cut it short.
      expect(parseInt(s.stop_grace_period!, 10)).toBeGreaterThan(10);
    }
  });

  it('splits the roles: the replicas answer requests, one worker (not behind the proxy) works the job queue', () => {
    for (const [, s] of replicas) expect(s.environment!.VERBUND_ROLE).toBe('api');
    const workers = Object.entries(services).filter(([, s]) => s.environment?.VERBUND_ROLE === 'worker');
    expect(workers.map(([name]) => name)).toEqual(['worker']);
    const worker = services.worker!;
    expect(worker.image).toBe('verbund:latest');
    expect(worker.environment!.DATABASE_URL).toBe(replicas[0]![1].environment!.DATABASE_URL);
    expect(worker.volumes).toContain('files:/var/lib/verbund/files');
    expect(read('deploy/Caddyfile')).not.toMatch(/worker/);
  });

  it('builds an image on a supported Node that runs as an unprivileged user with a writable data folder', () => {
    const nodes = [...dockerfile.matchAll(/^FROM node:(\d+)/gm)].map((m) => Number(m[1]));
    expect(nodes.length).toBeGreaterThan(0);
    for (const major of nodes) expect(major).toBeGreaterThanOrEqual(22);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/chown -R node:node \/var\/lib\/verbund/);
    expect(dockerfile).toMatch(/VERBUND_FILES_DIR=\/var\/lib\/verbund\/files/);
    expect(dockerfile).toMatch(/npm ci --omit=dev --legacy-peer-deps --workspace @verbund\/api --workspace @verbund\/shared/);
    expect(dockerfile).toMatch(/COPY --from=runtime-deps \/app\/apps\/api\/node_modules apps\/api\/node_modules/);
    expect(dockerfile).toMatch(/COPY data\/municipalities data\/municipalities/);
    expect(dockerfile).toMatch(/find apps\/web\/dist -name '\*\.map' -delete/);
    expect(dockerfile).toMatch(/process\.env\.PORT/);
  });

  it('starts the app with the same runtime options in the image, `npm start` and the benchmark (ADR 0023)', () => {
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]!) as string[];
    expect(cmd).toEqual(['node', '--max-semi-space-size=32', 'apps/api/dist/main.js']);
    const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start!;
    expect(start).toMatch(/&& node --max-semi-space-size=32 apps\/api\/dist\/main\.js$/);
    expect(read('bench/lib.mjs')).toContain("PRODUCTION_NODE_ARGS = ['--max-semi-space-size=32']");
  });

  it('keeps secrets and test output out of the image', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['**/.env*', '**/coverage', '**/test-results', '**/playwright-report']) expect(ignored).toContain(entry);
  });
});
