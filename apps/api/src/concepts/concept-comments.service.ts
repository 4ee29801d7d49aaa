import { Injectable } from '@nestjs/common';
import type { User } from '../generated/prisma/client.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { ACTIVE_CONFIRMED } from '../groups/active-member.js';
import { badUserInput, notFound } from '../core/errors/app-error.js';
import { renderMarkdown } from '../core/markdown/markdown.js';
import { isUuid } from '../core/validation/ids.js';
import { person } from '../groups/group.mapper.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ConceptDrafting } from './concept-drafting.js';
import type { ConceptComment } from './models/concept.model.js';

const MAX_BODY = 5_000;

/** Comments on sections, for a concept's drafters; mentioning a drafter with `@Name` notifies them. */
@Injectable()
export class ConceptCommentsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly drafting: ConceptDrafting,
    private readonly notifications: NotificationsService,
  ) {}

  /** Who drafts the concept: its group's active members, or its organisation's confirmed members. */
  private async drafters(conceptId: string) {
    const concept = await this.prisma.concept.findUniqueOrThrow({ where: { id: conceptId }, select: { groupId: true, organizationId: true } });
    const rows = concept.groupId
      ? await this.prisma.groupMember.findMany({
          where: { groupId: concept.groupId, ...ACTIVE_CONFIRMED },
          select: { user: { select: { id: true, name: true } } },
        })
      : await this.prisma.membership.findMany({
          where: { organizationId: concept.organizationId!, status: 'CONFIRMED' },
          select: { user: { select: { id: true, name: true } } },
        });
    return rows.map((r) => r.user);
  }

  async list(user: User, conceptId: string): Promise<ConceptComment[]> {
    const rows = await this.drafting.readAsDrafter(user, conceptId, (tx) =>
      tx.conceptComment.findMany({
        where: { conceptId },
        include: { author: { select: { id: true, name: true } }, resolvedBy: { select: { id: true, name: true } } },
        orderBy: { createdAt: 'asc' },
      }),
    );
    return rows.map((c) => ({
      id: c.id,
      sectionId: c.sectionId,
      author: person(c.author),
      html: c.html,
      createdAt: c.createdAt,
      resolvedAt: c.resolvedAt,
      resolvedBy: c.resolvedBy ? person(c.resolvedBy) : null,
    }));
  }

  async add(user: User, conceptId: string, sectionId: string, body: string): Promise<ConceptComment[]> {
    const markdown = body.trim();
    if (!markdown || markdown.length > MAX_BODY) throw badUserInput(`Bitte schreiben Sie 1 bis ${MAX_BODY} Zeichen.`, { field: 'body', limit: MAX_BODY });
    const mentionable = isUuid(conceptId) ? await this.drafters(conceptId).catch(() => []) : [];
    const { html, mentioned } = renderMarkdown(markdown, mentionable);
    await this.drafting.asDrafter(user, conceptId, async (tx) => {
      const section = isUuid(sectionId) ? await tx.conceptSection.findFirst({ where: { id: sectionId, conceptId, removedAt: null } }) : null;
      if (!section) throw notFound('Diesen Abschnitt gibt es in diesem Konzept nicht.');
      const comment = await tx.conceptComment.create({ data: { conceptId, sectionId, authorId: user.id, markdown, html } });
      await this.notifications.notify(tx, {
        recipients: mentioned,
        kind: 'CONCEPT_COMMENT_MENTION',
        subjectType: 'concept',
        subjectId: conceptId,
        payload: { actorId: user.id, conceptId, sectionId, commentId: comment.id },
      });
    });
    return this.list(user, conceptId);
  }

  async resolve(user: User, conceptId: string, commentId: string, resolved: boolean): Promise<ConceptComment[]> {
    await this.drafting.asDrafter(user, conceptId, async (tx) => {
      const changed = isUuid(commentId)
        ? await tx.conceptComment.updateMany({
            where: { id: commentId, conceptId },
            data: resolved ? { resolvedAt: new Date(), resolvedById: user.id } : { resolvedAt: null, resolvedById: null },
          })
        : { count: 0 };
      if (changed.count === 0) throw notFound('Diesen Kommentar gibt es nicht.');
    });
    return this.list(user, conceptId);
  }
}
