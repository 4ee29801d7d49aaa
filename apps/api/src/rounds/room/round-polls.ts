import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { RoundPoll } from '@verbund/shared';
import type { Prisma } from '../../generated/prisma/client.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { badUserInput, conflict, notFound } from '../../core/errors/app-error.js';
import { RealtimeService } from '../../core/realtime/realtime.service.js';
import { plainText } from '../../core/validation/text.js';
import { roomName } from './room-state.js';

const TOPIC = 'round-poll';
const POLL_INCLUDE = { votes: { select: { choices: true, user: { select: { name: true } } } } } as const;
type PollRow = Prisma.RoundPollGetPayload<{ include: typeof POLL_INCLUDE }>;

export interface NewPoll {
  question: string;
  options: string[];
  multiple?: boolean | null;
  anonymous?: boolean | null;
}

/** Results as everyone in the room sees them; named polls also say who chose what. */
export function toPoll(row: PollRow): RoundPoll {
  return {
    id: row.id,
    question: row.question,
    options: row.options,
    multiple: row.multiple,
    anonymous: row.anonymous,
    open: !row.closedAt,
    counts: row.options.map((_, i) => row.votes.filter((v) => v.choices.includes(i)).length),
    voters: row.options.map((_, i) =>
      row.anonymous
        ? []
        : row.votes
            .filter((v) => v.choices.includes(i))
            .map((v) => v.user.name)
            .sort((a, b) => a.localeCompare(b, 'de')),
    ),
  };
}

/**
 * Polls in a round's live room: one vote per person, changeable until the poll closes; live results. A change is
 * announced by id after commit and each process reads the results it sends (named results can be long).
 */
@Injectable()
export class RoundPolls implements OnModuleInit {
  constructor(
    private readonly prisma: PrismaService,
    private readonly realtime: RealtimeService,
  ) {}

  onModuleInit(): void {
    this.realtime.subscribe(TOPIC, ({ pollId }: { pollId: string }) => {
      this.prisma.roundPoll
        .findUnique({ where: { id: pollId }, include: POLL_INCLUDE })
        .then((row) => {
          if (row) this.realtime.emitLocal(roomName(row.roundId), 'poll:update', { roundId: row.roundId, poll: toPoll(row) });
        })
        // Shutting down: the page reads the results again when it loads.
        .catch(() => undefined);
    });
  }

  async create(userId: string, roundId: string, input: NewPoll): Promise<RoundPoll> {
    const question = plainText(input.question, 'question', 3, 300);
    const options = input.options.map((o, i) => plainText(o, `options.${i}`, 1, 200));
    if (options.length < 2 || options.length > 10) throw badUserInput('Eine Abstimmung hat 2 bis 10 Antworten.', { field: 'options' });
    if (new Set(options).size !== options.length) throw badUserInput('Jede Antwort nur einmal.', { field: 'options' });
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.roundPoll.create({
        data: { roundId, question, options, multiple: input.multiple ?? false, anonymous: input.anonymous ?? true, createdById: userId },
        include: POLL_INCLUDE,
      });
      return this.announce(tx, row);
    });
  }

  /** Replaces the person's vote; the poll row is locked so that a vote never lands after the poll closed. */
  async vote(userId: string, pollId: string, choices: number[]): Promise<RoundPoll> {
    return this.prisma.$transaction(async (tx) => {
      const poll = await this.locked(tx, pollId);
      if (poll.closedAt) throw conflict('Diese Abstimmung ist geschlossen.');
      const picked = [...new Set(choices)];
      if (!picked.length || picked.some((c) => !Number.isInteger(c) || c < 0 || c >= poll.options.length)) {
        throw badUserInput('Bitte eine der Antworten wählen.', { field: 'choices' });
      }
      if (!poll.multiple && picked.length > 1) throw badUserInput('Hier gilt nur eine Antwort.', { field: 'choices' });
      await tx.roundPollVote.upsert({
        where: { pollId_userId: { pollId, userId } },
        create: { pollId, userId, choices: picked },
        update: { choices: picked, votedAt: new Date() },
      });
      return this.announce(tx, await tx.roundPoll.findUniqueOrThrow({ where: { id: pollId }, include: POLL_INCLUDE }));
    });
  }

  async close(pollId: string): Promise<RoundPoll> {
    return this.prisma.$transaction(async (tx) => {
      const poll = await this.locked(tx, pollId);
      const row = await tx.roundPoll.update({ where: { id: poll.id }, data: { closedAt: poll.closedAt ?? new Date() }, include: POLL_INCLUDE });
      return this.announce(tx, row);
    });
  }

  async roundOf(pollId: string): Promise<string> {
    const poll = /^[0-9a-f-]{36}$/.test(pollId) ? await this.prisma.roundPoll.findUnique({ where: { id: pollId }, select: { roundId: true } }) : null;
    if (!poll) throw notFound('Diese Abstimmung gibt es nicht.');
    return poll.roundId;
  }

  async list(roundId: string, openOnly = false): Promise<RoundPoll[]> {
    const rows = await this.prisma.roundPoll.findMany({
      where: { roundId, ...(openOnly ? { closedAt: null } : {}) },
      include: POLL_INCLUDE,
      orderBy: { createdAt: 'asc' },
    });
    return rows.map(toPoll);
  }

  async myChoices(userId: string, roundId: string): Promise<Map<string, number[]>> {
    const votes = await this.prisma.roundPollVote.findMany({ where: { userId, poll: { roundId } }, select: { pollId: true, choices: true } });
    return new Map(votes.map((v) => [v.pollId, v.choices]));
  }

  private async locked(tx: Prisma.TransactionClient, pollId: string) {
    await tx.$queryRaw`SELECT id FROM "RoundPoll" WHERE id = ${pollId}::uuid FOR UPDATE`;
    const poll = await tx.roundPoll.findUnique({ where: { id: pollId } });
    if (!poll) throw notFound('Diese Abstimmung gibt es nicht.');
    return poll;
  }

  private async announce(tx: Prisma.TransactionClient, row: PollRow): Promise<RoundPoll> {
    await this.realtime.publish(tx, TOPIC, { pollId: row.id });
    return toPoll(row);
  }
}
