import { Injectable } from '@nestjs/common';
import type { Prisma, RoundSeries } from '../generated/prisma/client.js';
import type { ViewerScope } from '../core/access/viewer-scope.service.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { Neighbourhood } from '../municipalities/neighbourhood.js';

type Audience = Pick<RoundSeries, 'audience' | 'audienceLandCode' | 'audienceKreisId' | 'hostGroupId' | 'hostOrganizationId'>;

/** Where a viewer is: the municipalities of their organisations, with their Länder and Kreise. */
interface Place {
  municipalityIds: Set<string>;
  landCodes: Set<string>;
  kreisIds: Set<string>;
}

/**
 * Who may see and register for a round follows its audience (#14); its hosts always may. Region audiences use
 * the directory's real borders (`Neighbourhood`), like groups and events.
 */
@Injectable()
export class RoundAudienceRules {
  constructor(
    private readonly prisma: PrismaService,
    private readonly neighbourhood: Neighbourhood,
  ) {}

  /** A checker for one viewer; it looks each region up once. */
  async forViewer(scope: ViewerScope): Promise<(series: Audience) => Promise<boolean>> {
    const place = await this.place(scope.municipalityIds);
    const areas = new Map<string, Promise<Set<string>>>();
    const area = (key: string, load: () => Promise<string[]>) => {
      if (!areas.has(key))
        areas.set(
          key,
          load().then((ids) => new Set(ids)),
        );
      return areas.get(key)!;
    };
    return async (s) => {
      if (this.hosts(scope, s)) return true;
      if (!scope.confirmed) return false;
      switch (s.audience) {
        case 'SIGNED_IN':
          return true;
        case 'GROUP':
          return s.hostGroupId !== null && scope.activeGroupIds.includes(s.hostGroupId);
        case 'LAND':
          return s.audienceLandCode !== null && place.landCodes.has(s.audienceLandCode);
        case 'KREIS_AREA': {
          if (!s.audienceKreisId) return false;
          const kreise = await area(`kreis:${s.audienceKreisId}`, () => this.neighbourhood.kreisArea([s.audienceKreisId!]));
          return [...place.kreisIds].some((id) => kreise.has(id));
        }
        case 'NEIGHBOURS': {
          if (!s.hostOrganizationId) return false;
          const near = await area(`org:${s.hostOrganizationId}`, () => this.hostNeighbourhood(s.hostOrganizationId!));
          return [...place.municipalityIds, ...place.kreisIds].some((id) => near.has(id));
        }
      }
    };
  }

  /**
   * The series a viewer may see, as a query: the same rules as `forViewer`, so that lists are filtered, counted and
   * paged in the database. (A Kreis area and a host's neighbourhood are symmetric: the viewer's Kreis is in the
   * audience's area exactly when the audience's Kreis is in the viewer's, and likewise for bordering places.)
   */
  async visibleSeries(scope: ViewerScope): Promise<Prisma.RoundSeriesWhereInput> {
    if (!scope.confirmed) return { id: { in: [] } };
    const [place, kreise, near] = await Promise.all([
      this.place(scope.municipalityIds),
      this.neighbourhood.kreisArea(scope.municipalityIds),
      this.nearby(scope.municipalityIds),
    ]);
    return {
      OR: [
        { hostGroupId: { in: scope.activeGroupIds } },
        { hostOrganizationId: { in: scope.organizationIds } },
        { audience: 'SIGNED_IN' },
        { audience: 'LAND', audienceLandCode: { in: [...place.landCodes] } },
        { audience: 'KREIS_AREA', audienceKreisId: { in: kreise } },
        { audience: 'NEIGHBOURS', hostOrganization: { locatedInId: { in: near } } },
      ],
    };
  }

  /**
   * The audience of a Land, Kreis area or neighbourhood as the places a material names for its readers
   * (`Material.readerAreas`, matched against ViewerScope.areaKeys as `forViewer` matches places); null for an
   * audience of every member or of a group.
   */
  async readerAreas(s: Audience): Promise<string[] | null> {
    switch (s.audience) {
      case 'SIGNED_IN':
      case 'GROUP':
        return null;
      case 'LAND':
        return s.audienceLandCode ? [`l:${s.audienceLandCode}`] : [];
      case 'KREIS_AREA': {
        const kreise = s.audienceKreisId ? await this.neighbourhood.kreisArea([s.audienceKreisId]) : [];
        const rows = await this.prisma.municipality.findMany({ where: { id: { in: kreise } }, select: { ags: true } });
        return rows.map((k) => `k:${k.ags}`);
      }
      case 'NEIGHBOURS': {
        const near = s.hostOrganizationId ? await this.hostNeighbourhood(s.hostOrganizationId) : [];
        const rows = await this.prisma.municipality.findMany({ where: { id: { in: near } }, select: { ags: true, isKreis: true } });
        return rows.flatMap((m) => [`m:${m.ags}`, ...(m.isKreis ? [`k:${m.ags}`] : [])]);
      }
    }
  }

  /** "Near me": the viewer's municipalities, their Kreise and every municipality bordering one of them. */
  async nearby(municipalityIds: string[]): Promise<string[]> {
    const place = await this.place(municipalityIds);
    const own = await this.prisma.municipality.findMany({ where: { id: { in: [...place.municipalityIds, ...place.kreisIds] } } });
    const bordering = await Promise.all(own.map((m) => this.neighbourhood.bordering(m)));
    return [...new Set([...own.map((m) => m.id), ...bordering.flat().map((b) => b.id)])];
  }

  /** Members of the hosting organisation or group moderate the round. */
  hosts(scope: ViewerScope, s: Pick<RoundSeries, 'hostGroupId' | 'hostOrganizationId'>): boolean {
    return (
      scope.confirmed &&
      ((s.hostGroupId !== null && scope.activeGroupIds.includes(s.hostGroupId)) ||
        (s.hostOrganizationId !== null && scope.organizationIds.includes(s.hostOrganizationId)))
    );
  }

  private async place(municipalityIds: string[]): Promise<Place> {
    const rows = await this.prisma.$queryRaw<{ id: string; landCode: string; kreisId: string | null }[]>`
      SELECT m.id, m."landCode", k.id AS "kreisId" FROM "Municipality" m
      LEFT JOIN "Municipality" k ON k.ags = substr(m.ags, 1, 5) AND k."isKreis"
      WHERE m.id = ANY(${municipalityIds}::uuid[])`;
    return {
      municipalityIds: new Set(rows.map((r) => r.id)),
      landCodes: new Set(rows.map((r) => r.landCode)),
      kreisIds: new Set(rows.flatMap((r) => (r.kreisId ? [r.kreisId] : []))),
    };
  }

  /** The host's municipality and every municipality bordering it. */
  private async hostNeighbourhood(organizationId: string): Promise<string[]> {
    const org = await this.prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, include: { locatedIn: true } });
    return [org.locatedIn.id, ...(await this.neighbourhood.bordering(org.locatedIn)).map((b) => b.id)];
  }
}
