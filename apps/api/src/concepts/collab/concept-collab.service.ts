import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client.js';
import { ViewerScopeService } from '../../core/access/viewer-scope.service.js';
import { SharedDocs } from '../../core/collab/shared-docs.service.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { forbidden, notFound } from '../../core/errors/app-error.js';
import { canEdit } from '../concept-access.js';
import type { PmNode } from '../section-content.js';
import { SectionDocs } from './section-docs.js';

/** How long a confirmed right to draft holds before it is looked up again (typing sends several updates a second). */
const RIGHT_TTL_MS = 5_000;
/** A section's stored Yjs text: within it, its content stays under what a section may hold (`validDoc`, 200,000 bytes). */
const MAX_SECTION_BYTES = 192 * 1024;

interface Target {
  conceptId: string;
  sectionId: string;
}

/**
 * Drafting a concept together: each section is a shared document of the concept's room (see SharedDocs). Only a
 * drafter of the concept writes, looked up again every few seconds; rewrites from the server (take upstream,
 * demo data) reach the open editors like typing.
 */
@Injectable()
export class ConceptCollab implements OnModuleInit {
  private readonly rights = new Map<string, number>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly docs: SectionDocs,
    private readonly shared: SharedDocs,
    private readonly scopes: ViewerScopeService,
  ) {}

  onModuleInit(): void {
    this.shared.register('concept', {
      store: this.docs,
      maxBytes: MAX_SECTION_BYTES,
      authorize: (userId, conceptId, sectionId) => this.authorize(userId, conceptId, sectionId),
    });
  }

  async rewrite(tx: Prisma.TransactionClient, target: Target, content: PmNode): Promise<void> {
    const change = await this.docs.replace(tx, target.sectionId, content);
    if (change) await this.shared.announce(tx, { room: `concept:${target.conceptId}`, docId: target.sectionId }, change.update, change.id);
  }

  /** Writes the section's derived text now (publishing needs it current), in the caller's transaction; false if it cannot. */
  async materialize(tx: Prisma.TransactionClient, conceptId: string, sectionId: string): Promise<boolean> {
    return this.shared.materialize(tx, { room: `concept:${conceptId}`, docId: sectionId });
  }

  private async authorize(userId: string, conceptId: string, sectionId: string): Promise<void> {
    const key = `${userId}:${conceptId}:${sectionId}`;
    if ((this.rights.get(key) ?? 0) > Date.now()) return;
    const section = await this.prisma.conceptSection.findFirst({
      where: { id: sectionId, conceptId, removedAt: null },
      select: { concept: { select: { groupId: true, organizationId: true } } },
    });
    if (!section) throw notFound('Diesen Abschnitt gibt es in diesem Konzept nicht.');
    const user = await this.prisma.user.findUnique({ where: { id: userId } });
    if (!user || !canEdit(await this.scopes.of(user), section.concept)) throw forbidden('Dieses Konzept bearbeiten die Mitglieder seiner Trägerin.');
    if (this.rights.size > 10_000) this.rights.clear();
    this.rights.set(key, Date.now() + RIGHT_TTL_MS);
  }
}
