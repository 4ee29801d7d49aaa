import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SessionsService } from '../accounts/sessions.service.js';
import { Access } from '../core/access/access.decorator.js';
import { Http, type RequestContext } from '../core/access/viewer.decorator.js';
import { CreateOrganizationInput, DecideMembershipInput, EndMembershipInput, RequestMembershipInput, SetMembershipRoleInput } from './dto/membership.inputs.js';
import { MembershipsService } from './memberships.service.js';
import { Membership, Organization } from './models/membership.model.js';

@Resolver(() => Membership)
export class MembershipsResolver {
  constructor(
    private readonly memberships: MembershipsService,
    private readonly sessions: SessionsService,
  ) {}

  @Mutation(() => Membership, { description: 'Ask to join the administration of a Gemeinde, Landkreis or kreisfreie Stadt.' })
  @Access('AUTHENTICATED')
  async requestMembership(@Args('input') input: RequestMembershipInput, @Http() { req }: RequestContext): Promise<Membership> {
    return this.memberships.request(await this.sessions.requireUser(req), input, req.ip);
  }

  @Mutation(() => Membership, { description: 'For admins of the organisation (platform admins while it has none).' })
  @Access('AUTHENTICATED')
  async decideMembership(@Args('input') input: DecideMembershipInput, @Http() { req }: RequestContext): Promise<Membership> {
    return this.memberships.decide(await this.sessions.requireUser(req), input, req.ip);
  }

  @Mutation(() => Boolean, { description: 'Leave an organisation (or withdraw a request); admins of the organisation remove its members.' })
  @Access('AUTHENTICATED')
  async endMembership(@Args('input') input: EndMembershipInput, @Http() { req }: RequestContext): Promise<boolean> {
    return this.memberships.end(await this.sessions.requireUser(req), input, req.ip);
  }

  @Mutation(() => Membership, { description: 'For admins of the organisation (platform admins while it has none); it keeps at least one admin.' })
  @Access('AUTHENTICATED')
  async setMembershipRole(@Args('input') input: SetMembershipRoleInput, @Http() { req }: RequestContext): Promise<Membership> {
    return this.memberships.setRole(await this.sessions.requireUser(req), input, req.ip);
  }

  @Query(() => [Membership])
  @Access('AUTHENTICATED')
  async myMemberships(@Http() { req }: RequestContext): Promise<Membership[]> {
    return this.memberships.mine(await this.sessions.requireUser(req));
  }

  @Query(() => [Membership], { description: 'Open requests the signed-in person may decide.' })
  @Access('AUTHENTICATED')
  async membershipRequests(@Http() { req }: RequestContext): Promise<Membership[]> {
    return this.memberships.pending(await this.sessions.requireUser(req));
  }

  @Query(() => [Membership], { description: "A municipality's confirmed members; for its confirmed members only." })
  @Access('AUTHENTICATED')
  async people(@Args('ags') ags: string, @Http() { req }: RequestContext): Promise<Membership[]> {
    return this.memberships.people(await this.sessions.requireUser(req), ags);
  }

  @Mutation(() => Membership, { description: "Register a civil-society organisation; the founder's admin request goes to platform admins." })
  @Access('AUTHENTICATED')
  async createOrganization(@Args('input') input: CreateOrganizationInput, @Http() { req }: RequestContext): Promise<Membership> {
    return this.memberships.createOrganization(await this.sessions.requireUser(req), input, req.ip);
  }

  @Query(() => [Organization], { description: 'Confirmed civil-society organisations located in a municipality.' })
  @Access('PUBLIC')
  organizations(@Args('ags') ags: string): Promise<Organization[]> {
    return this.memberships.organizationsIn(ags);
  }
}
