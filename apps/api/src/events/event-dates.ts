import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { PrismaService } from '../core/database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { eventDates } from './event-details.js';

const BATCH = 200;

type Dated = { id: string; startsAt: Date; endsAt: Date; rrule: string | null };

/** Writes all of an event's dates in the caller's transaction, in place of those before. */
export async function writeEventDates(tx: Prisma.TransactionClient, event: Dated): Promise<void> {
  await tx.eventDate.deleteMany({ where: { eventId: event.id } });
  await insertDates(tx, [event]);
}

/** One statement for the dates of many events (as arrays: a row of parameters per date is slow); what exists stays. */
async function insertDates(db: Prisma.TransactionClient, events: Dated[]): Promise<void> {
  const rows = events.flatMap((event) => eventDates(event, new Date(0), null).map((d) => ({ eventId: event.id, ...d })));
  await db.$executeRaw`
    INSERT INTO "EventDate" ("eventId", "startsAt", "endsAt")
    SELECT * FROM unnest(${rows.map((r) => r.eventId)}::uuid[], ${rows.map((r) => r.startsAt)}::timestamp(3)[], ${rows.map((r) => r.endsAt)}::timestamp(3)[])
    ON CONFLICT DO NOTHING`;
}

/**
 * Events without stored dates (recurring ones from before the dates were stored, or written by hand) get them when
 * the API starts, in batches. Processes starting together may both write one: the second skips what the first wrote.
 */
@Injectable()
export class EventDatesBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger(EventDatesBackfill.name);

  constructor(private readonly prisma: PrismaService) {}

  async onApplicationBootstrap(): Promise<void> {
    const missing = await this.prisma.event.findMany({
      where: { occurrences: { none: {} } },
      select: { id: true, startsAt: true, endsAt: true, rrule: true },
    });
    for (let i = 0; i < missing.length; i += BATCH) await insertDates(this.prisma, missing.slice(i, i + BATCH));
    if (missing.length) this.logger.log(`event dates written for ${missing.length} events`);
  }
}
