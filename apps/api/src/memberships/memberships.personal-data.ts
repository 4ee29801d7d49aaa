import { Injectable } from '@nestjs/common';
import { PersonalDataRegistry } from '../core/privacy/personal-data.js';

/** Memberships' part of a person's data; the rows go with the account (cascade). */
@Injectable()
export class MembershipsPersonalData {
  constructor(registry: PersonalDataRegistry) {
    registry.register({
      key: 'memberships',
      export: (db, user) =>
        db.membership.findMany({
          where: { userId: user.id },
          select: {
            role: true,
            status: true,
            function: true,
            topics: true,
            requestedAt: true,
            decidedAt: true,
            organization: { select: { name: true, kind: true } },
          },
        }),
    });
  }
}
