import type { INestApplicationContext } from '@nestjs/common';
import { DateTime } from 'luxon';
import { BERLIN } from '../core/calendar/recurrence.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { writeEventDates } from '../events/event-dates.js';
import { OpenToRules } from '../municipalities/open-to.js';

export const DEMO_NEIGHBOUR_EVENT = 'Netzwerktreffen Ehrenamt in der Flüchtlingshilfe';
export const DEMO_NEIGHBOUR_OFFER = 'Psychosoziale Beratung für Geflüchtete in Mittelsachsen';

/**
 * The Landkreis Mittelsachsen borders the Landkreis Leipzig and does nothing with it yet: its administration
 * (without demo people, so written directly with "open to" from the same rules) holds an event open to the
 * Kreis area and an offer open to its neighbours. They are what the Landkreis Leipzig is shown as suggestions.
 */
export async function seedDemoNeighbours(app: INestApplicationContext): Promise<void> {
  const prisma = app.get(PrismaService, { strict: false });
  const rules = app.get(OpenToRules, { strict: false });
  const mittelsachsen = await prisma.municipality.findUniqueOrThrow({ where: { ags: '14522' } });
  const administration = await prisma.organization.upsert({
    where: { representsId: mittelsachsen.id },
    create: { kind: 'MUNICIPALITY', name: mittelsachsen.displayName, representsId: mittelsachsen.id, locatedInId: mittelsachsen.id },
    update: {},
  });

  let day = DateTime.now().setZone(BERLIN).plus({ weeks: 3 }).set({ hour: 17, minute: 0, second: 0, millisecond: 0 });
  while (day.weekday !== 3) day = day.plus({ days: 1 });
  const eventReach = await rules.fields('KREIS_AREA', mittelsachsen, null);
  const event = await prisma.event.create({
    data: {
      kind: 'NETZWERKTREFFEN',
      title: DEMO_NEIGHBOUR_EVENT,
      description:
        'Ehrenamtliche und Koordinierende aus Mittelsachsen und den angrenzenden Kreisen: Erfahrungen mit Patenschaften, Fahrdiensten und Sprachbegleitung, und wer wen unterstützen kann.',
      topics: ['EHRENAMT'],
      startsAt: day.toJSDate(),
      endsAt: day.set({ hour: 19, minute: 30 }).toJSDate(),
      lastEndsAt: day.set({ hour: 19, minute: 30 }).toJSDate(),
      address: 'Landratsamt Mittelsachsen, Frauensteiner Straße 43, 09599 Freiberg',
      latitude: 50.9119,
      longitude: 13.3428,
      organizerOrganizationId: administration.id,
      ...eventReach,
      audiences: ['EHRENAMTLICHE', 'FACHKRAEFTE'],
      languages: ['de'],
      accessibility: 'Saal im Erdgeschoss, barrierefreie Toilette.',
      cost: 'kostenfrei',
    },
  });
  await writeEventDates(prisma, event);

  const offerReach = await rules.fields('NEIGHBOURS', mittelsachsen, null);
  await prisma.offer.create({
    data: {
      kind: 'BERATUNGSSTELLE',
      title: DEMO_NEIGHBOUR_OFFER,
      description:
        'Beratung und Stabilisierung für Geflüchtete mit belastenden Erfahrungen, mit Sprachmittlung. Offen auch für Menschen aus den angrenzenden Kreisen.',
      topics: ['GESUNDHEIT', 'BERATUNG_BEGLEITUNG'],
      providerOrganizationId: administration.id,
      ...offerReach,
      homeId: offerReach.homeId!,
      languages: ['de', 'ar', 'fa', 'uk'],
      contact: 'Sozialamt, Sachgebiet Integration',
      openingHours: 'Mo und Do 9–15 Uhr, nach Vereinbarung',
      address: 'Frauensteiner Straße 43, 09599 Freiberg',
      latitude: 50.9119,
      longitude: 13.3428,
    },
  });
}
