import { Inject, Injectable } from '@nestjs/common';
import { normalizeEmail } from '../accounts/accounts.service.js';
import { ThrottleService } from '../accounts/throttle.service.js';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { MailService } from '../core/mail/mail.service.js';
import type { Prisma, User } from '../generated/prisma/client.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { ACTIVE_CONFIRMED } from './active-member.js';
import { badUserInput, conflict, forbidden, notFound } from '../core/errors/app-error.js';
import { assertKey } from '../municipalities/dto/municipalities.args.js';
import { toMunicipality } from '../municipalities/municipality.mapper.js';
import type { DecideGroupJoinInput, GroupMemberInput, InviteToGroupInput, SetGroupRoleInput } from './dto/group.inputs.js';
import { person } from './group.mapper.js';
import { isUuid } from '../core/validation/ids.js';
import { GroupsService } from './groups.service.js';
import { GroupMemberStatus, GroupRole, type GroupMember, type InviteResult, type WorkingGroup } from './models/group.model.js';
import { ViewerScopeService } from '../core/access/viewer-scope.service.js';
import { AccessLost } from '../core/access/access-lost.js';
import { RealtimeService } from '../core/realtime/realtime.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';

const NOT_MODERATOR = 'Das dürfen nur die Moderatorinnen und Moderatoren der Gruppe.';
const CONFIRMED = { memberships: { some: { status: 'CONFIRMED' as const } } };

/** The ways into and out of a working group, and its roles. */
@Injectable()
export class GroupMembershipService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly groups: GroupsService,
    private readonly scopes: ViewerScopeService,
    private readonly throttle: ThrottleService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly realtime: RealtimeService,
    private readonly accessLost: AccessLost,
  ) {}

  /** Open: joins. On request: asks. Closed: only accepts an invitation (otherwise the group stays invisible). */
  async join(user: User, groupId: string): Promise<WorkingGroup> {
    await this.scopes.requireConfirmed(user);
    const group = await this.groups.visibleRow(user, groupId);
    const existing = await this.prisma.groupMember.findUnique({ where: { groupId_userId: { groupId, userId: user.id } } });
    if (existing?.status === 'ACTIVE') throw conflict('Sie gehören dieser Gruppe schon an.');
    if (existing?.status === 'REQUESTED') throw conflict('Ihre Anfrage liegt den Moderatorinnen und Moderatoren schon vor.');
    if (existing?.status === 'INVITED') {
      // Only while the invitation still stands: a moderator may have withdrawn it a moment ago.
      await this.prisma.$transaction(async (tx) => {
        const accepted = await tx.groupMember.updateMany({
          where: { groupId, userId: user.id, status: 'INVITED' },
          data: { status: 'ACTIVE', joinedAt: new Date() },
        });
        if (accepted.count === 0) throw notFound('Diese Einladung gibt es nicht mehr.');
        // The invitation is answered: its notification needs no more attention.
        await this.notifications.settle(tx, { userIds: [user.id], kind: 'GROUP_INVITATION', subjectId: groupId });
      });
    } else if (group.access === 'CLOSED') {
      throw notFound('Diese Arbeitsgruppe gibt es nicht, oder sie ist geschlossen.');
    } else {
      const open = group.access === 'OPEN';
      await this.prisma.$transaction(async (tx) => {
        const created = await tx.groupMember.createMany({
          data: [{ groupId, userId: user.id, status: open ? 'ACTIVE' : 'REQUESTED', joinedAt: open ? new Date() : null }],
          skipDuplicates: true,
        });
        if (created.count === 0) throw conflict('Sie gehören dieser Gruppe schon an oder haben schon angefragt.');
        if (open) return;
        // Counted only for a request that is really made; over the limit, the request is rolled back.
        await this.throttle.beforeJoinRequest(tx, user.id, groupId);
        const moderators = await tx.groupMember.findMany({ where: { groupId, ...ACTIVE_CONFIRMED, role: 'MODERATOR' }, select: { userId: true } });
        await this.notifications.notify(tx, {
          recipients: moderators.map((m) => m.userId),
          kind: 'GROUP_JOIN_REQUEST',
          subjectType: 'group',
          subjectId: groupId,
          payload: { actorId: user.id, groupId },
        });
      });
    }
    this.scopes.forget(user);
    return this.groups.get(user, groupId);
  }

  /**
   * Runs `work` with the group row locked and the caller confirmed as an active moderator inside the same
   * transaction, so someone demoted or removed a moment ago cannot still act. Outsiders of a closed group get
   * NOT_FOUND.
   */
  private async asModerator<T>(user: User, groupId: string, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    await this.groups.visibleRow(user, groupId);
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "WorkingGroup" WHERE id = ${groupId}::uuid FOR UPDATE`;
      const me = await tx.groupMember.findFirst({ where: { groupId, userId: user.id, role: 'MODERATOR', ...ACTIVE_CONFIRMED } });
      if (!me) throw forbidden(NOT_MODERATOR);
      return work(tx);
    });
  }

  /** One decision per request: a second moderator deciding the same request gets CONFLICT. */
  async decide(user: User, input: DecideGroupJoinInput): Promise<GroupMember[]> {
    await this.asModerator(user, input.groupId, async (tx) => {
      if (!isUuid(input.personId)) throw notFound('Diese Anfrage gibt es nicht.');
      const where = { groupId: input.groupId, userId: input.personId, status: 'REQUESTED' as const };
      const changed = input.approve
        ? await tx.groupMember.updateMany({ where, data: { status: 'ACTIVE', joinedAt: new Date() } })
        : await tx.groupMember.deleteMany({ where });
      if (changed.count === 0) throw conflict('Diese Anfrage ist schon entschieden oder zurückgezogen.');
      // Decided by one moderator: the request's notification is settled for all of them.
      await this.notifications.settle(tx, { kind: 'GROUP_JOIN_REQUEST', subjectId: input.groupId, actorId: input.personId });
      await this.notifications.notify(tx, {
        recipients: [input.personId],
        kind: 'REQUEST_DECIDED',
        subjectType: 'group',
        subjectId: input.groupId,
        payload: { actorId: user.id, groupId: input.groupId, target: 'group', approved: input.approve },
      });
    });
    return this.members(user, input.groupId, true);
  }

  /**
   * Invites reveal nothing the moderator could not already see: people invited by email or with their
   * municipality stay a count (`pendingInvitations`) until they accept, and an email invitation answers and
   * mails the same whether or not the address has an account (unknown addresses are invited to register).
   */
  async invite(user: User, input: InviteToGroupInput, ip: string): Promise<InviteResult> {
    // Outsiders of a closed group learn nothing, not even which arguments it takes.
    await this.groups.visibleRow(user, input.groupId);
    if ([input.personId, input.email?.trim(), input.municipalityAgs].filter(Boolean).length !== 1) {
      throw badUserInput('Bitte laden Sie entweder eine Person oder die Mitglieder einer Kommune ein.', { field: 'personId' });
    }
    if (input.email) {
      const email = normalizeEmail(input.email);
      // Counted only for moderators: anyone else could otherwise use up an address's invitations.
      const { groupName, member } = await this.asModerator(user, input.groupId, async (tx) => {
        await this.throttle.beforeMail('invitation', ip, email);
        return this.inviteAddress(tx, user, input.groupId, email);
      });
      await this.mailInvitation(email, input.groupId, member ? groupName : null);
      return { invited: 1, skipped: 0 };
    }
    return this.asModerator(user, input.groupId, async (tx) => {
      let people: string[];
      let via: 'PERSON' | 'MUNICIPALITY';
      if (input.personId) {
        const invitee = isUuid(input.personId) ? await tx.user.findFirst({ where: { id: input.personId, ...CONFIRMED } }) : null;
        if (!invitee) throw notFound('Es gibt keine bestätigte Person mit dieser Angabe.');
        people = [invitee.id];
        via = 'PERSON';
      } else {
        const ags = input.municipalityAgs!.trim();
        assertKey(ags);
        const key = await tx.municipalityKey.findUnique({ where: { key: ags } });
        if (!key) throw notFound(`Keine Kommune mit dem Schlüssel ${ags}.`);
        const members = await tx.membership.findMany({
          where: { status: 'CONFIRMED', organization: { representsId: key.municipalityId } },
          select: { userId: true },
        });
        people = [...new Set(members.map((m) => m.userId))];
        via = 'MUNICIPALITY';
      }
      // Skipped are only those the moderator sees in the group already. Someone invited before by address or with
      // their municipality counts as invited again: the answer must not tell whom an address or a municipality reached.
      const seen = await tx.groupMember.count({
        where: { groupId: input.groupId, userId: { in: people }, OR: [{ status: { not: 'INVITED' } }, { invitedVia: 'PERSON' }] },
      });
      const created = await tx.groupMember.createManyAndReturn({
        data: people.map((userId) => ({ groupId: input.groupId, userId, status: 'INVITED' as const, invitedById: user.id, invitedVia: via })),
        skipDuplicates: true,
        select: { userId: true },
      });
      if (via === 'PERSON' && seen === 0 && created.length === 0) {
        await tx.groupMember.updateMany({
          where: { groupId: input.groupId, userId: people[0], status: 'INVITED' },
          data: { invitedVia: 'PERSON', invitedById: user.id },
        });
      }
      await this.notifications.notify(tx, {
        recipients: created.map((c) => c.userId),
        kind: 'GROUP_INVITATION',
        subjectType: 'group',
        subjectId: input.groupId,
        payload: { actorId: user.id, groupId: input.groupId },
      });
      return { invited: people.length - seen, skipped: seen };
    });
  }

  private async inviteAddress(tx: Prisma.TransactionClient, user: User, groupId: string, email: string) {
    const group = await tx.workingGroup.findUniqueOrThrow({ where: { id: groupId }, select: { name: true } });
    // A confirmed address gets the invitation at once (accepting still needs a confirmed membership).
    const invitee = await tx.user.findFirst({
      where: { email, emailVerifiedAt: { not: null } },
      select: { id: true, _count: { select: { memberships: { where: { status: 'CONFIRMED' } } } } },
    });
    if (invitee) {
      const created = await tx.groupMember.createManyAndReturn({
        data: [{ groupId, userId: invitee.id, status: 'INVITED', invitedById: user.id, invitedVia: 'EMAIL' }],
        skipDuplicates: true,
        select: { userId: true },
      });
      await this.notifications.notify(tx, {
        recipients: created.map((c) => c.userId),
        kind: 'GROUP_INVITATION',
        subjectType: 'group',
        subjectId: groupId,
        payload: { actorId: user.id, groupId },
        mailedByAction: true,
      });
    } else {
      await tx.groupEmailInvitation.upsert({
        where: { groupId_email: { groupId, email } },
        create: { groupId, email, invitedById: user.id },
        update: {},
      });
    }
    return { groupName: group.name, member: Boolean(invitee?._count.memberships) };
  }

  /** Group names are chosen by people: only a confirmed member of Verbund gets one in a mail. */
  private async mailInvitation(email: string, groupId: string, groupName: string | null): Promise<void> {
    const url = this.config.publicUrl;
    await this.mail.send(
      groupName
        ? {
            to: email,
            subject: 'Verbund: Einladung in eine Arbeitsgruppe',
            text: `Guten Tag,\n\nSie wurden in die Arbeitsgruppe „${groupName}“ eingeladen. Annehmen oder ablehnen können Sie hier:\n${url}/arbeitsgruppen/${groupId}\n`,
          }
        : {
            to: email,
            subject: 'Verbund: Einladung zur Mitarbeit',
            text: `Guten Tag,\n\neine Arbeitsgruppe auf Verbund, der Plattform für kommunale Integrationsarbeit, hat Sie zur Mitarbeit eingeladen.\nRegistrieren Sie sich mit dieser Adresse, dann finden Sie die Einladung unter „Arbeitsgruppen“:\n${url}/registrieren\n\nWenn Sie das nicht erwartet haben, ignorieren Sie diese E-Mail.\n`,
          },
    );
  }

  /** For moderators: invitations whose people they do not see until someone accepts; null for everyone else. */
  async pendingInvitations(user: User, groupId: string): Promise<number | null> {
    const me = await this.prisma.groupMember.findUnique({ where: { groupId_userId: { groupId, userId: user.id } } });
    if (me?.status !== 'ACTIVE' || me.role !== 'MODERATOR') return null;
    const [hidden, byEmail] = await Promise.all([
      this.prisma.groupMember.count({ where: { groupId, status: 'INVITED', NOT: { invitedVia: 'PERSON' } } }),
      this.prisma.groupEmailInvitation.count({ where: { groupId } }),
    ]);
    return hidden + byEmail;
  }

  /** Leaving also withdraws a request or declines an invitation. The last moderator hands over first. */
  async leave(user: User, groupId: string): Promise<boolean> {
    if (!isUuid(groupId)) throw notFound('Sie gehören dieser Gruppe nicht an.');
    await this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "WorkingGroup" WHERE id = ${groupId}::uuid FOR UPDATE`;
      await removeMember(
        tx,
        groupId,
        user.id,
        'Sie sind die letzte Moderation dieser Gruppe: Bitte übergeben Sie die Moderation zuerst an ein anderes Mitglied.',
      );
      await this.accessLost.lost(tx, user.id);
    });
    this.scopes.forget(user);
    await this.realtime.recheckRooms(user.id);
    return true;
  }

  async remove(user: User, input: GroupMemberInput): Promise<GroupMember[]> {
    await this.asModerator(user, input.groupId, async (tx) => {
      if (!isUuid(input.personId)) throw notFound('Diese Person gehört der Gruppe nicht an.');
      await removeMember(tx, input.groupId, input.personId, 'Die letzte Moderation kann nicht entfernt werden.');
      await this.accessLost.lost(tx, input.personId);
    });
    await this.realtime.recheckRooms(input.personId);
    return this.members(user, input.groupId, true);
  }

  async setRole(user: User, input: SetGroupRoleInput): Promise<GroupMember[]> {
    await this.asModerator(user, input.groupId, async (tx) => {
      const row = isUuid(input.personId)
        ? await tx.groupMember.findUnique({ where: { groupId_userId: { groupId: input.groupId, userId: input.personId } } })
        : null;
      if (row?.status !== 'ACTIVE') throw notFound('Diese Person gehört der Gruppe nicht an.');
      if (input.role === GroupRole.MEMBER && row.role === 'MODERATOR') {
        const others = await tx.groupMember.count({
          where: { groupId: input.groupId, ...ACTIVE_CONFIRMED, role: 'MODERATOR', userId: { not: input.personId } },
        });
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
      // Moderators see requests, and invitations of people they named themselves; the rest is a count.
      where: moderator
        ? { groupId, OR: [{ status: { in: ['ACTIVE', 'REQUESTED'] } }, { status: 'INVITED', invitedVia: 'PERSON' }] }
        : { groupId, status: 'ACTIVE' },
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

/** Inside a transaction that holds the group row: two moderators leaving at once cannot both be "not the last". */
async function removeMember(tx: Prisma.TransactionClient, groupId: string, userId: string, lastModeratorMessage: string): Promise<void> {
  const row = await tx.groupMember.findUnique({ where: { groupId_userId: { groupId, userId } } });
  if (!row) throw notFound('Diese Person gehört der Gruppe nicht an.');
  if (row.status === 'ACTIVE' && row.role === 'MODERATOR') {
    // Another moderator who can act: one without a confirmed membership cannot (ACTIVE_CONFIRMED).
    const others = await tx.groupMember.count({ where: { groupId, ...ACTIVE_CONFIRMED, role: 'MODERATOR', userId: { not: userId } } });
    if (others === 0) throw conflict(lastModeratorMessage);
  }
  await tx.groupMember.delete({ where: { groupId_userId: { groupId, userId } } });
}
