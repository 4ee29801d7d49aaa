import { Injectable } from '@nestjs/common';
import { MATERIAL_LANGUAGES } from '@verbund/shared';
import type { Prisma, User } from '../generated/prisma/client.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { badUserInput, forbidden, notFound } from '../core/errors/app-error.js';
import { markdownToText, renderMarkdown } from '../core/markdown/markdown.js';
import { isUuid } from '../core/validation/ids.js';
import { ViewerScopeService, type ViewerScope } from '../core/access/viewer-scope.service.js';
import { toMunicipality } from '../municipalities/municipality.mapper.js';
import type { AddMaterialVersionInput, CreateMaterialInput } from './dto/material.inputs.js';
import { canEdit, readersOf, visibleMaterials } from './material-access.js';
import { MATERIAL_INCLUDE, toMaterial, toVersion, VERSION_SELECT, type MaterialRow } from './material.mapper.js';
import type { Material, MaterialVersion } from './models/material.model.js';
import type { Municipality } from '../municipalities/models/municipality.model.js';
import { distinctWords, foldParts } from '../core/search/search-document.js';
import { SearchWords } from '../core/search/search-words.service.js';
import { searchVectors } from '../core/search/search-vectors.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { UploadsService } from './uploads/uploads.service.js';

/** The longest text material (in characters), also the bound for a round's protocol. */
export const MAX_MARKDOWN = 200_000;
const LANGUAGES = new Set<string>(MATERIAL_LANGUAGES);
const GONE = 'Dieses Material gibt es nicht, oder es ist Ihnen nicht freigegeben.';

type Source = { uploadId: string } | { markdown: string };
type Content =
  | { format: 'FILE'; upload: { storageKey: string; fileName: string; mimeType: string; size: number; sha256: string; text: string } }
  | { format: 'MARKDOWN'; markdown: string };

/** The shared materials library: publishing, versions, "useful for us". Search is MaterialSearchService. */
@Injectable()
export class MaterialsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly scopes: ViewerScopeService,
    private readonly uploads: UploadsService,
    private readonly notifications: NotificationsService,
    private readonly words: SearchWords,
  ) {
    notifications.seesSubjects('material', async (scope, ids) =>
      (await this.prisma.material.findMany({ where: { AND: [{ id: { in: ids } }, visibleMaterials(scope)] }, select: { id: true } })).map((r) => r.id),
    );
  }

  /** `readerAreas`: for AREA, which only the server chooses (a round's protocol for the round's audience). */
  async create(user: User, input: CreateMaterialInput, readerAreas: string[] = []): Promise<Material> {
    const scope = await this.scopes.requireConfirmed(user);
    if ((input.visibility === 'AREA') !== readerAreas.length > 0) {
      throw badUserInput('Für eine Region sichtbar sind nur Protokolle von Austauschrunden.', { field: 'visibility' });
    }
    const title = input.title.trim();
    const summary = input.summary.trim();
    if (title.length < 3 || title.length > 200) throw badUserInput('Der Titel braucht 3 bis 200 Zeichen.', { field: 'title' });
    if (summary.length > 2000) throw badUserInput('Die Zusammenfassung darf höchstens 2000 Zeichen lang sein.', { field: 'summary' });
    const topics = [...new Set(input.topics)];
    if (!topics.length) throw badUserInput('Bitte wählen Sie mindestens ein Thema.', { field: 'topics' });
    const languages = [...new Set(input.languages)];
    if (!languages.length || languages.some((l) => !LANGUAGES.has(l))) {
      throw badUserInput(`Bitte wählen Sie Sprachen aus der Liste (${[...LANGUAGES].join(', ')}).`, { field: 'languages' });
    }
    if (!isUuid(input.organizationId) || !scope.organizationIds.includes(input.organizationId)) {
      throw forbidden('Sie können nur für eine Organisation veröffentlichen, der Sie bestätigt angehören.');
    }
    const group = await this.groupFor(scope, input);
    const source = this.sourceOf(input);
    const organization = await this.prisma.organization.findUniqueOrThrow({ where: { id: input.organizationId }, include: { locatedIn: true } });

    const { id, words } = await this.prisma.$transaction(async (tx) => {
      const content = await this.contentIn(tx, user, source);
      const material = await tx.material.create({
        data: {
          title,
          summary,
          topics,
          kind: input.kind,
          languages,
          licence: input.licence,
          visibility: input.visibility,
          readerAreas,
          groupId: group?.id ?? null,
          organizationId: organization.id,
          municipalityId: organization.locatedInId,
          landCode: organization.locatedIn.landCode,
          createdById: user.id,
        },
      });
      const text = await this.addVersion(tx, material.id, 1, user, content, null);
      return { id: material.id, words: await this.index(tx, material.id, { title, summary, body: text }) };
    });
    await this.words.remember(words);
    return this.get(user, id);
  }

  private async groupFor(scope: ViewerScope, input: CreateMaterialInput) {
    if (!input.groupId) {
      if (input.visibility === 'GROUP') throw badUserInput('Bitte wählen Sie die Arbeitsgruppe.', { field: 'groupId' });
      return null;
    }
    if (!isUuid(input.groupId) || !scope.activeGroupIds.includes(input.groupId)) {
      throw forbidden('Materialien einer Arbeitsgruppe veröffentlichen ihre Mitglieder.');
    }
    const group = await this.prisma.workingGroup.findUniqueOrThrow({ where: { id: input.groupId } });
    if (group.access === 'CLOSED' && input.visibility !== 'GROUP') {
      throw badUserInput('Materialien einer geschlossenen Gruppe bleiben in der Gruppe.', { field: 'visibility' });
    }
    return group;
  }

  private sourceOf(input: { uploadId?: string | null; markdown?: string | null }): Source {
    const markdown = input.markdown?.trim();
    if (Boolean(input.uploadId) === Boolean(markdown)) {
      throw badUserInput('Bitte laden Sie entweder eine Datei hoch oder schreiben Sie einen Text.', { field: 'uploadId' });
    }
    if (markdown && markdown.length > MAX_MARKDOWN) throw badUserInput(`Höchstens ${MAX_MARKDOWN} Zeichen.`, { field: 'markdown' });
    return markdown ? { markdown } : { uploadId: input.uploadId! };
  }

  /** Inside the transaction: the upload leaves the staging table only if the material is written too. */
  private async contentIn(tx: Prisma.TransactionClient, user: User, source: Source): Promise<Content> {
    return 'uploadId' in source
      ? { format: 'FILE', upload: await this.uploads.consume(tx, user, source.uploadId) }
      : { format: 'MARKDOWN', markdown: source.markdown };
  }

  /** Writes version `number` and returns its text for the search index. */
  private async addVersion(
    tx: Prisma.TransactionClient,
    materialId: string,
    number: number,
    user: User,
    content: Content,
    note: string | null,
  ): Promise<string> {
    if (content.format === 'FILE') {
      const { storageKey, fileName, mimeType, size, sha256, text } = content.upload;
      await tx.materialVersion.create({
        data: { materialId, number, format: 'FILE', storageKey, fileName, mimeType, size, sha256, text, note, createdById: user.id },
      });
      return text;
    }
    const text = markdownToText(content.markdown);
    const { html } = renderMarkdown(content.markdown);
    await tx.materialVersion.create({ data: { materialId, number, format: 'MARKDOWN', markdown: content.markdown, html, text, note, createdById: user.id } });
    return text;
  }

  /** The search vectors of a material; returns its words for `SearchWords.remember` after the commit. */
  private async index(tx: Prisma.TransactionClient, id: string, parts: { title: string; summary: string; body: string }): Promise<string[]> {
    const f = foldParts(parts);
    await tx.$executeRaw`UPDATE "Material" SET ${searchVectors(f)} WHERE id = ${id}::uuid`;
    return distinctWords(f.title, f.summary, f.body);
  }

  async addMaterialVersion(user: User, input: AddMaterialVersionInput): Promise<Material> {
    const scope = await this.scopes.requireConfirmed(user);
    const material = await this.visibleRow(scope, input.materialId);
    if (!canEdit(scope, material)) throw forbidden('Neue Fassungen laden die Autorin, die veröffentlichende Organisation oder die Gruppenmoderation hoch.');
    const source = this.sourceOf(input);
    const note = input.note?.trim().slice(0, 500) || null;
    const words = await this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "Material" WHERE id = ${material.id}::uuid FOR UPDATE`;
      const last = await tx.materialVersion.aggregate({ where: { materialId: material.id }, _max: { number: true } });
      const content = await this.contentIn(tx, user, source);
      const number = (last._max.number ?? 0) + 1;
      const text = await this.addVersion(tx, material.id, number, user, content, note);
      await tx.material.update({ where: { id: material.id }, data: { updatedAt: new Date() } });
      // Those who marked it useful for their municipality hear of the new version, while they still work there and see it.
      const uses = await tx.materialUse.findMany({
        where: { materialId: material.id, markedById: { not: null } },
        select: { markedById: true, municipalityId: true },
      });
      const markers = await tx.user.findMany({
        where: {
          id: { in: uses.map((u) => u.markedById!) },
          memberships: { some: { status: 'CONFIRMED', organization: { representsId: { in: uses.map((u) => u.municipalityId) } } } },
          AND: [readersOf(material)],
        },
        select: { id: true },
      });
      await this.notifications.notify(tx, {
        recipients: markers.map((m) => m.id),
        kind: 'MATERIAL_VERSION',
        subjectType: 'material',
        subjectId: material.id,
        payload: { actorId: user.id, materialId: material.id, versionNumber: number },
      });
      return this.index(tx, material.id, { title: material.title, summary: material.summary, body: text });
    });
    await this.words.remember(words);
    return this.get(user, material.id);
  }

  async visibleRow(scope: ViewerScope, id: string) {
    const row = isUuid(id) ? await this.prisma.material.findFirst({ where: { AND: [{ id }, visibleMaterials(scope)] } }) : null;
    if (!row) throw notFound(GONE);
    return row;
  }

  async get(user: User, id: string): Promise<Material> {
    const scope = await this.scopes.of(user);
    const row = isUuid(id) ? await this.prisma.material.findFirst({ where: { AND: [{ id }, visibleMaterials(scope)] }, include: MATERIAL_INCLUDE }) : null;
    if (!row) throw notFound(GONE);
    return (await this.present(scope, [row]))[0]!;
  }

  /** For a material the caller has already been allowed to see. */
  async versions(materialId: string): Promise<MaterialVersion[]> {
    const rows = await this.prisma.materialVersion.findMany({ where: { materialId }, select: VERSION_SELECT, orderBy: { number: 'desc' } });
    return rows.map((v) => toVersion(materialId, v));
  }

  async usedBy(materialId: string): Promise<Municipality[]> {
    const uses = await this.prisma.materialUse.findMany({ where: { materialId }, include: { municipality: true }, orderBy: { createdAt: 'asc' } });
    return uses.map((u) => toMunicipality(u.municipality));
  }

  /** Materials of rows already found, with "used by my municipality" looked up in one query. */
  async present(scope: ViewerScope, rows: MaterialRow[]): Promise<Material[]> {
    const mine = scope.municipalityOrganizations.map((m) => m.municipalityId);
    const used = mine.length
      ? await this.prisma.materialUse.findMany({
          where: { materialId: { in: rows.map((r) => r.id) }, municipalityId: { in: mine } },
          select: { materialId: true },
        })
      : [];
    const usedIds = new Set(used.map((u) => u.materialId));
    return rows.map((row) => toMaterial(row, scope, usedIds.has(row.id)));
  }

  /** "Useful for us": recorded for one of the person's municipalities (the only one, or the one named). */
  async markUsed(user: User, id: string, used: boolean, organizationId?: string | null): Promise<Material> {
    const scope = await this.scopes.requireConfirmed(user);
    const material = await this.visibleRow(scope, id);
    const candidates = organizationId ? scope.municipalityOrganizations.filter((m) => m.organizationId === organizationId) : scope.municipalityOrganizations;
    if (candidates.length === 0) throw forbidden('Als genutzt markieren können Mitglieder einer Kommunalverwaltung.');
    if (candidates.length > 1) throw badUserInput('Bitte wählen Sie, für welche Kommune Sie es markieren.', { field: 'organizationId' });
    const municipalityId = candidates[0]!.municipalityId;
    if (used) {
      await this.prisma.materialUse.upsert({
        where: { materialId_municipalityId: { materialId: material.id, municipalityId } },
        update: {},
        create: { materialId: material.id, municipalityId, markedById: user.id },
      });
    } else {
      await this.prisma.materialUse.deleteMany({ where: { materialId: material.id, municipalityId } });
    }
    return this.get(user, material.id);
  }
}
