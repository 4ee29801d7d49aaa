import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const here = path.dirname(fileURLToPath(import.meta.url));
/** apps/api: the same whether running from src (tests) or dist (start). */
const apiRoot = path.resolve(here, '..', '..', '..');
const repoRoot = path.resolve(apiRoot, '..', '..');

/** The official municipality bundle the repository carries (data/municipalities, see its README). */
export const BUNDLED_DATA_DIR = path.join(repoRoot, 'data', 'municipalities');

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  VERBUND_DB_DIR: z
    .string()
    .min(1)
    .default(path.join(repoRoot, '.data', 'postgres')),
  VERBUND_DATA_DIR: z.string().min(1).default(BUNDLED_DATA_DIR),
  VERBUND_MIGRATIONS_DIR: z
    .string()
    .min(1)
    .default(path.join(repoRoot, 'prisma', 'migrations')),
  VERBUND_WEB_DIR: z
    .string()
    .min(1)
    .default(path.join(repoRoot, 'apps', 'web', 'dist')),
  DEMO_DATA: bool.optional(),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Verbund <no-reply@verbund.invalid>'),
  VERBUND_MAIL_DIR: z
    .string()
    .min(1)
    .default(path.join(repoRoot, '.data', 'mail')),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_LABEL: z.string().min(1).default('Single Sign-on'),
  LOGIN_LIMIT_PER_ACCOUNT: positiveInt(5),
  LOGIN_LIMIT_PER_IP: positiveInt(20),
  LOGIN_LIMIT_PER_ACCOUNT_TOTAL: positiveInt(50),
  MAIL_LIMIT_PER_IP: positiveInt(10),
  MAIL_LIMIT_PER_ADDRESS: positiveInt(3),
  CHAT_LIMIT_PER_10S: positiveInt(10),
  SOCKET_EVENTS_PER_SECOND: positiveInt(40),
  SESSION_IDLE_MINUTES: positiveInt(120),
  SESSION_ABSOLUTE_HOURS: positiveInt(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: positiveInt(1_048_576),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d+|[\d.:/a-fA-F, ]+)$/, 'must be true, false, a hop count or addresses/CIDRs')
    .optional(),
  GRAPHQL_MAX_DEPTH: positiveInt(12),
  GRAPHQL_MAX_COST: positiveInt(20_000),
  GRAPHQL_MAX_NODES: positiveInt(5_000),
  GRAPHQL_LIST_ESTIMATE: positiveInt(20),
  DB_STATEMENT_TIMEOUT_MS: positiveInt(10_000),
  GRAPHQL_MAX_ALIASES: positiveInt(15),
  GRAPHQL_MAX_TOKENS: positiveInt(3000),
  VERBUND_FILES_DIR: z
    .string()
    .min(1)
    .default(path.join(repoRoot, '.data', 'files')),
  UPLOAD_LIMIT_BYTES: positiveInt(25 * 1024 * 1024),
  UPLOAD_STAGING_PER_PERSON_BYTES: positiveInt(100 * 1024 * 1024),
  UPLOAD_STAGING_TOTAL_BYTES: positiveInt(2 * 1024 * 1024 * 1024),
  UPLOAD_PER_PERSON_DAY_BYTES: positiveInt(500 * 1024 * 1024),
  EXTRACTION_CONCURRENCY: positiveInt(2),
  EXTRACTION_ADDRESS_SPACE_MB: positiveInt(1536),
  S3_BUCKET: z.string().min(3).optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().min(1).default('eu-central-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool.optional(),
  VERBUND_ROLE: z.enum(['api', 'worker', 'all']).default('all'),
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).default(2),
  MAIL_RETRY_LIMIT: positiveInt(12),
  MAIL_RETRY_DELAY_SECONDS: positiveInt(30),
  DIGEST_CRON: z.string().min(9).default('0 7 * * *'),
});

export type Role = 'api' | 'worker' | 'all';

export type Environment = 'development' | 'production' | 'test';

export interface AppConfig {
  env: Environment;
  production: boolean;
  host: string;
  port: number;
  /** Unset: an embedded PostgreSQL is started with data in `embeddedDbDir`. */
  databaseUrl?: string;
  embeddedDbDir: string;
  /** Set when more than one API process serves the same users (socket.io Redis adapter). */
  redisUrl?: string;
  municipalityDataDir: string;
  migrationsDir: string;
  webDir: string;
  demoData: boolean;
  /** Base of links in mails. */
  publicUrl: string;
  mail: { smtpUrl?: string; from: string; outboxDir: string };
  session: { idleMs: number; absoluteMs: number; cookieName: string; secureCookie: boolean };
  /**
   * Password checks allowed per 15 minutes before a 15-minute block: per account from one IP, per IP, and per
   * account from IPs the person never signed in from (ADR 0008).
   */
  loginLimits: { account: number; ip: number; accountTotal: number };
  /** Chat messages one person may send to one room in 10 seconds. */
  chatLimit: number;
  /** Events one socket may send per second on average, with bursts of five seconds' worth (typing, cursors). */
  socketEventsPerSecond: number;
  /** Mails to caller-named addresses (registration, reset, email change, invitation) per hour, per IP and per address. */
  mailLimits: { ip: number; address: number };
  /** Single sign-on through OpenID Connect (e.g. a municipality's Keycloak), when configured. */
  oidc?: { issuer: string; clientId: string; clientSecret: string; label: string };
  logLevel: string;
  bodyLimitBytes: number;
  /** Fastify's trustProxy: which proxies may set X-Forwarded-For (client IPs for throttling and the audit log). */
  trustProxy: boolean | string | ((address: string, hop: number) => boolean);
  /**
   * Limits on every operation. Cost and nodes use the page size each list really gets (literal, variable or
   * default); a list without `first` counts as `listEstimate` items.
   */
  graphql: { maxDepth: number; maxCost: number; maxNodes: number; listEstimate: number; maxAliases: number; maxTokens: number };
  /** Longest a single SQL statement of a request may run before PostgreSQL cancels it. */
  statementTimeoutMs: number;
  /** `api` answers requests, `worker` runs background jobs, `all` (the default) does both in one process. */
  role: Role;
  /**
   * Background jobs (pg-boss in the same PostgreSQL): how often an idle worker looks for due jobs (new jobs wake it
   * at once), how often and how far apart a mail is tried again (backoff doubles up to 15 minutes: 12 tries span
   * about two hours), and when the daily digest goes out (cron, Europe/Berlin).
   */
  jobs: { pollSeconds: number; mailRetryLimit: number; mailRetryDelaySeconds: number; digestCron: string };
  /** Material files: a local directory, or S3-compatible object storage when a bucket is configured. */
  files: {
    dir: string;
    uploadLimitBytes: number;
    /** Bytes of uploads not yet part of a material, per person and in all; a full staging area refuses more. */
    staging: { perPersonBytes: number; totalBytes: number };
    /** Bytes one person may upload in 24 hours, kept or not: versions stay for good, so they count too. */
    perPersonDayBytes: number;
    /** Text extraction: children at once per process, and each child's address space. */
    extraction: { concurrency: number; addressSpaceMb: number };
    s3?: S3Config;
  };
}

export interface S3Config {
  bucket: string;
  endpoint?: string;
  region: string;
  /** Unset: the AWS SDK's default chain (environment, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle: boolean;
}

export class ConfigError extends Error {}

/** Without these a production start would half-work: mails lost, links wrong, data inside a container layer. */
const REQUIRED_IN_PRODUCTION = [
  ['DATABASE_URL', 'the embedded database is for development; production data belongs on a managed PostgreSQL'],
  ['SMTP_URL', 'confirmation and reset mails must reach people'],
  ['PUBLIC_URL', 'links in mails must point at the public address'],
] as const;

const SECRET_KEYS = /PASSWORD|SECRET|TOKEN|KEY_ID/;

/** A refused value as it may appear in a log: URLs without their password, secrets not at all. */
function shown(key: string, value: string): string {
  if (SECRET_KEYS.test(key)) return '(hidden)';
  if (/_URL$/.test(key)) {
    try {
      const url = new URL(value);
      if (!url.host) throw new TypeError('no host');
      if (url.password) url.password = '***';
      return JSON.stringify(url.toString());
    } catch {
      return '(hidden: not a URL, and it may hold a password)';
    }
  }
  return JSON.stringify(value);
}

/** Validates the environment; the error message is one line naming the variable at fault. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0]);
    throw new ConfigError(`invalid configuration: ${key}=${shown(key, env[key] ?? '')}: ${issue.message}`);
  }
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  if (production) {
    const missing = REQUIRED_IN_PRODUCTION.filter(([key]) => !c[key]);
    if (missing.length)
      throw new ConfigError(missing.map(([key, why]) => `missing configuration: ${key} is required with NODE_ENV=production (${why})`).join('\n'));
  }
  return {
    env: c.NODE_ENV,
    production,
    host: c.HOST,
    port: c.PORT,
    databaseUrl: c.DATABASE_URL,
    embeddedDbDir: path.resolve(c.VERBUND_DB_DIR),
    redisUrl: c.REDIS_URL,
    municipalityDataDir: path.resolve(c.VERBUND_DATA_DIR),
    migrationsDir: path.resolve(c.VERBUND_MIGRATIONS_DIR),
    webDir: path.resolve(c.VERBUND_WEB_DIR),
    demoData: c.DEMO_DATA ?? !production,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    mail: { smtpUrl: c.SMTP_URL, from: c.MAIL_FROM, outboxDir: path.resolve(c.VERBUND_MAIL_DIR) },
    loginLimits: { account: c.LOGIN_LIMIT_PER_ACCOUNT, ip: c.LOGIN_LIMIT_PER_IP, accountTotal: c.LOGIN_LIMIT_PER_ACCOUNT_TOTAL },
    mailLimits: { ip: c.MAIL_LIMIT_PER_IP, address: c.MAIL_LIMIT_PER_ADDRESS },
    chatLimit: c.CHAT_LIMIT_PER_10S,
    socketEventsPerSecond: c.SOCKET_EVENTS_PER_SECOND,
    oidc:
      c.OIDC_ISSUER && c.OIDC_CLIENT_ID && c.OIDC_CLIENT_SECRET
        ? { issuer: c.OIDC_ISSUER, clientId: c.OIDC_CLIENT_ID, clientSecret: c.OIDC_CLIENT_SECRET, label: c.OIDC_LABEL }
        : undefined,
    session: {
      idleMs: c.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: c.SESSION_ABSOLUTE_HOURS * 3_600_000,
      // __Host- cookies must be Secure, host-only and path=/: the strictest binding browsers offer.
      cookieName: production ? '__Host-verbund_session' : 'verbund_session',
      secureCookie: production,
    },
    logLevel: c.LOG_LEVEL,
    bodyLimitBytes: c.BODY_LIMIT_BYTES,
    statementTimeoutMs: c.DB_STATEMENT_TIMEOUT_MS,
    trustProxy: parseTrustProxy(c.TRUST_PROXY),
    graphql: {
      maxDepth: c.GRAPHQL_MAX_DEPTH,
      maxCost: c.GRAPHQL_MAX_COST,
      maxNodes: c.GRAPHQL_MAX_NODES,
      listEstimate: c.GRAPHQL_LIST_ESTIMATE,
      maxAliases: c.GRAPHQL_MAX_ALIASES,
      maxTokens: c.GRAPHQL_MAX_TOKENS,
    },
    role: c.VERBUND_ROLE,
    jobs: {
      pollSeconds: c.JOBS_POLL_SECONDS,
      mailRetryLimit: c.MAIL_RETRY_LIMIT,
      mailRetryDelaySeconds: c.MAIL_RETRY_DELAY_SECONDS,
      digestCron: c.DIGEST_CRON,
    },
    files: {
      dir: path.resolve(c.VERBUND_FILES_DIR),
      uploadLimitBytes: c.UPLOAD_LIMIT_BYTES,
      staging: { perPersonBytes: c.UPLOAD_STAGING_PER_PERSON_BYTES, totalBytes: c.UPLOAD_STAGING_TOTAL_BYTES },
      perPersonDayBytes: c.UPLOAD_PER_PERSON_DAY_BYTES,
      extraction: { concurrency: c.EXTRACTION_CONCURRENCY, addressSpaceMb: c.EXTRACTION_ADDRESS_SPACE_MB },
      s3: c.S3_BUCKET
        ? {
            bucket: c.S3_BUCKET,
            endpoint: c.S3_ENDPOINT,
            region: c.S3_REGION,
            credentials:
              c.S3_ACCESS_KEY_ID && c.S3_SECRET_ACCESS_KEY ? { accessKeyId: c.S3_ACCESS_KEY_ID, secretAccessKey: c.S3_SECRET_ACCESS_KEY } : undefined,
            forcePathStyle: c.S3_FORCE_PATH_STYLE ?? Boolean(c.S3_ENDPOINT),
          }
        : undefined,
    },
  };
}

function parseTrustProxy(value: string | undefined): AppConfig['trustProxy'] {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (!/^\d+$/.test(value)) return value;
  // A hop count: trust that many proxies in front of the app.
  const hops = Number(value);
  return (_address: string, hop: number) => hop < hops;
}
