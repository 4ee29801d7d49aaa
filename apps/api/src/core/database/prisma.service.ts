import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/prisma/client.js';

/** The one Prisma client of the process. Only services use it; resolvers never do. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  /**
   * `statementTimeoutMs` bounds every statement of the API's requests; tools that import in bulk leave it unset.
   * Prisma's defaults (2 s to get a connection, 5 s per transaction) fail short transactions on a busy two-core
   * host; the statement timeout, not the transaction's, is what stops a runaway query.
   */
  constructor(databaseUrl: string, options: { statementTimeoutMs?: number } = {}) {
    super({
      adapter: new PrismaPg({ connectionString: databaseUrl, max: 10, statement_timeout: options.statementTimeoutMs }),
      transactionOptions: { maxWait: 10_000, timeout: 15_000 },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
