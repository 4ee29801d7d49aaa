import { Injectable } from '@nestjs/common';
import type { Concept, Prisma, User } from '../generated/prisma/client.js';
import { ViewerScopeService, type ViewerScope } from '../core/access/viewer-scope.service.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { forbidden, notFound } from '../core/errors/app-error.js';
import { isUuid } from '../core/validation/ids.js';
import { canEdit, visibleConcepts } from './concept-access.js';

export const GONE = 'Dieses Konzept gibt es nicht, oder es ist (noch) nicht veröffentlicht.';

/** Every change to a concept goes through here: one writer at a time, and only its drafters. */
@Injectable()
export class ConceptDrafting {
  constructor(
    private readonly prisma: PrismaService,
    private readonly scopes: ViewerScopeService,
  ) {}

  /**
   * Runs `work` with the concept row locked and the caller confirmed as one of its drafters in the same
   * transaction. Those who may see it but not draft it get FORBIDDEN, others NOT_FOUND.
   */
  async asDrafter<T>(user: User, conceptId: string, work: (tx: Prisma.TransactionClient, concept: Concept) => Promise<T>): Promise<T> {
    const scope = await this.scopes.requireConfirmed(user);
    if (!isUuid(conceptId)) throw notFound(GONE);
    return this.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Concept" WHERE id = ${conceptId}::uuid FOR UPDATE`;
      if (!row) throw notFound(GONE);
      const result = await work(tx, await this.drafted(tx, scope, conceptId));
      await tx.concept.update({ where: { id: conceptId }, data: { updatedAt: new Date() } });
      return result;
    });
  }

  /** What only drafters read (comments, upstream changes), as `asDrafter` checks it: no lock, and no change. */
  async readAsDrafter<T>(user: User, conceptId: string, read: (db: Prisma.TransactionClient, concept: Concept) => Promise<T>): Promise<T> {
    const scope = await this.scopes.requireConfirmed(user);
    if (!isUuid(conceptId)) throw notFound(GONE);
    return read(this.prisma, await this.drafted(this.prisma, scope, conceptId));
  }

  private async drafted(db: Prisma.TransactionClient, scope: ViewerScope, conceptId: string): Promise<Concept> {
    const concept = await db.concept.findFirst({ where: { AND: [{ id: conceptId }, visibleConcepts(scope)] } });
    if (!concept) throw notFound(GONE);
    if (!canEdit(scope, concept)) throw forbidden('Dieses Konzept bearbeiten die Mitglieder seiner Trägerin.');
    return concept;
  }
}
