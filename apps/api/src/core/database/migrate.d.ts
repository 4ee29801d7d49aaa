export interface Migration {
  name: string;
  script: string;
}
export class MigrationError extends Error {}
export function migrationChecksum(script: string): string;
export function readMigrations(dir: string): Migration[];
export function migrate(options: { databaseUrl: string; migrationsDir: string }): Promise<string[]>;
