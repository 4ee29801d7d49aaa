import { Injectable } from '@nestjs/common';
import type { User } from '../../generated/prisma/client.js';
import { PrismaService } from '../database/prisma.service.js';
import { forbidden } from '../errors/app-error.js';

/** What a signed-in person belongs to: the basis of every "who sees what" in groups and materials. */
export interface ViewerScope {
  user: User;
  /** Has at least one confirmed membership: a member of the platform, not just an account. */
  confirmed: boolean;
  organizationIds: string[];
  /** Municipalities of those organisations (the administration's own, or where a CSO is located). */
  municipalityIds: string[];
  /** Municipality organisations only: those that can mark a material as used. */
  municipalityOrganizations: { organizationId: string; municipalityId: string }[];
  topics: string[];
  /**
   * The places the person belongs to, as materials for an area name them (`Material.readerAreas`): each of their
   * organisations' municipality (`m:`), its Kreis (`k:`) and its Land (`l:`).
   */
  areaKeys: string[];
  activeGroupIds: string[];
  moderatedGroupIds: string[];
}

@Injectable()
export class ViewerScopeService {
  private readonly perUser = new WeakMap<User, Promise<ViewerScope>>();

  constructor(private readonly prisma: PrismaService) {}

  /** Looked up once per request (the user object is per request). */
  of(user: User): Promise<ViewerScope> {
    let scope = this.perUser.get(user);
    if (!scope) {
      scope = this.load(user);
      this.perUser.set(user, scope);
    }
    return scope;
  }

  /** After the person's memberships changed within this request. */
  forget(user: User): void {
    this.perUser.delete(user);
  }

  async requireConfirmed(user: User): Promise<ViewerScope> {
    const scope = await this.of(user);
    if (!scope.confirmed) throw forbidden('Dafür braucht es eine bestätigte Mitgliedschaft in einer Kommune oder Organisation.');
    return scope;
  }

  private async load(user: User): Promise<ViewerScope> {
    const [memberships, groups] = await Promise.all([
      this.prisma.membership.findMany({
        where: { userId: user.id, status: 'CONFIRMED' },
        include: { organization: { include: { locatedIn: { select: { ags: true } } } } },
      }),
      this.prisma.groupMember.findMany({ where: { userId: user.id, status: 'ACTIVE' }, select: { groupId: true, role: true } }),
    ]);
    const confirmed = memberships.length > 0;
    // Groups are for confirmed members of the platform: who left their last organisation keeps their place in a
    // group (to come back to) but sees and hears nothing of it meanwhile.
    const groupsNow = confirmed ? groups : [];
    return {
      user,
      confirmed,
      organizationIds: memberships.map((m) => m.organizationId),
      municipalityIds: [...new Set(memberships.map((m) => m.organization.locatedInId))],
      municipalityOrganizations: memberships
        .filter((m) => m.organization.representsId)
        .map((m) => ({ organizationId: m.organizationId, municipalityId: m.organization.representsId! })),
      topics: [...new Set(memberships.flatMap((m) => m.topics))],
      areaKeys: [...new Set(memberships.flatMap((m) => areaKeysOf(m.organization.locatedIn.ags)))],
      activeGroupIds: groupsNow.map((g) => g.groupId),
      moderatedGroupIds: groupsNow.filter((g) => g.role === 'MODERATOR').map((g) => g.groupId),
    };
  }
}

/** A municipality's keys: its own, its Kreis's (itself for a Kreis or kreisfreie Stadt) and its Land's. */
export function areaKeysOf(ags: string): string[] {
  return [`m:${ags}`, ...(ags.length >= 5 ? [`k:${ags.slice(0, 5)}`] : []), `l:${ags.slice(0, 2)}`];
}
