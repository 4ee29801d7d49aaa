import { Injectable } from '@nestjs/common';
import { PersonalDataRegistry } from '../core/privacy/personal-data.js';
import { EventsService } from './events.service.js';

/**
 * Events' part of a person's data: what they registered for and what they created. Created events stay with the
 * organiser (the creator is set to null); registrations go with the person, and their places to those waiting.
 */
@Injectable()
export class EventsPersonalData {
  constructor(registry: PersonalDataRegistry, events: EventsService) {
    registry.register({
      key: 'events',
      export: async (db, user) => ({
        created: await db.event.findMany({ where: { createdById: user.id }, select: { title: true, startsAt: true, createdAt: true } }),
        registrations: await db.eventRegistration.findMany({
          where: { userId: user.id },
          select: { status: true, createdAt: true, event: { select: { title: true, startsAt: true } } },
        }),
        offersCreated: await db.offer.findMany({ where: { createdById: user.id }, select: { title: true, createdAt: true } }),
      }),
      // The remaining registrations go with the account (the foreign key deletes them).
      erase: (tx, user) => events.releasePlaces(tx, user.id),
    });
  }
}
