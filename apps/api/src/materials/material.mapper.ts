import type { Prisma } from '../generated/prisma/client.js';
import type { MaterialKind, MaterialLicence, Topic } from '../core/catalogue/catalogue.enums.js';
import { person } from '../groups/group.mapper.js';
import type { ViewerScope } from '../core/access/viewer-scope.service.js';
import { toMunicipality } from '../municipalities/municipality.mapper.js';
import { canEdit } from './material-access.js';
import { type Material, MaterialFormat, type MaterialVersion, MaterialVisibility } from './models/material.model.js';

const AUTHOR = { select: { id: true, name: true } } as const;
/** A version as the API shows it: without its (possibly long) text and Markdown source. */
export const VERSION_SELECT = {
  number: true,
  format: true,
  fileName: true,
  mimeType: true,
  size: true,
  html: true,
  note: true,
  createdAt: true,
  createdBy: AUTHOR,
} as const;
export const MATERIAL_INCLUDE = {
  organization: { include: { locatedIn: true } },
  createdBy: AUTHOR,
  group: { select: { id: true, name: true, access: true } },
  versions: { orderBy: { number: 'desc' }, take: 1, select: VERSION_SELECT },
  _count: { select: { uses: true } },
} as const;
export type MaterialRow = Prisma.MaterialGetPayload<{ include: typeof MATERIAL_INCLUDE }>;
type VersionRow = Prisma.MaterialVersionGetPayload<{ select: typeof VERSION_SELECT }>;

export function toVersion(materialId: string, row: VersionRow): MaterialVersion {
  return {
    number: row.number,
    format: MaterialFormat[row.format],
    fileName: row.fileName,
    mimeType: row.mimeType,
    size: row.size,
    html: row.html,
    note: row.note,
    createdBy: person(row.createdBy),
    createdAt: row.createdAt,
    downloadUrl: `/materials/${materialId}/versions/${row.number}/download`,
  };
}

export function toMaterial(row: MaterialRow, scope: ViewerScope, usedByViewer: boolean): Material {
  // A closed group's name is for its members only.
  const groupVisible = row.group && (row.group.access !== 'CLOSED' || scope.activeGroupIds.includes(row.group.id));
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    topics: row.topics as Topic[],
    kind: row.kind as MaterialKind,
    languages: row.languages,
    licence: row.licence as MaterialLicence,
    visibility: MaterialVisibility[row.visibility],
    groupId: groupVisible ? row.group!.id : null,
    groupName: groupVisible ? row.group!.name : null,
    organization: {
      id: row.organization.id,
      name: row.organization.name,
      kind: row.organization.kind,
      municipality: toMunicipality(row.organization.locatedIn),
    },
    createdBy: person(row.createdBy),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    currentVersion: toVersion(row.id, row.versions[0]!),
    useCount: row._count.uses,
    usedByViewer,
    viewerCanEdit: canEdit(scope, row),
  };
}
