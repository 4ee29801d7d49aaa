import { Injectable } from '@nestjs/common';
import type { User } from '../generated/prisma/client.js';
import { ViewerScopeService, type ViewerScope } from '../core/access/viewer-scope.service.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { badUserInput, forbidden, notFound } from '../core/errors/app-error.js';
import { isUuid } from '../core/validation/ids.js';
import type { AcceptAgendaItemInput, ProposeAgendaItemInput } from './dto/round.inputs.js';
import type { Round } from './models/round.model.js';
import { RoundAudienceRules } from './round-audience.js';
import { RoundsService } from './rounds.service.js';

const MAX_ITEMS = 50;
const HTML = /<\s*[a-z!/?]/i;

/** Agenda collection before a date: participants propose and upvote, hosts accept and order. */
@Injectable()
export class RoundAgendaService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly scopes: ViewerScopeService,
    private readonly rounds: RoundsService,
    private readonly audience: RoundAudienceRules,
  ) {}

  async propose(user: User, input: ProposeAgendaItemInput): Promise<Round> {
    const scope = await this.scopes.requireConfirmed(user);
    const round = await this.rounds.visible(scope, input.roundId);
    const title = input.title.trim();
    const note = (input.note ?? '').trim();
    if (title.length < 3 || title.length > 200) throw badUserInput('Der Punkt braucht 3 bis 200 Zeichen.', { field: 'title', limit: 200 });
    if (note.length > 1000) throw badUserInput('Höchstens 1000 Zeichen.', { field: 'note', limit: 1000 });
    if (HTML.test(title) || HTML.test(note)) throw badUserInput('Bitte ohne HTML.', { field: HTML.test(title) ? 'title' : 'note' });
    await this.requireParticipant(user.id, scope, round);
    assertAhead(round);
    await this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Round" WHERE id = ${round.id}::uuid FOR UPDATE`;
      if ((await tx.roundAgendaItem.count({ where: { roundId: round.id } })) >= MAX_ITEMS) {
        throw badUserInput(`Höchstens ${MAX_ITEMS} Punkte je Termin.`, { field: 'title', limit: MAX_ITEMS });
      }
      await tx.roundAgendaItem.create({ data: { roundId: round.id, proposedById: user.id, title, note } });
    });
    return this.rounds.get(user, round.id);
  }

  /** A vote, or taking it back. */
  async vote(user: User, itemId: string): Promise<Round> {
    const scope = await this.scopes.requireConfirmed(user);
    const item = await this.item(itemId);
    const round = await this.rounds.visible(scope, item.roundId);
    await this.requireParticipant(user.id, scope, round);
    assertAhead(round);
    // deleteMany and skipDuplicates: a double click takes back or votes once, never an error.
    const where = { itemId: item.id, userId: user.id };
    if ((await this.prisma.roundAgendaVote.deleteMany({ where })).count === 0) {
      await this.prisma.roundAgendaVote.createMany({ data: [where], skipDuplicates: true });
    }
    return this.rounds.get(user, item.roundId);
  }

  async accept(user: User, input: AcceptAgendaItemInput): Promise<Round> {
    const scope = await this.scopes.requireConfirmed(user);
    const item = await this.item(input.itemId);
    const round = await this.rounds.visible(scope, item.roundId);
    if (!this.audience.hosts(scope, round.series)) throw forbidden('Die Tagesordnung legen die Gastgeberinnen fest.');
    assertAhead(round);
    await this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Round" WHERE id = ${round.id}::uuid FOR UPDATE`;
      const accepted = (
        await tx.roundAgendaItem.findMany({
          where: { roundId: round.id, status: 'ACCEPTED', id: { not: item.id } },
          orderBy: { position: 'asc' },
          select: { id: true },
        })
      ).map((i) => i.id);
      const at = Math.min(Math.max(input.position, 0), accepted.length);
      const order = [...accepted.slice(0, at), item.id, ...accepted.slice(at)];
      for (const [position, id] of order.entries()) await tx.roundAgendaItem.update({ where: { id }, data: { status: 'ACCEPTED', position } });
    });
    return this.rounds.get(user, round.id);
  }

  /** The agenda is made by those who take part: the registered (also waiting) and the hosts. */
  private async requireParticipant(userId: string, scope: ViewerScope, round: Awaited<ReturnType<RoundsService['visible']>>): Promise<void> {
    const registered = await this.prisma.roundRegistration.count({ where: { roundId: round.id, userId } });
    if (!registered && !this.audience.hosts(scope, round.series)) throw forbidden('Die Tagesordnung gestalten Angemeldete und Gastgeberinnen.');
  }

  private async item(itemId: string) {
    const item = isUuid(itemId) ? await this.prisma.roundAgendaItem.findUnique({ where: { id: itemId } }) : null;
    if (!item) throw notFound('Diesen Punkt gibt es nicht.');
    return item;
  }
}

/** A past date's agenda is what was discussed: it stays as it was. */
function assertAhead(round: { endsAt: Date }): void {
  if (round.endsAt.getTime() < Date.now()) throw badUserInput('Dieser Termin ist vorbei.', { field: 'roundId' });
}
