import { Injectable } from '@nestjs/common';
import type { Municipality } from '../generated/prisma/client.js';
import { PrismaService } from '../core/database/prisma.service.js';

type Level = 'LAND' | 'KREIS' | 'GEMEINDE';

/** The border levels a record takes part in: a kreisfreie Stadt borders Kreise and Gemeinden alike. */
export function borderLevels(m: Pick<Municipality, 'isLand' | 'isKreis' | 'isGemeinde'>): Level[] {
  return [m.isLand && 'LAND', m.isKreis && 'KREIS', m.isGemeinde && 'GEMEINDE'].filter(Boolean) as Level[];
}

/**
 * The one definition of "neighbouring" for every domain (directory, group suggestions, events open to
 * neighbours): real shared borders from the official geometry, across Kreis and Land borders.
 */
@Injectable()
export class Neighbourhood {
  constructor(private readonly prisma: PrismaService) {}

  /** Records bordering `m` on every level it is on; `direct: false` when they touch only across an unincorporated area. */
  async bordering(m: Pick<Municipality, 'id' | 'isLand' | 'isKreis' | 'isGemeinde'>): Promise<{ id: string; direct: boolean }[]> {
    const rows = await this.prisma.municipalityBorder.findMany({
      where: { fromId: m.id, level: { in: borderLevels(m) } },
      select: { toId: true, viaAgs: true },
    });
    const direct = new Set(rows.filter((r) => r.viaAgs === '').map((r) => r.toId));
    const all = new Set(rows.map((r) => r.toId));
    return [...all].filter((id) => id !== m.id).map((id) => ({ id, direct: direct.has(id) }));
  }

  /** The Kreise of these places (a Gemeinde belongs to the Kreis of its key) and every Kreis bordering one of them. */
  async kreisArea(municipalityIds: string[]): Promise<string[]> {
    if (municipalityIds.length === 0) return [];
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      WITH base AS (
        SELECT k.id FROM "Municipality" m JOIN "Municipality" k ON k.ags = substr(m.ags, 1, 5) AND k."isKreis"
        WHERE m.id = ANY(${municipalityIds}::uuid[])
      )
      SELECT id FROM base
      UNION SELECT b."toId" FROM "MunicipalityBorder" b JOIN base ON b."fromId" = base.id WHERE b.level = 'KREIS'`;
    return rows.map((r) => r.id);
  }
}
