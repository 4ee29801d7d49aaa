import type { INestApplicationContext } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { Round, User } from '../generated/prisma/client.js';
import { renderMarkdown } from '../core/markdown/markdown.js';
import { RoundRoomAccess } from '../rounds/room/round-room-access.js';
import { RoundRoomService } from '../rounds/room/round-room.service.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { RoundAudience } from '../rounds/models/round.model.js';
import { BERLIN as ROUND_ZONE } from '../core/calendar/recurrence.js';
import { RoundsService } from '../rounds/rounds.service.js';

export const DEMO_ROUND = 'Sprachmittlung in der Region Leipzig';

/**
 * The demo's exchange round: monthly on the first Wednesday, hosted by the Leipzig working group for the
 * Landkreis Leipzig and its neighbouring Kreise, begun two months ago (past dates) with the next ones ahead;
 * Nordsachsen is registered for the series; both took part in the past dates and agreed to be named, and the last
 * one has its chat, a poll, an action item and its protocol.
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
  const held = await prisma.round.findMany({ where: { seriesId: round.series.id, endsAt: { lt: new Date() } }, orderBy: { startsAt: 'desc' } });
  await prisma.roundRegistration.createMany({
    data: held.flatMap((d) =>
      [stadt, nord].flatMap((u) =>
        u ? [{ roundId: d.id, userId: u.id, status: 'REGISTERED' as const, shareMunicipality: true, attendedAt: d.startsAt }] : [],
      ),
    ),
    skipDuplicates: true,
  });
  if (held[0]) await seedHeldRoom(app, held[0], await fresh(stadt), nord ? await fresh(nord) : null);
}

/** The last date held: what was said, agreed and decided there, and its protocol among the group's materials. */
async function seedHeldRoom(app: INestApplicationContext, date: Round, stadt: User, nord: User | null): Promise<void> {
  const prisma = app.get(PrismaService, { strict: false });
  const at = (minutes: number) => new Date(date.startsAt.getTime() + minutes * 60_000);
  const say = [
    [stadt, 2, 'Willkommen zur Runde! Heute: der gemeinsame Dolmetscherpool und die Abrechnung.'],
    [nord, 5, 'Bei uns in Nordsachsen fehlen vor allem Dolmetscher für **Dari** und **Tigrinya**.'],
    [stadt, 9, 'Unser Pool hat für beide Sprachen Leute – wir könnten ihn für Termine in Nordsachsen öffnen.'],
    [nord, 14, 'Das wäre eine große Hilfe. Abrechnung über den Landkreis?'],
  ] as const;
  await prisma.roundMessage.createMany({
    data: say.flatMap(([who, minute, text], i) =>
      who ? [{ roundId: date.id, authorId: who.id, clientId: `demo-${i}`, markdown: text, html: renderMarkdown(text).html, createdAt: at(minute) }] : [],
    ),
  });
  const poll = await prisma.roundPoll.create({
    data: {
      roundId: date.id,
      question: 'Soll der Leipziger Dolmetscherpool für Termine in Nordsachsen geöffnet werden?',
      options: ['Ja', 'Nein', 'Erst nach Klärung der Abrechnung'],
      anonymous: false,
      createdById: stadt.id,
      createdAt: at(20),
      closedAt: at(25),
    },
  });
  await prisma.roundPollVote.createMany({
    data: [stadt, nord].flatMap((u) => (u ? [{ pollId: poll.id, userId: u.id, choices: [0], votedAt: at(22) }] : [])),
  });
  await prisma.roundActionItem.create({
    data: {
      roundId: date.id,
      who: 'Stadt Leipzig',
      what: 'Entwurf einer Vereinbarung zur gemeinsamen Nutzung des Dolmetscherpools',
      due: at(60 * 24 * 21),
      createdById: stadt.id,
      createdAt: at(40),
    },
  });
  await prisma.roundAgendaItem.createMany({
    data: ['Gemeinsamer Dolmetscherpool für Stadt und Landkreise', 'Abrechnung von Einsätzen über Kreisgrenzen'].map((title, position) => ({
      roundId: date.id,
      proposedById: nord?.id ?? stadt.id,
      title,
      status: 'ACCEPTED' as const,
      position,
      createdAt: at(-60 * 24 * 7),
    })),
  });
  const rooms = app.get(RoundRoomService, { strict: false });
  await rooms.finish(stadt, await app.get(RoundRoomAccess, { strict: false }).of(stadt, date.id));
}
