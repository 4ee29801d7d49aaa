import type { INestApplicationContext } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { User } from '../generated/prisma/client.js';
import { BERLIN } from '../core/calendar/recurrence.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { EventsService } from '../events/events.service.js';
import { EventAttendee, EventKind, EventRegistrationMode, OpenTo } from '../events/models/event.model.js';
import { OpenToRules } from '../municipalities/open-to.js';
import { OfferKind } from '../offers/models/offer.model.js';
import { OffersService } from '../offers/offers.service.js';

export const DEMO_FACHTAG = 'Fachtag Sprachmittlung im Landkreis Leipzig';
export const DEMO_BERATUNG = 'Migrationsberatung der Stadt Leipzig';
export const DEMO_SHARED_POSITION = 'Integrationskoordination Markkleeberg und Großpösna';

/**
 * Events and offers across the borders the study is about: the Landkreis Leipzig's Fachtag next month open to its
 * neighbours (the city co-organises, Nordsachsen registered), the city's weekly Sprachcafé, the city's
 * Migrationsberatung open to residents of both neighbouring Landkreise, and a staff position two Gemeinden share.
 */
export async function seedDemoEvents(app: INestApplicationContext, kreis: User, stadt: User, nord: User | null): Promise<void> {
  const prisma = app.get(PrismaService, { strict: false });
  const events = app.get(EventsService, { strict: false });
  const offers = app.get(OffersService, { strict: false });
  const fresh = async (u: User) => (await prisma.user.findUnique({ where: { id: u.id } }))!;
  const orgOf = async (ags: string) =>
    prisma.organization.findFirstOrThrow({ where: { representsId: (await prisma.municipality.findUniqueOrThrow({ where: { ags } })).id } });
  const [kreisOrg, stadtOrg] = await Promise.all([orgOf('14729'), orgOf('14713')]);
  const local = (d: DateTime) => d.toFormat("yyyy-MM-dd'T'HH:mm");

  let fachtag = DateTime.now().setZone(BERLIN).plus({ months: 1 }).startOf('month').set({ hour: 9 });
  while (fachtag.weekday !== 4) fachtag = fachtag.plus({ days: 1 });
  const event = await events.create(await fresh(kreis), {
    kind: EventKind.FACHTAG,
    title: DEMO_FACHTAG,
    description:
      'Wie gewinnen, schulen und bezahlen wir Sprachmittlerinnen und Sprachmittler gemeinsam? Mit Praxisberichten aus Stadt Leipzig, Landkreis Leipzig und Nordsachsen.',
    topics: ['SPRACHE', 'BERATUNG_BEGLEITUNG'],
    startsAt: local(fachtag),
    endsAt: local(fachtag.set({ hour: 16 })),
    address: 'Landratsamt, Stauffenbergstraße 4, 04552 Borna',
    latitude: 51.1241,
    longitude: 12.4973,
    organizerOrganizationId: kreisOrg.id,
    coOrganizerIds: [stadtOrg.id],
    openTo: OpenTo.NEIGHBOURS,
    audiences: [EventAttendee.FACHKRAEFTE, EventAttendee.EHRENAMTLICHE],
    languages: ['de'],
    accessibility: 'Barrierefreier Zugang über den Seiteneingang; Induktionsschleife im Saal.',
    cost: 'kostenfrei, mit Mittagsimbiss',
    registrationMode: EventRegistrationMode.VERBUND,
    capacity: 80,
    registrationDeadline: local(fachtag.minus({ days: 7 }).set({ hour: 12 })),
  });
  if (nord) await events.register(await fresh(nord), event.id);

  let cafe = DateTime.now().setZone(BERLIN).startOf('week').set({ hour: 16, minute: 30 }).plus({ days: 1 });
  if (cafe < DateTime.now()) cafe = cafe.plus({ weeks: 1 });
  await events.create(await fresh(stadt), {
    kind: EventKind.SPRACHCAFE,
    title: 'Sprachcafé im Stadtteilzentrum',
    description: 'Deutsch üben bei Kaffee und Tee, mit Ehrenamtlichen. Ohne Anmeldung, Kinder sind willkommen.',
    topics: ['SPRACHE', 'EHRENAMT'],
    startsAt: local(cafe),
    endsAt: local(cafe.set({ hour: 18 })),
    rrule: 'FREQ=WEEKLY;COUNT=20',
    address: 'Stadtteilzentrum, Eisenbahnstraße 66, 04315 Leipzig',
    latitude: 51.3461,
    longitude: 12.4108,
    organizerOrganizationId: stadtOrg.id,
    openTo: OpenTo.NEIGHBOURS,
    audiences: [EventAttendee.ZUGEWANDERTE, EventAttendee.EHRENAMTLICHE],
    languages: ['de', 'ar', 'uk', 'leichte-sprache'],
    accessibility: 'Erdgeschoss, stufenlos.',
    cost: 'kostenfrei',
  });

  await offers.create(await fresh(stadt), {
    kind: OfferKind.MIGRATIONSBERATUNG,
    title: DEMO_BERATUNG,
    description:
      'Beratung zu Aufenthalt, Arbeit, Wohnen und Familiennachzug – auch für Menschen, die im Landkreis Leipzig oder in Nordsachsen untergebracht sind.',
    topics: ['BERATUNG_BEGLEITUNG'],
    openTo: OpenTo.OWN,
    alsoForAgs: ['14729', '14730'],
    languages: ['de', 'en', 'ar', 'uk', 'ru'],
    contact: 'Referat für Migration und Integration',
    email: 'migrationsberatung@stadt-leipzig.example',
    phone: '0341 123-4567',
    openingHours: 'Di 9–12 und 14–18 Uhr, Do 9–12 Uhr, sonst nach Vereinbarung',
    address: 'Neues Rathaus, Martin-Luther-Ring 4–6, 04109 Leipzig',
    latitude: 51.3357,
    longitude: 12.3708,
    providerOrganizationId: stadtOrg.id,
  });

  await seedSharedPosition(app);
}

/**
 * Two Gemeinden of the Landkreis share their Integrationskoordination. Their administrations have no demo people,
 * so the offer is written directly, with "open to" from the same rules.
 */
async function seedSharedPosition(app: INestApplicationContext): Promise<void> {
  const prisma = app.get(PrismaService, { strict: false });
  const rules = app.get(OpenToRules, { strict: false });
  const [markkleeberg, grosspoesna] = await Promise.all(['14729260', '14729190'].map((ags) => prisma.municipality.findUniqueOrThrow({ where: { ags } })));
  const administration = (m: { id: string; displayName: string }) =>
    prisma.organization.upsert({
      where: { representsId: m.id },
      create: { kind: 'MUNICIPALITY', name: m.displayName, representsId: m.id, locatedInId: m.id },
      update: {},
    });
  const [provider, partner] = [await administration(markkleeberg!), await administration(grosspoesna!)];
  const reach = await rules.fields('NEIGHBOURS', markkleeberg!, null);
  await prisma.offer.create({
    data: {
      kind: 'GETEILTE_STELLE',
      title: DEMO_SHARED_POSITION,
      description:
        'Eine Vollzeitstelle, je zur Hälfte in Markkleeberg und Großpösna: Ehrenamtskoordination, Netzwerk der Träger, Ansprechperson für Geflüchtete in beiden Gemeinden.',
      topics: ['EHRENAMT', 'BERATUNG_BEGLEITUNG'],
      providerOrganizationId: provider.id,
      ...reach,
      homeId: reach.homeId!,
      languages: ['de', 'en'],
      contact: 'Integrationskoordination (Rathaus Markkleeberg, dienstags in Großpösna)',
      openingHours: 'Mo–Mi in Markkleeberg, Do in Großpösna',
      address: 'Rathausplatz 1, 04416 Markkleeberg',
      latitude: 51.2775,
      longitude: 12.3686,
      partners: { create: [{ organizationId: partner.id }] },
    },
  });
}
