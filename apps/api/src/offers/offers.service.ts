import { Injectable } from '@nestjs/common';
import type { Prisma, User } from '../generated/prisma/client.js';
import { ViewerScopeService, type ViewerScope } from '../core/access/viewer-scope.service.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { badUserInput, forbidden, notFound } from '../core/errors/app-error.js';
import { isUuid } from '../core/validation/ids.js';
import { GermanPlaces } from '../municipalities/german-places.js';
import { OpenToRules, type Place } from '../municipalities/open-to.js';
import { organizationIn } from '../municipalities/urbanisation-where.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { CreateOfferInput, OffersFilter, UpdateOfferInput } from './dto/offer.inputs.js';
import type { Offer, OfferPage } from './models/offer.model.js';
import { offerDetails, type OfferDetails } from './offer-details.js';

const GONE = 'Dieses Angebot gibt es nicht, oder es ist nicht für Sie.';
const ORGANIZATION = { select: { id: true, name: true, locatedIn: { select: { displayName: true } } } } as const;
const OFFER_INCLUDE = {
  providerOrganization: ORGANIZATION,
  home: { select: { ags: true, displayName: true } },
  partners: { include: { organization: ORGANIZATION } },
  areas: { include: { municipality: { select: { ags: true, displayName: true } } } },
} as const;
type OfferRow = Prisma.OfferGetPayload<{ include: typeof OFFER_INCLUDE }>;

/** Standing offers: services and shared positions, open to residents by real adjacency and named areas. */
@Injectable()
export class OffersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly scopes: ViewerScopeService,
    private readonly openTo: OpenToRules,
    private readonly places: GermanPlaces,
    private readonly notifications: NotificationsService,
  ) {
    notifications.seesSubjects('offer', async (scope, ids) => {
      const place = await this.openTo.place(scope.municipalityIds);
      const rows = await this.prisma.offer.findMany({ where: { AND: [{ id: { in: ids } }, this.visibleWhere(scope, place)] }, select: { id: true } });
      return rows.map((r) => r.id);
    });
  }

  async create(user: User, input: CreateOfferInput): Promise<Offer> {
    const scope = await this.scopes.requireConfirmed(user);
    if (!isUuid(input.providerOrganizationId) || !scope.organizationIds.includes(input.providerOrganizationId)) {
      throw forbidden('Angebote stellen Mitglieder der anbietenden Organisation ein.');
    }
    const { details, reach, partnerIds, areaIds } = await this.checked(input, input.providerOrganizationId);
    const recipients = await this.openTo.recipients(reach, areaIds);
    const offer = await this.prisma.$transaction(async (tx) => {
      const created = await tx.offer.create({
        data: {
          ...details,
          ...reach,
          homeId: reach.homeId!,
          providerOrganizationId: input.providerOrganizationId,
          createdById: user.id,
          partners: { create: partnerIds.map((organizationId) => ({ organizationId })) },
          areas: { create: areaIds.map((municipalityId) => ({ municipalityId })) },
        },
      });
      await this.notifications.notify(tx, {
        recipients,
        kind: 'OFFER_NEW',
        subjectType: 'offer',
        subjectId: created.id,
        payload: { actorId: user.id, offerId: created.id, organizationId: input.providerOrganizationId },
      });
      return created;
    });
    return this.get(user, offer.id);
  }

  async update(user: User, input: UpdateOfferInput): Promise<Offer> {
    const scope = await this.scopes.requireConfirmed(user);
    const row = await this.visible(scope, input.id);
    if (!this.canEdit(scope, row)) throw forbidden('Das Angebot ändern die anbietenden Organisationen.');
    const { details, reach, partnerIds, areaIds } = await this.checked(input, row.providerOrganizationId);
    await this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Offer" WHERE id = ${row.id}::uuid FOR UPDATE`;
      await tx.offer.update({ where: { id: row.id }, data: { ...details, ...reach, homeId: reach.homeId! } });
      await tx.offerPartner.deleteMany({ where: { offerId: row.id } });
      await tx.offerPartner.createMany({ data: partnerIds.map((organizationId) => ({ offerId: row.id, organizationId })) });
      await tx.offerArea.deleteMany({ where: { offerId: row.id } });
      await tx.offerArea.createMany({ data: areaIds.map((municipalityId) => ({ offerId: row.id, municipalityId })) });
    });
    return this.get(user, row.id);
  }

  /** An offer that no longer runs: it leaves the lists and stays readable at its address. */
  async archive(user: User, id: string): Promise<Offer> {
    const scope = await this.scopes.requireConfirmed(user);
    const row = await this.visible(scope, id);
    if (!this.canEdit(scope, row)) throw forbidden('Das Angebot archivieren die anbietenden Organisationen.');
    await this.prisma.offer.updateMany({ where: { id: row.id, archivedAt: null }, data: { archivedAt: new Date() } });
    return this.get(user, row.id);
  }

  async get(user: User, id: string): Promise<Offer> {
    const scope = await this.scopes.of(user);
    return (await this.present(scope, [await this.visible(scope, id)]))[0]!;
  }

  async list(user: User, filter: OffersFilter | null | undefined, first: number, offset: number): Promise<OfferPage> {
    if (first < 1 || first > 100 || offset < 0 || offset > 5000) throw badUserInput('first: 1 bis 100, offset: 0 bis 5000.', { field: 'first', limit: 100 });
    const scope = await this.scopes.of(user);
    const place = await this.openTo.place(scope.municipalityIds);
    const from = filter?.from ?? new Date(new Date().toISOString().slice(0, 10));
    const and: Prisma.OfferWhereInput[] = [
      this.visibleWhere(scope, place),
      { OR: [{ validUntil: null }, { validUntil: { gte: from } }] },
      ...(filter?.to ? [{ OR: [{ validFrom: null }, { validFrom: { lt: filter.to } }] }] : []),
      ...(filter?.includeArchived ? [] : [{ archivedAt: null }]),
    ];
    if (filter?.kinds?.length) and.push({ kind: { in: filter.kinds } });
    if (filter?.topics?.length) and.push({ topics: { hasSome: filter.topics } });
    if (filter?.language) and.push({ languages: { has: filter.language.trim().toLowerCase() } });
    if (filter?.urbanisation?.length) {
      const places = filter.urbanisation;
      and.push({ OR: [{ home: { urbanisation: { in: places } } }, { partners: { some: { organization: organizationIn(places) } } }] });
    }
    if (filter?.nearMe) and.push({ OR: [...this.openTo.nearWhere(place), ...this.areaWhere(place)] });
    if (filter?.municipalityAgs) {
      const m = await this.prisma.municipality.findUnique({ where: { ags: filter.municipalityAgs }, select: { id: true } });
      if (!m) throw badUserInput('Unbekannter Gemeindeschlüssel.', { field: 'municipalityAgs' });
      const residents = await this.openTo.place([m.id]);
      and.push({ OR: [...this.openTo.openWhere(residents).filter((w) => w.openTo !== 'EVERYONE'), ...this.areaWhere(residents), { homeId: m.id }] });
    }
    const where = { AND: and };
    const [totalCount, rows] = await Promise.all([
      this.prisma.offer.count({ where }),
      this.prisma.offer.findMany({ where, include: OFFER_INCLUDE, orderBy: [{ title: 'asc' }, { id: 'asc' }], skip: offset, take: first }),
    ]);
    return { totalCount, nodes: await this.present(scope, rows) };
  }

  private async visible(scope: ViewerScope, id: string): Promise<OfferRow> {
    if (!isUuid(id)) throw notFound(GONE);
    const place = await this.openTo.place(scope.municipalityIds);
    const row = await this.prisma.offer.findFirst({ where: { AND: [{ id }, this.visibleWhere(scope, place)] }, include: OFFER_INCLUDE });
    if (!row) throw notFound(GONE);
    return row;
  }

  private visibleWhere(scope: ViewerScope, place: Place): Prisma.OfferWhereInput {
    return {
      OR: [
        ...this.openTo.openWhere(place),
        ...this.areaWhere(place),
        { providerOrganizationId: { in: scope.organizationIds } },
        { partners: { some: { organizationId: { in: scope.organizationIds } } } },
      ],
    };
  }

  /** Named as "also for": one of the place's municipalities or Kreise. */
  private areaWhere(place: Place): Prisma.OfferWhereInput[] {
    return [{ areas: { some: { municipalityId: { in: [...place.municipalityIds, ...place.kreisIds] } } } }];
  }

  private canEdit(scope: ViewerScope, row: Pick<OfferRow, 'providerOrganizationId' | 'partners'>): boolean {
    return (
      scope.confirmed &&
      (scope.organizationIds.includes(row.providerOrganizationId) || row.partners.some((p) => scope.organizationIds.includes(p.organizationId)))
    );
  }

  private async checked(input: CreateOfferInput | UpdateOfferInput, providerId: string) {
    const details: OfferDetails = offerDetails(input);
    if (details.latitude !== null && details.longitude !== null) await this.places.requireInGermany(details.latitude, details.longitude);
    const provider = await this.prisma.organization.findUniqueOrThrow({ where: { id: providerId }, include: { locatedIn: true } });
    const reach = await this.openTo.fields(input.openTo, provider.locatedIn, input.openLandCode);
    const partnerIds = [...new Set([...(input.partnerIds ?? []), ...(await this.administrations(input.partnerAgs ?? []))])].filter((id) => id !== providerId);
    if (
      partnerIds.length > 10 ||
      partnerIds.some((id) => !isUuid(id)) ||
      (await this.prisma.organization.count({ where: { id: { in: partnerIds } } })) !== partnerIds.length
    ) {
      throw badUserInput('Unbekannte Partnerorganisation (höchstens zehn).', { field: 'partnerIds', limit: 10 });
    }
    if (details.kind === 'GETEILTE_STELLE' && partnerIds.length === 0) {
      throw badUserInput('Eine geteilte Stelle hat mindestens eine Partnerorganisation.', { field: 'partnerIds' });
    }
    const keys = [...new Set(input.alsoForAgs ?? [])];
    if (keys.length > 50) throw badUserInput('Höchstens 50 Kommunen.', { field: 'alsoForAgs', limit: 50 });
    const areas = await this.prisma.municipality.findMany({ where: { ags: { in: keys }, isLand: false }, select: { id: true } });
    if (areas.length !== keys.length) throw badUserInput('Unbekannter Gemeinde- oder Kreisschlüssel.', { field: 'alsoForAgs' });
    return { details, reach, partnerIds, areaIds: areas.map((a) => a.id) };
  }

  /** The administration of each municipality by key, made on first use as when someone first joins it. */
  private async administrations(keys: string[]): Promise<string[]> {
    if (keys.length > 10) throw badUserInput('Höchstens zehn Partnerkommunen.', { field: 'partnerAgs', limit: 10 });
    const places = await this.prisma.municipality.findMany({ where: { ags: { in: [...new Set(keys)] }, isLand: false, retiredAt: null } });
    if (places.length !== new Set(keys).size) throw badUserInput('Unbekannter Gemeinde- oder Kreisschlüssel.', { field: 'partnerAgs' });
    const organizations = await Promise.all(
      places.map((m) =>
        this.prisma.organization.upsert({
          where: { representsId: m.id },
          create: { kind: 'MUNICIPALITY', name: m.displayName, representsId: m.id, locatedInId: m.id },
          update: {},
        }),
      ),
    );
    return organizations.map((o) => o.id);
  }

  private async present(scope: ViewerScope, rows: OfferRow[]): Promise<Offer[]> {
    const reaches = await Promise.all(rows.map((r) => this.openTo.reach(r)));
    const reached = await this.prisma.municipality.findMany({
      where: { id: { in: [...new Set(reaches.flat())] } },
      select: { id: true, ags: true, displayName: true },
    });
    const byId = new Map(reached.map((m) => [m.id, { ags: m.ags, name: m.displayName }]));
    const org = (o: OfferRow['providerOrganization']) => ({ id: o.id, name: o.name, municipality: o.locatedIn.displayName });
    return rows.map((row, i) => ({
      id: row.id,
      kind: row.kind as Offer['kind'],
      title: row.title,
      description: row.description,
      topics: row.topics as never,
      provider: org(row.providerOrganization),
      partners: row.partners.map((p) => org(p.organization)),
      home: { ags: row.home.ags, name: row.home.displayName },
      openTo: row.openTo as Offer['openTo'],
      openLandCode: row.openLandCode,
      openToMunicipalities: reaches[i]!.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])).sort((a, b) => a.name.localeCompare(b.name, 'de')),
      alsoFor: row.areas.map((a) => ({ ags: a.municipality.ags, name: a.municipality.displayName })),
      languages: row.languages,
      contact: row.contact,
      email: row.email,
      phone: row.phone,
      openingHours: row.openingHours,
      address: row.address,
      latitude: row.latitude,
      longitude: row.longitude,
      onlineUrl: row.onlineUrl,
      validFrom: row.validFrom?.toISOString().slice(0, 10) ?? null,
      validUntil: row.validUntil?.toISOString().slice(0, 10) ?? null,
      archived: row.archivedAt !== null,
      canEdit: this.canEdit(scope, row),
    }));
  }
}
