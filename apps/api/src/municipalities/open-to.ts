import { Injectable } from '@nestjs/common';
import type { Municipality, OpenTo, Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { badUserInput } from '../core/errors/app-error.js';
import { isLandCode } from '../core/validation/ids.js';
import { Neighbourhood } from './neighbourhood.js';

/** What "open to" is measured from, as stored on an event or offer. */
export interface OpenToFields {
  openTo: OpenTo;
  openLandCode: string | null;
  homeId: string | null;
  homeKreisId: string | null;
}

/** Where a person is (their organisations' municipalities, with Kreise and Länder) and what that reaches. */
export interface Place {
  municipalityIds: string[];
  kreisIds: string[];
  landCodes: string[];
  /** Their municipalities and Kreise and every record bordering one of them: where NEIGHBOURS reaches them from. */
  near: string[];
  /** Their Kreise and the Kreise bordering them: where KREIS_AREA reaches them from. */
  kreisArea: string[];
}

/** The fields of "open to" shared by events and offers, for a where clause of either. */
type OpenWhere = Prisma.EventWhereInput & Prisma.OfferWhereInput;

/**
 * Who an event or offer is open to, from its home municipality with the directory's real borders (`Neighbourhood`,
 * across Kreis and Land borders). A person is reached through the municipalities of their organisations and the
 * Kreise those belong to:
 * - OWN: the home itself, its Gemeinden when it is a Kreis, and the administration of its Kreis;
 * - NEIGHBOURS: the home and every record bordering it;
 * - KREIS_AREA: the home's Kreis and every Kreis bordering it;
 * - LAND: one Land; EVERYONE: everyone signed in.
 */
@Injectable()
export class OpenToRules {
  constructor(
    private readonly prisma: PrismaService,
    private readonly neighbourhood: Neighbourhood,
  ) {}

  async place(municipalityIds: string[]): Promise<Place> {
    if (!municipalityIds.length) return { municipalityIds: [], kreisIds: [], landCodes: [], near: [], kreisArea: [] };
    const rows = await this.prisma.$queryRaw<{ id: string; landCode: string; kreisId: string | null }[]>`
      SELECT m.id, m."landCode", k.id AS "kreisId" FROM "Municipality" m
      LEFT JOIN "Municipality" k ON k.ags = substr(m.ags, 1, 5) AND k."isKreis"
      WHERE m.id = ANY(${municipalityIds}::uuid[])`;
    const kreisIds = [...new Set(rows.flatMap((r) => (r.kreisId ? [r.kreisId] : [])))];
    const own = [...new Set([...rows.map((r) => r.id), ...kreisIds])];
    const records = await this.prisma.municipality.findMany({ where: { id: { in: own } } });
    const bordering = await Promise.all(records.map((m) => this.neighbourhood.bordering(m)));
    return {
      municipalityIds: rows.map((r) => r.id),
      kreisIds,
      landCodes: [...new Set(rows.map((r) => r.landCode))],
      near: [...new Set([...own, ...bordering.flat().map((b) => b.id)])],
      kreisArea: await this.neighbourhood.kreisArea(rows.map((r) => r.id)),
    };
  }

  /** Conditions (any of them) under which a record is open to someone at `place`. */
  openWhere(place: Place): OpenWhere[] {
    return [
      { openTo: 'EVERYONE' },
      { openTo: 'LAND', openLandCode: { in: place.landCodes } },
      { openTo: 'OWN', OR: [{ homeId: { in: [...place.municipalityIds, ...place.kreisIds] } }, { homeKreisId: { in: place.municipalityIds } }] },
      { openTo: 'NEIGHBOURS', homeId: { in: place.near } },
      { openTo: 'KREIS_AREA', homeKreisId: { in: place.kreisArea } },
    ];
  }

  /**
   * Held or offered close by: in the person's municipalities or Kreise or one bordering them, or open to them by
   * more than "everyone" (their Land, their Kreis area, as a neighbour). "Near me" is this.
   */
  nearWhere(place: Place): OpenWhere[] {
    return [{ homeId: { in: place.near } }, ...this.openWhere(place).filter((w) => w.openTo !== 'EVERYONE')];
  }

  /** Checks "open to" for a home (null: a working group's) and answers the fields to store. */
  async fields(openTo: OpenTo, home: Municipality | null, landCode: string | null | undefined): Promise<OpenToFields> {
    if (!home && (openTo === 'OWN' || openTo === 'NEIGHBOURS' || openTo === 'KREIS_AREA')) {
      throw badUserInput('Dafür braucht es eine veranstaltende Organisation mit Kommune: ihre Nachbarn ergeben sich aus deren Grenzen.', {
        field: 'openTo',
      });
    }
    if (home?.isLand && openTo !== 'LAND' && openTo !== 'EVERYONE') {
      throw badUserInput('Eine Organisation auf Landesebene öffnet für ihr Land oder für alle.', { field: 'openTo' });
    }
    if (openTo === 'LAND') {
      const code = landCode ?? home?.landCode ?? null;
      if (!code || !isLandCode(code)) throw badUserInput('Bitte das Land angeben (01–16).', { field: 'openLandCode' });
      return { openTo, openLandCode: code, homeId: home?.id ?? null, homeKreisId: home ? await this.kreisOf(home) : null };
    }
    return { openTo, openLandCode: null, homeId: home?.id ?? null, homeKreisId: home ? await this.kreisOf(home) : null };
  }

  /** The records a record open to OWN, NEIGHBOURS or KREIS_AREA reaches, by id (the others reach a Land or everyone). */
  async reach(fields: OpenToFields): Promise<string[]> {
    if (!fields.homeId) return [];
    const home = await this.prisma.municipality.findUniqueOrThrow({ where: { id: fields.homeId } });
    switch (fields.openTo) {
      case 'OWN':
        return [home.id];
      case 'NEIGHBOURS':
        return [home.id, ...(await this.neighbourhood.bordering(home)).map((b) => b.id)];
      case 'KREIS_AREA':
        return this.neighbourhood.kreisArea([home.id]);
      default:
        return [];
    }
  }

  /**
   * Confirmed members a new record is open to, who hear of it. "Everyone" tells those of the home's Kreis area
   * only: the rest of the country finds it without being told. `alsoFor`: further municipalities (an offer's).
   */
  async recipients(fields: OpenToFields, alsoFor: string[] = []): Promise<string[]> {
    const area =
      fields.openTo === 'EVERYONE' || fields.openTo === 'KREIS_AREA'
        ? fields.homeId
          ? await this.neighbourhood.kreisArea([fields.homeId])
          : []
        : fields.openTo === 'LAND'
          ? []
          : await this.reach(fields);
    const ids = [...new Set([...area, ...alsoFor])];
    const land = fields.openTo === 'LAND' ? fields.openLandCode : null;
    const kreisStaff = fields.openTo === 'OWN' ? fields.homeKreisId : null;
    if (!ids.length && !land && !kreisStaff) return [];
    const rows = await this.prisma.$queryRaw<{ userId: string }[]>`
      SELECT DISTINCT ms."userId" FROM "Membership" ms
      JOIN "Organization" o ON o.id = ms."organizationId"
      JOIN "Municipality" m ON m.id = o."locatedInId"
      LEFT JOIN "Municipality" k ON k.ags = substr(m.ags, 1, 5) AND k."isKreis"
      WHERE ms.status = 'CONFIRMED'
        AND (m.id = ANY(${ids}::uuid[]) OR k.id = ANY(${ids}::uuid[]) OR m."landCode" = ${land} OR m.id = ${kreisStaff}::uuid)`;
    return rows.map((r) => r.userId);
  }

  /** The Kreis a record belongs to: itself for a Kreis or kreisfreie Stadt, the Kreis of its key for a Gemeinde. */
  private async kreisOf(m: Municipality): Promise<string | null> {
    if (m.isKreis) return m.id;
    if (m.isLand) return null;
    const kreis = await this.prisma.municipality.findFirst({ where: { ags: m.ags.slice(0, 5), isKreis: true }, select: { id: true } });
    return kreis?.id ?? null;
  }
}
