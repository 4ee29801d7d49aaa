import { Injectable } from '@nestjs/common';
import { PersonalDataRegistry } from '../core/privacy/personal-data.js';

/**
 * Concepts' part of a person's data. Concepts belong to their group or organisation and stay; the person's name
 * leaves what they created, published or decided (the foreign keys set it to null).
 */
@Injectable()
export class ConceptsPersonalData {
  constructor(registry: PersonalDataRegistry) {
    registry.register({
      key: 'concepts',
      export: async (db, user) => ({
        created: await db.concept.findMany({ where: { createdById: user.id }, select: { title: true, createdAt: true } }),
        published: await db.conceptVersion.findMany({
          where: { publishedById: user.id },
          select: { number: true, note: true, publishedAt: true, concept: { select: { title: true } } },
        }),
        comments: await db.conceptComment.findMany({
          where: { authorId: user.id },
          select: { markdown: true, createdAt: true, concept: { select: { title: true } } },
        }),
        decisions: await db.conceptSectionDecision.findMany({
          where: { decidedById: user.id },
          select: { decision: true, upstreamVersion: true, decidedAt: true, concept: { select: { title: true } } },
        }),
      }),
      // DELETE removes the person's comments; ANONYMISE keeps them without a name (the foreign key sets it to null).
      erase: async (tx, user, contributions) => {
        if (contributions === 'DELETE') await tx.conceptComment.deleteMany({ where: { authorId: user.id } });
      },
    });
  }
}
