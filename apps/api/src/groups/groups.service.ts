import { Injectable } from '@nestjs/common';
import { TOPICS } from '@verbund/shared';
import type { Prisma, User } from '../generated/prisma/client.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { badUserInput, notFound } from '../core/errors/app-error.js';
import { assertKey } from '../municipalities/dto/municipalities.args.js';
import { toMunicipality } from '../municipalities/municipality.mapper.js';
import type { CreateGroupInput, GroupsFilter } from './dto/group.inputs.js';
import { GROUP_INCLUDE, toGroup, type GroupRow } from './group.mapper.js';
import { GroupRegionKind, type GroupPage, type WorkingGroup } from './models/group.model.js';
import { ViewerScopeService } from '../core/access/viewer-scope.service.js';
import { isUuid, isLandCode } from '../core/validation/ids.js';
import { groupIn } from '../municipalities/urbanisation-where.js';

/** Groups the person may see: every open and on-request group, closed ones only from the inside. */
export function visibleTo(userId: string): Prisma.WorkingGroupWhereInput {
  return { OR: [{ access: { not: 'CLOSED' } }, { members: { some: { userId, status: { in: ['ACTIVE', 'INVITED'] } } } }] };
}

@Injectable()
export class GroupsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly scopes: ViewerScopeService,
  ) {}

  async create(user: User, input: CreateGroupInput): Promise<WorkingGroup> {
    await this.scopes.requireConfirmed(user);
    const name = input.name.trim();
    const description = input.description.trim();
    if (name.length < 3 || name.length > 120) throw badUserInput('Der Name braucht 3 bis 120 Zeichen.', { field: 'name' });
    if (description.length > 5000) throw badUserInput('Die Beschreibung darf höchstens 5000 Zeichen lang sein.', { field: 'description' });
    const topics = [...new Set(input.topics)];
    if (topics.length === 0 || topics.length > TOPICS.length) throw badUserInput('Bitte wählen Sie mindestens ein Thema.', { field: 'topics' });
    const region = await this.region(input.region);
    const row = await this.prisma.workingGroup.create({
      data: {
        name,
        description,
        topics,
        access: input.access,
        ...region,
        createdById: user.id,
        members: { create: { userId: user.id, role: 'MODERATOR', status: 'ACTIVE', joinedAt: new Date() } },
      },
      include: GROUP_INCLUDE,
    });
    this.scopes.forget(user);
    return this.withLaender([toGroup(row, { status: 'ACTIVE', role: 'MODERATOR' })]).then(([g]) => g!);
  }

  private async region(input: CreateGroupInput['region']) {
    const codes = [...new Set((input.landCodes ?? []).map((c) => c.trim()))];
    if (codes.some((c) => !isLandCode(c)))
      throw badUserInput('Länder werden mit ihrem zweistelligen Schlüssel angegeben (01–16).', { field: 'region.landCodes' });
    switch (input.kind) {
      case GroupRegionKind.KREIS: {
        const ags = input.kreisAgs?.trim() ?? '';
        assertKey(ags);
        const kreis = await this.prisma.municipality.findFirst({ where: { keys: { some: { key: ags } }, isKreis: true, retiredAt: null } });
        if (!kreis) throw badUserInput('Bitte wählen Sie einen Landkreis oder eine kreisfreie Stadt.', { field: 'region.kreisAgs' });
        return { regionKind: 'KREIS' as const, regionKreisId: kreis.id, regionLandCodes: [kreis.landCode] };
      }
      case GroupRegionKind.LAND:
        if (codes.length !== 1) throw badUserInput('Bitte wählen Sie genau ein Land.', { field: 'region.landCodes' });
        return { regionKind: 'LAND' as const, regionKreisId: null, regionLandCodes: codes };
      case GroupRegionKind.LAENDER:
        if (codes.length < 2) throw badUserInput('Bitte wählen Sie mindestens zwei Länder.', { field: 'region.landCodes' });
        return { regionKind: 'LAENDER' as const, regionKreisId: null, regionLandCodes: codes.sort() };
      default:
        return { regionKind: 'BUNDESWEIT' as const, regionKreisId: null, regionLandCodes: [] };
    }
  }

  /** Groups, their members and where those work are for confirmed members of Verbund. */
  async list(user: User, filter: GroupsFilter | null | undefined, first: number, offset: number): Promise<GroupPage> {
    await this.scopes.requireConfirmed(user);
    if (first < 1 || first > 100) throw badUserInput('first muss zwischen 1 und 100 liegen.', { field: 'first' });
    if (offset < 0) throw badUserInput('offset darf nicht negativ sein.', { field: 'offset' });
    const search = filter?.search?.trim().slice(0, 100);
    const where: Prisma.WorkingGroupWhereInput = {
      AND: [
        visibleTo(user.id),
        search ? { OR: [{ name: { contains: search, mode: 'insensitive' } }, { description: { contains: search, mode: 'insensitive' } }] } : {},
        filter?.topic ? { topics: { has: filter.topic } } : {},
        filter?.mine ? { members: { some: { userId: user.id } } } : {},
        filter?.urbanisation?.length ? groupIn(filter.urbanisation) : {},
      ],
    };
    const [rows, totalCount] = await Promise.all([
      this.prisma.workingGroup.findMany({ where, include: GROUP_INCLUDE, orderBy: [{ name: 'asc' }, { id: 'asc' }], take: first, skip: offset }),
      this.prisma.workingGroup.count({ where }),
    ]);
    return { nodes: await this.decorate(user, rows), totalCount };
  }

  /** NOT_FOUND for closed groups seen from outside: their existence is not disclosed. */
  async get(user: User, id: string): Promise<WorkingGroup> {
    await this.scopes.requireConfirmed(user);
    const row = isUuid(id) ? await this.prisma.workingGroup.findFirst({ where: { AND: [{ id }, visibleTo(user.id)] }, include: GROUP_INCLUDE }) : null;
    if (!row) throw notFound('Diese Arbeitsgruppe gibt es nicht, oder sie ist geschlossen.');
    return (await this.decorate(user, [row]))[0]!;
  }

  async decorate(user: User, rows: GroupRow[]): Promise<WorkingGroup[]> {
    const mine = await this.prisma.groupMember.findMany({ where: { userId: user.id, groupId: { in: rows.map((r) => r.id) } } });
    const byGroup = new Map(mine.map((m) => [m.groupId, m]));
    return this.withLaender(rows.map((row) => toGroup(row, byGroup.get(row.id))));
  }

  private async withLaender(groups: WorkingGroup[]): Promise<WorkingGroup[]> {
    const codes = [...new Set(groups.flatMap(regionCodes))];
    if (!codes.length) return groups;
    const laender = await this.prisma.municipality.findMany({ where: { isLand: true, landCode: { in: codes } } });
    const byCode = new Map(laender.map((l) => [l.landCode, toMunicipality(l)]));
    for (const g of groups) g.region.laender = regionCodes(g).flatMap((c) => byCode.get(c) ?? []);
    return groups;
  }

  /** The group as its viewer may see it, or NOT_FOUND; for operations on a group. */
  async visibleRow(user: User, id: string) {
    const row = isUuid(id) ? await this.prisma.workingGroup.findFirst({ where: { AND: [{ id }, visibleTo(user.id)] } }) : null;
    if (!row) throw notFound('Diese Arbeitsgruppe gibt es nicht, oder sie ist geschlossen.');
    return row;
  }
}

const regionCodes = (g: WorkingGroup) => (g.region.kind === 'LAND' || g.region.kind === 'LAENDER' ? g.region.landCodes : []);
