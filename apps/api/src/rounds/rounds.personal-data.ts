import { Injectable } from '@nestjs/common';
import { PersonalDataRegistry } from '../core/privacy/personal-data.js';
import { RoundsService } from './rounds.service.js';

/**
 * Rounds' part of a person's data: what they registered for, wrote in live rooms and voted, and the secret of
 * their calendar feed. Series they created stay with the host (the foreign key sets the creator to null);
 * registrations, reminders and votes go (places on coming dates to those waiting); chat messages are erased, keeping
 * their place in the room's order.
 */
@Injectable()
export class RoundsPersonalData {
  constructor(registry: PersonalDataRegistry, rounds: RoundsService) {
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
        chatMessages: await db.roundMessage.findMany({
          where: { authorId: user.id },
          select: { markdown: true, createdAt: true, round: { select: { startsAt: true, series: { select: { title: true } } } } },
        }),
        pollVotes: await db.roundPollVote.findMany({
          where: { userId: user.id },
          select: { choices: true, votedAt: true, poll: { select: { question: true, options: true } } },
        }),
        actionItems: await db.roundActionItem.findMany({ where: { createdById: user.id }, select: { who: true, what: true, due: true, createdAt: true } }),
        calendarFeed: user.calendarToken ? 'eingerichtet (die geheime Adresse steht nicht im Export)' : null,
      }),
      // Agenda proposals stay with their date, without a name (the foreign key sets it to null).
      erase: async (tx, user) => {
        await rounds.releasePlaces(tx, user.id);
        await tx.roundRegistration.deleteMany({ where: { userId: user.id } });
        await tx.roundSeriesRegistration.deleteMany({ where: { userId: user.id } });
        await tx.roundReminder.deleteMany({ where: { userId: user.id } });
        await tx.roundAgendaVote.deleteMany({ where: { userId: user.id } });
        await tx.roundPollVote.deleteMany({ where: { userId: user.id } });
        await tx.roundMessage.updateMany({
          where: { authorId: user.id },
          data: { markdown: '', html: '', hiddenAt: new Date(), hiddenReason: 'Konto gelöscht' },
        });
        await tx.user.update({ where: { id: user.id }, data: { calendarToken: null } });
      },
    });
  }
}
