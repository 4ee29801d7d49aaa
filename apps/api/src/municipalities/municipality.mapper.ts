import type { Municipality as MunicipalityRow } from '../generated/prisma/client.js';
import { type Municipality, MunicipalityKind, Urbanisation } from './models/municipality.model.js';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Database row → API object; the API keeps its shape when the table changes. */
export function toMunicipality(row: MunicipalityRow): Municipality {
  return {
    id: row.id,
    ags: row.ags,
    ars: row.ars,
    officialName: row.name,
    name: row.displayName,
    kind: MunicipalityKind[row.kind],
    designation: row.designation,
    title: row.title,
    isLand: row.isLand,
    isKreis: row.isKreis,
    isGemeinde: row.isGemeinde,
    landCode: row.landCode,
    gemeindeverband: row.verbandName,
    population: row.population,
    areaKm2: row.areaKm2,
    populationDensity: row.areaKm2 > 0 ? Math.round(row.population / row.areaKm2) : 0,
    urbanisation: row.urbanisation ? Urbanisation[row.urbanisation] : null,
    urbanisationShares:
      row.shareDense === null || row.shareIntermediate === null || row.shareRural === null
        ? null
        : { dicht: row.shareDense, mittel: row.shareIntermediate, gering: row.shareRural },
    postcode: row.postcode,
    latitude: row.latitude,
    longitude: row.longitude,
    gebietsstand: isoDate(row.gebietsstand),
    populationDate: isoDate(row.populationAt),
    retired: row.retiredAt !== null,
    parentId: row.parentId,
    successorId: row.successorId,
  };
}
