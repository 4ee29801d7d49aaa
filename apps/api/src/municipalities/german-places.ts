import { Injectable } from '@nestjs/common';
import { PrismaService } from '../core/database/prisma.service.js';
import { badUserInput } from '../core/errors/app-error.js';
import { boundingBox, distanceKm } from './geo.js';

/** A place is in Germany when a Gemeinde of the directory has its centre this close (the largest are ~30 km across). */
const NEAREST_KM = 30;

/** Positions of places (events, offers) checked against the directory rather than trusted. */
@Injectable()
export class GermanPlaces {
  constructor(private readonly prisma: PrismaService) {}

  async requireInGermany(latitude: number, longitude: number): Promise<void> {
    const valid = Number.isFinite(latitude) && Number.isFinite(longitude) && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
    const box = valid ? boundingBox({ latitude, longitude }, NEAREST_KM) : null;
    const candidates = box
      ? await this.prisma.municipality.findMany({
          where: { isGemeinde: true, retiredAt: null, latitude: { gte: box.minLat, lte: box.maxLat }, longitude: { gte: box.minLon, lte: box.maxLon } },
          select: { latitude: true, longitude: true },
          take: 500,
        })
      : [];
    if (!candidates.some((m) => distanceKm(m, { latitude, longitude }) <= NEAREST_KM)) {
      throw badUserInput('Dieser Ort liegt nicht in Deutschland: bitte die Position prüfen.', { field: 'latitude' });
    }
  }
}
