import { Injectable } from '@nestjs/common';
import type { User } from '../generated/prisma/client.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { badUserInput, conflict, forbidden, notFound } from '../core/errors/app-error.js';
import { assertKey } from '../municipalities/dto/municipalities.args.js';
import { toMunicipality } from '../municipalities/municipality.mapper.js';
import type { DecideGroupJoinInput, GroupMemberInput, InviteToGroupInput, SetGroupRoleInput } from './dto/group.inputs.js';
import { person } from './group.mapper.js';
import { GroupsService, isUuid } from './groups.service.js';
import { GroupMemberStatus, GroupRole, type GroupMember, type InviteResult, type WorkingGroup } from './models/group.model.js';
import { ViewerScopeService } from './viewer-scope.service.js';

const NOT_MODERATOR = 'Das dürfen nur die Moderatorinnen und Moderatoren der Gruppe.';

/** The ways into and out of a working group, and its roles. */
@Injectable()
export class GroupMembershipService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly groups: GroupsService,
    private readonly scopes: ViewerScopeService,
  ) {}

  /** Open: joins. On request: asks. Closed: only accepts an invitation (otherwise the group stays invisible). */
  async join(user: User, groupId: string): Promise<WorkingGroup> {
    await this.scopes.requireConfirmed(user);
    const group = await this.groups.visibleRow(user, groupId);
    const existing = await this.prisma.groupMember.findUnique({ where: { groupId_userId: { groupId, userId: user.id } } });
    if (existing?.status === 'ACTIVE') throw conflict('Sie gehören dieser Gruppe schon an.');
    if (existing?.status === 'REQUESTED') throw conflict('Ihre Anfrage liegt den Moderatorinnen und Moderatoren schon vor.');
    if (existing?.status === 'INVITED' || group.access === 'OPEN') {
      await this.prisma.groupMember.upsert({
        where: { groupId_userId: { groupId, userId: user.id } },
        update: { status: 'ACTIVE', joinedAt: new Date() },
        create: { groupId, userId: user.id, status: 'ACTIVE', joinedAt: new Date() },
      });
    } else if (group.access === 'ON_REQUEST') {
      await this.prisma.groupMember.create({ data: { groupId, userId: user.id, status: 'REQUESTED' } });
    } else {
      throw notFound('Diese Arbeitsgruppe gibt es nicht, oder sie ist geschlossen.');
    }
    return this.groups.get(user, groupId);
  }

  private async requireModerator(user: User, groupId: string) {
    if (!isUuid(groupId)) throw notFound('Diese Arbeitsgruppe gibt es nicht, oder sie ist geschlossen.');
    const group = await this.groups.visibleRow(user, groupId);
    const me = await this.prisma.groupMember.findUnique({ where: { groupId_userId: { groupId, userId: user.id } } });
    if (me?.status !== 'ACTIVE' || me.role !== 'MODERATOR') throw forbidden(NOT_MODERATOR);
    return group;
  }

  /** One decision per request: a second moderator deciding the same request gets CONFLICT. */
  async decide(user: User, input: DecideGroupJoinInput): Promise<GroupMember[]> {
    await this.requireModerator(user, input.groupId);
    if (!isUuid(input.personId)) throw notFound('Diese Anfrage gibt es nicht.');
    const where = { groupId: input.groupId, userId: input.personId, status: 'REQUESTED' as const };
    const changed = input.approve
      ? await this.prisma.groupMember.updateMany({ where, data: { status: 'ACTIVE', joinedAt: new Date() } })
      : await this.prisma.groupMember.deleteMany({ where });
    if (changed.count === 0) throw conflict('Diese Anfrage ist schon entschieden oder zurückgezogen.');
    return this.members(user, input.groupId, true);
  }

  async invite(user: User, input: InviteToGroupInput): Promise<InviteResult> {
    await this.requireModerator(user, input.groupId);
    if (Boolean(input.personId) === Boolean(input.municipalityAgs)) {
      throw badUserInput('Bitte laden Sie entweder eine Person oder die Mitglieder einer Kommune ein.', { field: 'personId' });
    }
    let people: string[];
    if (input.personId) {
      const invitee = isUuid(input.personId)
        ? await this.prisma.user.findFirst({ where: { id: input.personId, memberships: { some: { status: 'CONFIRMED' } } } })
        : null;
      if (!invitee) throw notFound('Diese Person gibt es nicht, oder sie ist noch nicht bestätigt.');
      people = [invitee.id];
    } else {
      const ags = input.municipalityAgs!.trim();
      assertKey(ags);
      const key = await this.prisma.municipalityKey.findUnique({ where: { key: ags } });
      if (!key) throw notFound(`Keine Kommune mit dem Schlüssel ${ags}.`);
      const members = await this.prisma.membership.findMany({
        where: { status: 'CONFIRMED', organization: { representsId: key.municipalityId } },
        select: { userId: true },
      });
      people = [...new Set(members.map((m) => m.userId))];
    }
    const created = await this.prisma.groupMember.createMany({
      data: people.map((userId) => ({ groupId: input.groupId, userId, status: 'INVITED' as const, invitedById: user.id })),
      skipDuplicates: true,
    });
    return { invited: created.count, skipped: people.length - created.count };
  }

  /** Leaving also withdraws a request or declines an invitation. The last moderator hands over first. */
  async leave(user: User, groupId: string): Promise<boolean> {
    if (!isUuid(groupId)) throw notFound('Sie gehören dieser Gruppe nicht an.');
    await this.removeMember(groupId, user.id, 'Sie sind die letzte Moderation dieser Gruppe: Bitte übergeben Sie die Moderation zuerst an ein anderes Mitglied.');
    return true;
  }

  async remove(user: User, input: GroupMemberInput): Promise<GroupMember[]> {
    await this.requireModerator(user, input.groupId);
    if (!isUuid(input.personId)) throw notFound('Diese Person gehört der Gruppe nicht an.');
    await this.removeMember(input.groupId, input.personId, 'Die letzte Moderation kann nicht entfernt werden.');
    return this.members(user, input.groupId, true);
  }

  /** In a transaction with the row locked, so two moderators leaving at once cannot both be "not the last". */
  private async removeMember(groupId: string, userId: string, lastModeratorMessage: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "WorkingGroup" WHERE id = ${groupId}::uuid FOR UPDATE`;
      const row = await tx.groupMember.findUnique({ where: { groupId_userId: { groupId, userId } } });
      if (!row) throw notFound('Diese Person gehört der Gruppe nicht an.');
      if (row.status === 'ACTIVE' && row.role === 'MODERATOR') {
        const others = await tx.groupMember.count({ where: { groupId, status: 'ACTIVE', role: 'MODERATOR', userId: { not: userId } } });
        if (others === 0) throw conflict(lastModeratorMessage);
      }
      await tx.groupMember.delete({ where: { groupId_userId: { groupId, userId } } });
    });
  }

  async setRole(user: User, input: SetGroupRoleInput): Promise<GroupMember[]> {
    await this.requireModerator(user, input.groupId);
    if (!isUuid(input.personId)) throw notFound('Diese Person gehört der Gruppe nicht an.');
    await this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "WorkingGroup" WHERE id = ${input.groupId}::uuid FOR UPDATE`;
      const row = await tx.groupMember.findUnique({ where: { groupId_userId: { groupId: input.groupId, userId: input.personId } } });
      if (row?.status !== 'ACTIVE') throw notFound('Diese Person gehört der Gruppe nicht an.');
      if (input.role === GroupRole.MEMBER && row.role === 'MODERATOR') {
        const others = await tx.groupMember.count({ where: { groupId: input.groupId, status: 'ACTIVE', role: 'MODERATOR', userId: { not: input.personId } } });
        if (others === 0) throw conflict('Die Gruppe braucht mindestens eine Moderation.');
      }
      await tx.groupMember.update({ where: { groupId_userId: { groupId: input.groupId, userId: input.personId } }, data: { role: input.role } });
    });
    return this.members(user, input.groupId, true);
  }

  /**
   * Active members for everyone who may see the group; moderators also see requests and invitations.
   * `checked`: the caller already established that the viewer may see the group.
   */
  async members(user: User, groupId: string, checked = false): Promise<GroupMember[]> {
    if (!checked) await this.groups.visibleRow(user, groupId);
    const me = await this.prisma.groupMember.findUnique({ where: { groupId_userId: { groupId, userId: user.id } } });
    const moderator = me?.status === 'ACTIVE' && me.role === 'MODERATOR';
    const rows = await this.prisma.groupMember.findMany({
      where: { groupId, ...(moderator ? {} : { status: 'ACTIVE' }) },
      include: {
        user: {
          select: {
            id: true,
            name: true,
            memberships: { where: { status: 'CONFIRMED' }, include: { organization: { include: { locatedIn: true } } } },
          },
        },
      },
      orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
    });
    return rows.map((row) => ({
      person: person(row.user),
      role: GroupRole[row.role],
      status: GroupMemberStatus[row.status],
      since: row.joinedAt ?? row.createdAt,
      organizations: row.user.memberships.map((m) => ({
        id: m.organization.id,
        name: m.organization.name,
        kind: m.organization.kind,
        municipality: toMunicipality(m.organization.locatedIn),
      })),
    }));
  }
}
