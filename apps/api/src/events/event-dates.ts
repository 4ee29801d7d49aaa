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
 * Events whose stored dates do not begin with their own start and end (recurring ones from before the dates were
 * stored, one changed by an older process during a rolling update, or written by hand) get theirs anew when the API
 * starts, in batches. Each batch locks its events as a change does, so what it writes is what they say now.
 */
@Injectable()
export class EventDatesBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger(EventDatesBackfill.name);

  constructor(private readonly prisma: PrismaService) {}

  async onApplicationBootstrap(): Promise<void> {
    const stale = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT e.id FROM "Event" e WHERE NOT EXISTS (
        SELECT 1 FROM "EventDate" d WHERE d."eventId" = e.id AND d."startsAt" = e."startsAt" AND d."endsAt" = e."endsAt")`;
    const ids = stale.map((e) => e.id);
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      await this.prisma.$transaction(async (tx) => {
        const events = await tx.$queryRaw<Dated[]>`
          SELECT id, "startsAt", "endsAt", rrule FROM "Event" WHERE id = ANY(${batch}::uuid[]) ORDER BY id FOR UPDATE`;
        await tx.eventDate.deleteMany({ where: { eventId: { in: batch } } });
        await insertDates(tx, events);
      });
    }
    if (ids.length) this.logger.log(`event dates written for ${ids.length} events`);
  }
}
