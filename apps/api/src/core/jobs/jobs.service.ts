import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { fromPrisma, PgBoss, type Queue } from 'pg-boss';
import type { Prisma } from '../../generated/prisma/client.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { DATABASE_URL } from '../database/database.module.js';

export interface JobDefinition<T extends object> {
  /** Queue name, `<domain>.<what>`. */
  name: string;
  /** Throwing retries the job, as the queue's options say. */
  handler: (data: T) => Promise<void>;
  queue?: Omit<Queue, 'name' | 'notify'>;
  /** Cron in Europe/Berlin: pg-boss sends one job per occurrence for the whole cluster. */
  cron?: string;
}

export interface SendOptions {
  /** Inside this transaction: the job exists exactly when the transaction commits. */
  tx?: Prisma.TransactionClient;
  /** Not before this time. */
  startAfter?: Date;
  /** One pending job per key and queue. */
  singletonKey?: string;
}

/**
 * Background jobs in the same PostgreSQL (pg-boss, schema `pgboss`): they survive restarts, are retried with
 * backoff and run once across processes. Every process can send; only `worker` and `all` processes work them.
 * Domains define their jobs in their constructors; the queues are created and the workers started on bootstrap.
 */
@Injectable()
export class JobsService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  private readonly definitions = new Map<string, JobDefinition<object>>();
  private ready = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) databaseUrl: string,
  ) {
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      max: 4,
      application_name: `verbund-jobs-${config.role}`,
      // New jobs wake the workers at once; polling stays as the floor (and picks up retries).
      useListenNotify: true,
      schedule: this.works,
      supervise: this.works,
    });
    this.boss.on('error', (error: Error) => this.logger.error(`job queue: ${error.message}`));
  }

  get works(): boolean {
    return this.config.role !== 'api';
  }

  define<T extends object>(definition: JobDefinition<T>): void {
    if (this.ready) throw new Error(`job ${definition.name} defined after start`);
    if (this.definitions.has(definition.name)) throw new Error(`job ${definition.name} defined twice`);
    this.definitions.set(definition.name, definition as unknown as JobDefinition<object>);
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const definition of this.definitions.values()) {
      const existing = await this.boss.getQueue(definition.name);
      const options = { ...definition.queue, notify: true };
      if (existing) await this.boss.updateQueue(definition.name, options);
      else await this.boss.createQueue(definition.name, options);
    }
    this.ready = true;
    if (!this.works) return;
    for (const definition of this.definitions.values()) {
      await this.boss.work<object>(
        definition.name,
        { pollingIntervalSeconds: this.config.jobs.pollSeconds, notifyPollingIntervalSeconds: this.config.jobs.pollSeconds },
        async ([job]) => {
          try {
            await definition.handler(job!.data);
          } catch (error) {
            // The data may hold addresses and links with tokens: only the queue, the id and the reason are logged.
            this.logger.warn(
              `job ${definition.name} ${job!.id} failed (try ${job!.retryCount + 1}): ${error instanceof Error ? error.message : String(error)}`,
            );
            throw error;
          }
        },
      );
      if (definition.cron) await this.boss.schedule(definition.name, definition.cron, null, { tz: 'Europe/Berlin' });
      else await this.boss.unschedule(definition.name).catch(() => undefined);
    }
  }

  async send<T extends object>(name: string, data: T, options: SendOptions = {}): Promise<string | null> {
    if (!this.definitions.has(name)) throw new Error(`unknown job ${name}`);
    return this.boss.send(name, data, {
      ...(options.tx ? { db: fromPrisma(options.tx) } : {}),
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    });
  }

  /** Jobs of these queues not yet finished (waiting, running or to be retried), counted in one snapshot. */
  async pending(...names: string[]): Promise<number> {
    // pgboss.job is the parent of every queue's partition; the states before `completed` are the unfinished ones.
    const rows = await this.boss.getDb().executeSql(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ANY($1) AND state < 'completed'`, [names]);
    return (rows.rows[0] as { n: number }).n;
  }

  async onModuleDestroy(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 5_000 });
  }
}
