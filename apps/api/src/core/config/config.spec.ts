import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('uses defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.env).toBe('development');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.demoData).toBe(true);
    expect(config.embeddedDbDir).toMatch(/\.data\/postgres$/);
  });

  it('refuses a non-numeric PORT with one line naming the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/^invalid configuration: PORT="abc": [^\n]+$/);
  });

  it('refuses a DATABASE_URL that is not PostgreSQL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  const PRODUCTION = {
    NODE_ENV: 'production',
    DATABASE_URL: 'postgresql://verbund:geheim@db/verbund',
    SMTP_URL: 'smtp://mail.example:587',
    PUBLIC_URL: 'https://verbund.example',
  };

  it('turns demo data off in production unless asked for', () => {
    expect(loadConfig(PRODUCTION).demoData).toBe(false);
    expect(loadConfig({ ...PRODUCTION, DEMO_DATA: 'true' }).demoData).toBe(true);
  });

  it.each(['DATABASE_URL', 'SMTP_URL', 'PUBLIC_URL'] as const)('refuses a production start without %s, with one line naming it', (key) => {
    const env: Record<string, string> = { ...PRODUCTION };
    delete env[key];
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^missing configuration: ${key} is required with NODE_ENV=production \\([^\\n]+\\)$`));
  });

  it('names every missing production variable, one line each', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL[^\n]*\n[^\n]*SMTP_URL[^\n]*\n[^\n]*PUBLIC_URL/);
  });

  it('never prints a secret when it refuses a value', () => {
    const refused = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refused({ DATABASE_URL: 'mysql://verbund:streng-geheim@db/verbund' })).not.toContain('streng-geheim');
    expect(refused({ SMTP_URL: 'http://user:streng-geheim@mail' })).not.toContain('streng-geheim');
    expect(refused({ SMTP_URL: 'user:streng-geheim@mail' })).not.toContain('streng-geheim');
    expect(refused({ REDIS_URL: 'memcached://:streng-geheim@r' })).not.toContain('streng-geheim');
    expect(refused({ DATABASE_URL: 'mysql://verbund:streng-geheim@db/verbund' })).toContain('DATABASE_URL=');
  });

  it('reads TRUST_PROXY as a flag, a hop count or addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    const oneHop = loadConfig({ TRUST_PROXY: '1' }).trustProxy as (address: string, hop: number) => boolean;
    expect([oneHop('10.0.0.1', 0), oneHop('10.0.0.2', 1)]).toEqual([true, false]);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toBe('10.0.0.0/8');
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });

  it('refuses an unknown NODE_ENV', () => {
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
  });
});
