import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client.js';
import { JobsService } from '../jobs/jobs.service.js';

export const ACCESS_LOST_JOB = 'access.lost';
type Withdraw = (userId: string) => Promise<void>;

/**
 * What a person took up while they belonged somewhere (a place at a group's round, a registration for its event)
 * ends when they no longer may see it. Each domain registers how it withdraws that; whoever ends a membership
 * calls `lost` inside its transaction. A job does the withdrawing once the change commits, and tries again if a
 * domain fails, so that nothing keeps reminding a person of a group they left.
 */
@Injectable()
export class AccessLost {
  private readonly withdrawals = new Map<string, Withdraw>();

  constructor(private readonly jobs: JobsService) {
    jobs.define<{ userId: string }>({ name: ACCESS_LOST_JOB, handler: ({ userId }) => this.withdraw(userId) });
  }

  /** Each domain once; `withdraw` is asked again after a failure, so it must be safe to repeat. */
  onLost(domain: string, withdraw: Withdraw): void {
    if (this.withdrawals.has(domain)) throw new Error(`access withdrawal for ${domain} registered twice`);
    this.withdrawals.set(domain, withdraw);
  }

  async lost(tx: Prisma.TransactionClient, userId: string): Promise<void> {
    await this.jobs.send(ACCESS_LOST_JOB, { userId }, { tx });
  }

  async withdraw(userId: string): Promise<void> {
    for (const withdraw of this.withdrawals.values()) await withdraw(userId);
  }
}
