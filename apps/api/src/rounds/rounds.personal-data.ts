import { Injectable } from '@nestjs/common';
import { PersonalDataRegistry } from '../core/privacy/personal-data.js';

/**
 * Rounds' part of a person's data: what they registered for and the secret of their calendar feed. Series they
 * created stay with the host (the foreign key sets the creator to null); registrations and reminders go.
 */
@Injectable()
export class RoundsPersonalData {
  constructor(registry: PersonalDataRegistry) {
    registry.register({
      key: 'rounds',
      export: async (db, user) => ({
        created: await db.roundSeries.findMany({ where: { createdById: user.id }, select: { title: true, createdAt: true } }),
        registrations: await db.roundRegistration.findMany({
          where: { userId: user.id },
          select: { status: true, createdAt: true, round: { select: { startsAt: true, series: { select: { title: true } } } } },
        }),
        wholeSeries: await db.roundSeriesRegistration.findMany({
          where: { userId: user.id },
          select: { createdAt: true, series: { select: { title: true } } },
        }),
        agendaProposals: await db.roundAgendaItem.findMany({ where: { proposedById: user.id }, select: { title: true, note: true, createdAt: true } }),
        calendarFeed: user.calendarToken ? 'eingerichtet (die geheime Adresse steht nicht im Export)' : null,
      }),
      // Agenda proposals stay with their date, without a name (the foreign key sets it to null).
      erase: async (tx, user) => {
        await tx.roundRegistration.deleteMany({ where: { userId: user.id } });
        await tx.roundSeriesRegistration.deleteMany({ where: { userId: user.id } });
        await tx.roundReminder.deleteMany({ where: { userId: user.id } });
        await tx.roundAgendaVote.deleteMany({ where: { userId: user.id } });
        await tx.user.update({ where: { id: user.id }, data: { calendarToken: null } });
      },
    });
  }
}
