import { Injectable } from '@nestjs/common';
import type { Municipality, User } from '../generated/prisma/client.js';
import { ViewerScopeService } from '../core/access/viewer-scope.service.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { forbidden, notFound } from '../core/errors/app-error.js';
import { NeighbourReason } from '../municipalities/models/neighbour.model.js';
import { NeighboursService } from '../municipalities/neighbours.service.js';
import type { CooperationKind, CooperationNeighbour } from './models/cooperation.model.js';

const YEAR_MS = 365 * 86_400_000;
const NEIGHBOURS = 60;

/** What a municipality does with its bordering and similar municipalities, from the stored pairs. */
@Injectable()
export class CooperationService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly scopes: ViewerScopeService,
    private readonly neighbours: NeighboursService,
  ) {}

  /** For the municipality's own members (and those of its Kreis administration): its neighbours with what exists and the gaps. */
  async forMunicipality(user: User, ags: string): Promise<CooperationNeighbour[]> {
    return this.neighboursOf(await this.requireMember(user, ags));
  }

  /** The municipality, when the person belongs to it or to the administration of its Kreis. */
  async requireMember(user: User, ags: string): Promise<Municipality> {
    const scope = await this.scopes.requireConfirmed(user);
    const self = await this.prisma.municipality.findUnique({ where: { ags } });
    if (!self) throw notFound(`Keine Kommune mit dem Schlüssel ${ags}.`);
    const kreis = self.isGemeinde && !self.isKreis ? await this.prisma.municipality.findFirst({ where: { ags: ags.slice(0, 5), isKreis: true } }) : null;
    if (!scope.municipalityIds.includes(self.id) && !(kreis && scope.municipalityIds.includes(kreis.id))) {
      throw forbidden('Die Zusammenarbeit einer Kommune sehen ihre Mitglieder.');
    }
    return self;
  }

  async neighboursOf(self: Municipality): Promise<CooperationNeighbour[]> {
    const ags = self.ags;
    const near = await this.neighbours.neighbours({ ags, first: NEIGHBOURS });
    const ids = near.map((n) => n.municipality.id);
    const pairs = await this.prisma.cooperationPair.findMany({
      where: {
        OR: [
          { aId: self.id, bId: { in: ids } },
          { bId: self.id, aId: { in: ids } },
        ],
      },
    });
    const since = Date.now() - YEAR_MS;
    return near
      .filter((n) =>
        n.reasons.some((r) => r === NeighbourReason.SHARES_BORDER || r === NeighbourReason.SIMILAR || r === NeighbourReason.VIA_UNINCORPORATED_AREA),
      )
      .map((n) => {
        const other = n.municipality;
        const mine = pairs.filter((p) => p.aId === other.id || p.bId === other.id);
        const borders = n.reasons.includes(NeighbourReason.SHARES_BORDER);
        return {
          municipality: other,
          reasons: n.reasons,
          distanceKm: n.distanceKm,
          kinds: mine.map((p) => ({ kind: p.kind as CooperationKind, count: p.count })),
          since: mine.length ? new Date(Math.min(...mine.map((p) => p.since.getTime()))) : null,
          lastActivityAt: mine.length ? new Date(Math.max(...mine.map((p) => p.lastActivityAt.getTime()))) : null,
          gap: !mine.some((p) => p.lastActivityAt.getTime() >= since),
          landkreisAndCity:
            borders && ((self.kind === 'LANDKREIS' && other.kind === 'KREISFREIE_STADT') || (self.kind === 'KREISFREIE_STADT' && other.kind === 'LANDKREIS')),
          acrossKreis: borders && self.kind === 'GEMEINDE' && other.kind === 'GEMEINDE' && other.ags.slice(0, 5) !== ags.slice(0, 5),
        };
      });
  }
}
