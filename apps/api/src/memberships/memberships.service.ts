import { Injectable } from '@nestjs/common';
import type { Prisma, User } from '../generated/prisma/client.js';
import type { Topic } from '../core/catalogue/catalogue.enums.js';
import { AuditService } from '../core/audit/audit.service.js';
import { PrismaService } from '../core/database/prisma.service.js';
import { badUserInput, conflict, forbidden, notFound } from '../core/errors/app-error.js';
import { assertKey } from '../municipalities/dto/municipalities.args.js';
import { toMunicipality } from '../municipalities/municipality.mapper.js';
import type {
  CreateOrganizationInput,
  DecideMembershipInput,
  EndMembershipInput,
  RequestMembershipInput,
  SetMembershipRoleInput,
} from './dto/membership.inputs.js';
import { AccessLost } from '../core/access/access-lost.js';
import { ViewerScopeService } from '../core/access/viewer-scope.service.js';
import { RealtimeService } from '../core/realtime/realtime.service.js';
import type { Organization } from './models/membership.model.js';
import { JobFunction, type Membership, MembershipRole, MembershipStatus } from './models/membership.model.js';
import { isUuid } from '../core/validation/ids.js';
import { NotificationsService } from '../notifications/notifications.service.js';

const WITH_ORG = { organization: { include: { locatedIn: true } }, user: true } as const;
type MembershipRow = Prisma.MembershipGetPayload<{ include: typeof WITH_ORG }>;

function toMembership(row: MembershipRow, showEmail: boolean, canEnd = false): Membership {
  return {
    id: row.id,
    organization: {
      id: row.organization.id,
      name: row.organization.name,
      kind: row.organization.kind,
      municipality: toMunicipality(row.organization.locatedIn),
    },
    personName: row.user.name,
    personEmail: showEmail ? row.user.email : null,
    role: MembershipRole[row.role],
    status: MembershipStatus[row.status],
    function: JobFunction[row.function],
    topics: row.topics as Topic[],
    requestedAt: row.requestedAt,
    canEnd,
  };
}

/**
 * Who belongs to which organisation. A membership is requested by the person and decided by an admin of that
 * organisation; while a municipality has no admin, by a platform admin.
 */
@Injectable()
export class MembershipsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly accessLost: AccessLost,
    private readonly scopes: ViewerScopeService,
    private readonly realtime: RealtimeService,
  ) {}

  private async locate(ags: string) {
    assertKey(ags);
    const key = await this.prisma.municipalityKey.findUnique({ where: { key: ags }, include: { municipality: true } });
    if (!key) throw notFound(`Keine Kommune mit dem Schlüssel ${ags}.`);
    const municipality = key.municipality;
    if (municipality.kind === 'LAND' || municipality.retiredAt) {
      throw badUserInput('Das geht für eine Gemeinde, einen Landkreis oder eine kreisfreie Stadt.', { field: 'municipalityAgs' });
    }
    return municipality;
  }

  /** Keys of the managed list (the GraphQL enum refuses others); each once. */
  private topics(list: Topic[] | null | undefined): Topic[] {
    return [...new Set(list ?? [])];
  }

  async request(user: User, input: RequestMembershipInput, ip: string): Promise<Membership> {
    if (!user.emailVerifiedAt) throw forbidden('Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse.');
    if (Boolean(input.municipalityAgs) === Boolean(input.organizationId)) {
      throw badUserInput('Bitte geben Sie entweder eine Kommune oder eine Organisation an.', { field: 'municipalityAgs' });
    }
    const topics = this.topics(input.topics);
    const municipality = input.municipalityAgs ? await this.locate(input.municipalityAgs) : null;
    const civil =
      input.organizationId && isUuid(input.organizationId)
        ? await this.prisma.organization.findFirst({ where: { id: input.organizationId, representsId: null } })
        : null;
    if (input.organizationId && !civil) throw notFound('Diese Organisation gibt es nicht.');
    return this.prisma.$transaction(async (tx) => {
      const organization = municipality
        ? await tx.organization.upsert({
            where: { representsId: municipality.id },
            update: {},
            create: { kind: 'MUNICIPALITY', name: municipality.displayName, representsId: municipality.id, locatedInId: municipality.id },
          })
        : civil!;
      // One request at a time per organisation: a double click finds the first and is told so.
      await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organization.id}::uuid FOR UPDATE`;
      const existing = await tx.membership.findUnique({ where: { userId_organizationId: { userId: user.id, organizationId: organization.id } } });
      if (existing && existing.status !== 'REJECTED') throw conflict('Sie sind dort bereits Mitglied oder haben schon angefragt.');
      const data = {
        function: input.function,
        topics,
        status: 'REQUESTED' as const,
        role: 'MEMBER' as const,
        requestedAt: new Date(),
        decidedAt: null,
        decidedById: null,
      };
      const row = existing
        ? await tx.membership.update({ where: { id: existing.id }, data, include: WITH_ORG })
        : await tx.membership.create({ data: { ...data, userId: user.id, organizationId: organization.id }, include: WITH_ORG });
      await this.audit.record('MEMBERSHIP_REQUESTED', { actorId: user.id, subjectId: user.id, ip, data: { organizationId: organization.id } }, tx);
      await this.notifyDeciders(tx, user, organization.id, row.id);
      return toMembership(row, true);
    });
  }

  /**
   * Registers a civil-society organisation. Its founder asks to be its admin; as it has no admin yet, a platform
   * admin decides, so nobody can speak for an organisation just by naming it.
   */
  async createOrganization(user: User, input: CreateOrganizationInput, ip: string): Promise<Membership> {
    if (!user.emailVerifiedAt) throw forbidden('Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse.');
    const name = input.name.trim();
    if (name.length < 3 || name.length > 150) throw badUserInput('Der Name muss 3 bis 150 Zeichen lang sein.', { field: 'name' });
    const municipality = await this.locate(input.municipalityAgs);
    return this.prisma.$transaction(async (tx) => {
      // Names are compared under one lock per municipality: two founders of the same name at once found one.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`organization-names:${municipality.id}`}, 0))`;
      const twin = await tx.organization.findFirst({ where: { locatedInId: municipality.id, name: { equals: name, mode: 'insensitive' } } });
      if (twin) throw conflict('Eine Organisation dieses Namens gibt es dort schon. Bitten Sie um Aufnahme.');
      const organization = await tx.organization.create({ data: { kind: input.kind, name, locatedInId: municipality.id } });
      const row = await tx.membership.create({
        data: { userId: user.id, organizationId: organization.id, role: 'ADMIN', status: 'REQUESTED', function: input.function, topics: [] },
        include: WITH_ORG,
      });
      await this.audit.record(
        'MEMBERSHIP_REQUESTED',
        { actorId: user.id, subjectId: user.id, ip, data: { organizationId: organization.id, founder: true } },
        tx,
      );
      await this.notifyDeciders(tx, user, organization.id, row.id);
      return toMembership(row, true);
    });
  }

  /** Civil-society organisations located in a municipality: public, so that people find and join them. */
  async organizationsIn(ags: string): Promise<Organization[]> {
    const municipality = await this.locate(ags);
    const rows = await this.prisma.organization.findMany({
      where: { locatedInId: municipality.id, representsId: null, memberships: { some: { status: 'CONFIRMED' } } },
      include: { locatedIn: true },
      orderBy: { name: 'asc' },
    });
    return rows.map((o) => ({ id: o.id, name: o.name, kind: o.kind, municipality: toMunicipality(o.locatedIn) }));
  }

  /** Who decides the organisation's requests: its admins, or platform admins while it has none. */
  private async notifyDeciders(tx: Prisma.TransactionClient, user: User, organizationId: string, membershipId: string): Promise<void> {
    const admins = await tx.membership.findMany({ where: { organizationId, role: 'ADMIN', status: 'CONFIRMED' }, select: { userId: true } });
    const deciders = admins.length
      ? admins.map((a) => a.userId)
      : (await tx.user.findMany({ where: { platformRole: 'ADMIN' }, select: { id: true } })).map((u) => u.id);
    await this.notifications.notify(tx, {
      recipients: deciders,
      kind: 'ORGANIZATION_JOIN_REQUEST',
      subjectType: 'membership',
      subjectId: membershipId,
      payload: { actorId: user.id, organizationId },
    });
  }

  /**
   * An admin who leaves no longer decides the organisation's requests; if nobody is left to, the platform admins do
   * from now on, and are told of each request still open (they were not when it was made).
   */
  private async handOverRequests(tx: Prisma.TransactionClient, admin: { userId: string; organizationId: string }): Promise<void> {
    const { organizationId } = admin;
    await this.notifications.settle(tx, { kind: 'ORGANIZATION_JOIN_REQUEST', organizationId, userIds: [admin.userId] });
    if (await tx.membership.count({ where: { organizationId, role: 'ADMIN', status: 'CONFIRMED' } })) return;
    const open = await tx.membership.findMany({ where: { organizationId, status: 'REQUESTED' }, include: { user: true } });
    for (const request of open) await this.notifyDeciders(tx, request.user, organizationId, request.id);
  }

  /** May `user` decide requests of this organisation? */
  private async mayDecide(user: User, organizationId: string, db: Pick<Prisma.TransactionClient, 'membership'> = this.prisma): Promise<boolean> {
    const admins = await db.membership.findMany({ where: { organizationId, role: 'ADMIN', status: 'CONFIRMED' }, select: { userId: true } });
    if (admins.some((a) => a.userId === user.id)) return true;
    return admins.length === 0 && user.platformRole === 'ADMIN';
  }

  async decide(user: User, input: DecideMembershipInput, ip: string): Promise<Membership> {
    const membership = isUuid(input.membershipId) ? await this.prisma.membership.findUnique({ where: { id: input.membershipId } }) : null;
    if (!membership) throw notFound('Diese Anfrage gibt es nicht.');
    if (!(await this.mayDecide(user, membership.organizationId))) throw forbidden('Über diese Anfrage entscheiden die Admins der Organisation.');
    if (membership.status !== 'REQUESTED') throw conflict('Über diese Anfrage wurde schon entschieden.');
    return this.prisma.$transaction(async (tx) => {
      await this.lockOrganization(tx, membership.organizationId);
      if (!(await this.mayDecide(user, membership.organizationId, tx))) throw forbidden('Über diese Anfrage entscheiden die Admins der Organisation.');
      // Only a still open request is decided: two admins at once cannot both win.
      const decided = await tx.membership.updateMany({
        where: { id: membership.id, status: 'REQUESTED' },
        data: {
          status: input.approve ? 'CONFIRMED' : 'REJECTED',
          role: input.approve && (input.makeAdmin === true || membership.role === 'ADMIN') ? 'ADMIN' : 'MEMBER',
          decidedAt: new Date(),
          decidedById: user.id,
        },
      });
      if (decided.count === 0) throw conflict('Über diese Anfrage wurde schon entschieden.');
      const row = await tx.membership.findUniqueOrThrow({ where: { id: membership.id }, include: WITH_ORG });
      await this.audit.record(
        'MEMBERSHIP_DECIDED',
        { actorId: user.id, subjectId: membership.userId, ip, data: { membershipId: membership.id, approve: input.approve, admin: input.makeAdmin === true } },
        tx,
      );
      await this.notifications.notify(tx, {
        recipients: [membership.userId],
        kind: 'REQUEST_DECIDED',
        subjectType: 'membership',
        subjectId: membership.id,
        payload: { actorId: user.id, organizationId: membership.organizationId, target: 'organization', approved: input.approve },
      });
      return toMembership(row, true);
    });
  }

  /**
   * Admins of an organisation make a confirmed colleague an admin, or take the rights back (their own too), but not
   * from its last admin. The organisation is locked, so that two admins taking each other's rights at once cannot
   * leave it without one. (The last admin may still leave; its requests then go to the platform admins.)
   */
  async setRole(user: User, input: SetMembershipRoleInput, ip: string): Promise<Membership> {
    const membership = isUuid(input.membershipId) ? await this.prisma.membership.findUnique({ where: { id: input.membershipId } }) : null;
    if (!membership) throw notFound('Diese Mitgliedschaft gibt es nicht.');
    if (!(await this.mayDecide(user, membership.organizationId))) throw forbidden('Admins ernennen die Admins der Organisation.');
    if (membership.status !== 'CONFIRMED') throw badUserInput('Über Anfragen entscheiden Sie mit „Bestätigen“ oder „Ablehnen“.', { field: 'membershipId' });
    const role = input.admin ? 'ADMIN' : 'MEMBER';
    const row = await this.prisma.$transaction(async (tx) => {
      await this.lockOrganization(tx, membership.organizationId);
      // Asked again under the lock: another admin may just have taken the caller's rights.
      if (!(await this.mayDecide(user, membership.organizationId, tx))) throw forbidden('Admins ernennen die Admins der Organisation.');
      const current = await tx.membership.findUnique({ where: { id: membership.id } });
      if (!current || current.status !== 'CONFIRMED') throw conflict('Diese Mitgliedschaft hat sich gerade geändert. Bitte laden Sie die Seite neu.');
      if (current.role !== role) {
        if (role === 'MEMBER') {
          const admins = await tx.membership.count({ where: { organizationId: membership.organizationId, role: 'ADMIN', status: 'CONFIRMED' } });
          if (admins <= 1)
            throw badUserInput('Die Organisation braucht mindestens eine Admin-Person. Ernennen Sie zuerst eine andere.', { field: 'membershipId' });
        }
        await tx.membership.update({ where: { id: membership.id }, data: { role } });
        await this.audit.record(
          'MEMBERSHIP_ROLE_CHANGED',
          { actorId: user.id, subjectId: membership.userId, ip, data: { membershipId: membership.id, organizationId: membership.organizationId, role } },
          tx,
        );
        // The organisation's requests are no longer this person's to decide (settled first: the bell's count goes out
        // with the notice).
        if (role === 'MEMBER')
          await this.notifications.settle(tx, { kind: 'ORGANIZATION_JOIN_REQUEST', organizationId: membership.organizationId, userIds: [membership.userId] });
        await this.notifications.notify(tx, {
          recipients: [membership.userId],
          kind: 'MEMBERSHIP_ROLE_CHANGED',
          subjectType: 'membership',
          subjectId: membership.id,
          payload: { actorId: user.id, organizationId: membership.organizationId, admin: role === 'ADMIN' },
        });
      }
      return tx.membership.findUniqueOrThrow({ where: { id: membership.id }, include: WITH_ORG });
    });
    return toMembership(row, true, true);
  }

  async mine(user: User): Promise<Membership[]> {
    const rows = await this.prisma.membership.findMany({ where: { userId: user.id }, include: WITH_ORG, orderBy: { requestedAt: 'desc' } });
    return rows.map((r) => toMembership(r, true, true));
  }

  /**
   * Ends a membership: the person leaves (or withdraws a request), or an admin of the organisation removes them,
   * e.g. after they left the office. What the person could see through it ends with it: their open connections
   * are asked again, and registrations they may no longer see are withdrawn (`AccessLost`). What they made for
   * the organisation stays with it.
   */
  async end(user: User, input: EndMembershipInput, ip: string): Promise<boolean> {
    const membership = isUuid(input.membershipId) ? await this.prisma.membership.findUnique({ where: { id: input.membershipId } }) : null;
    if (!membership) throw notFound('Diese Mitgliedschaft gibt es nicht.');
    if (membership.userId !== user.id) {
      if (!(await this.mayDecide(user, membership.organizationId))) throw forbidden('Mitglieder entfernen die Admins der Organisation.');
      // A request is approved or rejected (the person hears of it), not removed unseen.
      if (membership.status !== 'CONFIRMED') throw badUserInput('Über Anfragen entscheiden Sie mit „Bestätigen“ oder „Ablehnen“.', { field: 'membershipId' });
    }
    await this.prisma.$transaction(async (tx) => {
      await this.lockOrganization(tx, membership.organizationId);
      // Asked again under the lock: the admin removing someone may just have lost their rights to them.
      if (membership.userId !== user.id && !(await this.mayDecide(user, membership.organizationId, tx)))
        throw forbidden('Mitglieder entfernen die Admins der Organisation.');
      // Only as it was checked: a decision or a role given meanwhile is not undone unseen.
      const ended = await tx.membership.deleteMany({ where: { id: membership.id, status: membership.status, role: membership.role } });
      if (ended.count === 0) throw conflict('Diese Mitgliedschaft hat sich gerade geändert. Bitte laden Sie die Seite neu.');
      await this.audit.record(
        'MEMBERSHIP_ENDED',
        { actorId: user.id, subjectId: membership.userId, ip, data: { organizationId: membership.organizationId, status: membership.status } },
        tx,
      );
      if (membership.role === 'ADMIN' && membership.status === 'CONFIRMED') await this.handOverRequests(tx, membership);
      await this.accessLost.lost(tx, membership.userId);
    });
    this.scopes.forget(user);
    await this.realtime.recheckRooms(membership.userId);
    return true;
  }

  /**
   * Changes to who administers an organisation (decisions, roles, removals) run one after the other: two admins
   * taking each other's rights or removing each other at once would otherwise leave it without one, and an admin
   * who just lost the rights could still decide a request.
   */
  private async lockOrganization(tx: Prisma.TransactionClient, organizationId: string): Promise<void> {
    await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId}::uuid FOR UPDATE`;
  }

  /** Open requests the user may decide. */
  async pending(user: User): Promise<Membership[]> {
    const adminOf = await this.prisma.membership.findMany({ where: { userId: user.id, role: 'ADMIN', status: 'CONFIRMED' }, select: { organizationId: true } });
    const or: Prisma.MembershipWhereInput[] = [{ organizationId: { in: adminOf.map((a) => a.organizationId) } }];
    if (user.platformRole === 'ADMIN') {
      or.push({ organization: { memberships: { none: { role: 'ADMIN', status: 'CONFIRMED' } } } });
    }
    const rows = await this.prisma.membership.findMany({ where: { status: 'REQUESTED', OR: or }, include: WITH_ORG, orderBy: { requestedAt: 'asc' } });
    return rows.map((r) => toMembership(r, true));
  }

  /** Confirmed members of a municipality's organisations, for its confirmed members and platform admins only. */
  async people(user: User, ags: string): Promise<Membership[]> {
    assertKey(ags);
    const key = await this.prisma.municipalityKey.findUnique({ where: { key: ags } });
    if (!key) throw notFound(`Keine Kommune mit dem Schlüssel ${ags}.`);
    const where = { status: 'CONFIRMED' as const, organization: { locatedInId: key.municipalityId } };
    const isMember = (await this.prisma.membership.count({ where: { ...where, userId: user.id } })) > 0;
    if (!isMember && user.platformRole !== 'ADMIN') throw forbidden('Die Personen einer Kommune sehen nur ihre bestätigten Mitglieder.');
    const rows = await this.prisma.membership.findMany({ where, include: WITH_ORG, orderBy: { user: { name: 'asc' } } });
    // Addresses only within one's own organisation (and for platform admins).
    const own = new Set(rows.filter((r) => r.userId === user.id).map((r) => r.organizationId));
    const adminOf = new Set(rows.filter((r) => r.userId === user.id && r.role === 'ADMIN').map((r) => r.organizationId));
    // Platform admins step in for an organisation without admins (as `mayDecide` says): they may give it one.
    const withAdmins = new Set(rows.filter((r) => r.role === 'ADMIN').map((r) => r.organizationId));
    const manages = (organizationId: string) => adminOf.has(organizationId) || (user.platformRole === 'ADMIN' && !withAdmins.has(organizationId));
    return rows.map((r) => toMembership(r, user.platformRole === 'ADMIN' || own.has(r.organizationId), r.userId === user.id || manages(r.organizationId)));
  }
}
