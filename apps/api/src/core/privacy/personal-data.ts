import { Global, Injectable, Module } from '@nestjs/common';
import type { Prisma, User } from '../../generated/prisma/client.js';

export type Contributions = 'DELETE' | 'ANONYMISE';

/** How one domain exports and erases what it stores about a person (GDPR Art. 15/20 and 17). */
export interface PersonalData {
  /** The domain's part of the export document. */
  key: string;
  export(db: Prisma.TransactionClient, user: User): Promise<unknown>;
  /**
   * Runs inside the deletion's transaction, before the person's row goes (whatever references it with a cascade
   * goes with it). Answers storage keys of files to remove once the transaction has committed.
   */
  erase?(tx: Prisma.TransactionClient, user: User, contributions: Contributions): Promise<string[] | void>;
}

/** Every domain registers its personal data here; the privacy service composes export and erasure from it. */
@Injectable()
export class PersonalDataRegistry {
  private readonly parts: PersonalData[] = [];

  register(part: PersonalData): void {
    if (this.parts.some((p) => p.key === part.key)) throw new Error(`personal data "${part.key}" registered twice`);
    this.parts.push(part);
  }

  all(): readonly PersonalData[] {
    return this.parts;
  }
}

@Global()
@Module({ providers: [PersonalDataRegistry], exports: [PersonalDataRegistry] })
export class PersonalDataModule {}
