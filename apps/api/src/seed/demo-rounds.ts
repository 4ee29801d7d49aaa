import type { INestApplicationContext } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { User } from '../generated/prisma/client.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { RoundAudience } from '../rounds/models/round.model.js';
import { ROUND_ZONE } from '../rounds/recurrence.js';
import { RoundsService } from '../rounds/rounds.service.js';

export const DEMO_ROUND = 'Sprachmittlung in der Region Leipzig';

/**
 * The demo's exchange round: monthly on the first Wednesday, hosted by the Leipzig working group for the
 * Landkreis Leipzig and its neighbouring Kreise, begun two months ago (past dates) with the next ones ahead;
 * Nordsachsen is registered for the series; both took part in the past dates and agreed to be named.
 */
export async function seedDemoRounds(app: INestApplicationContext, groupId: string, stadt: User, nord: User | null): Promise<void> {
  const prisma = app.get(PrismaService, { strict: false });
  const rounds = app.get(RoundsService, { strict: false });
  const fresh = async (u: User) => (await prisma.user.findUnique({ where: { id: u.id } }))!;
  let first = DateTime.now().setZone(ROUND_ZONE).minus({ months: 2 }).startOf('month').set({ hour: 12, minute: 30 });
  while (first.weekday !== 3) first = first.plus({ days: 1 });
  const round = await rounds.create(await fresh(stadt), {
    title: DEMO_ROUND,
    description:
      'Monatlicher Austausch der Koordinierenden von Sprachmittlung in Stadt Leipzig, Landkreis Leipzig und Nordsachsen: Dolmetscherpools, Abrechnung, Schulung der Ehrenamtlichen.',
    topics: ['SPRACHE'],
    hostGroupId: groupId,
    audience: RoundAudience.KREIS_AREA,
    audienceKreisAgs: '14729',
    videoUrl: 'https://meet.jit.si/verbund-sprachmittlung-leipzig',
    capacity: 25,
    startsAt: first.toFormat("yyyy-MM-dd'T'HH:mm"),
    durationMinutes: 60,
    rrule: 'FREQ=MONTHLY;BYDAY=1WE;COUNT=8',
  });
  if (nord) {
    const next = (await rounds.list(await fresh(nord), null, 1, 0)).nodes[0]?.id ?? round.id;
    await rounds.register(await fresh(nord), { roundId: next, wholeSeries: true, shareMunicipality: true });
  }
  const held = await prisma.round.findMany({ where: { seriesId: round.series.id, endsAt: { lt: new Date() } } });
  await prisma.roundRegistration.createMany({
    data: held.flatMap((d) =>
      [stadt, nord].flatMap((u) => (u ? [{ roundId: d.id, userId: u.id, status: 'REGISTERED' as const, shareMunicipality: true }] : [])),
    ),
    skipDuplicates: true,
  });
}
