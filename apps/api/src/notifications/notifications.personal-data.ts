import { Injectable } from '@nestjs/common';
import { PersonalDataRegistry } from '../core/privacy/personal-data.js';

/** Notifications' part of a person's data; rows and preferences go with the account (cascade). */
@Injectable()
export class NotificationsPersonalData {
  constructor(registry: PersonalDataRegistry) {
    registry.register({
      key: 'notifications',
      export: async (db, user) => ({
        received: await db.notification.findMany({
          where: { userId: user.id },
          select: { kind: true, channel: true, subjectType: true, createdAt: true, readAt: true, mailedAt: true },
          orderBy: { createdAt: 'asc' },
        }),
        preferences: await db.notificationPreference.findMany({ where: { userId: user.id }, select: { kind: true, channel: true } }),
      }),
    });
  }
}
